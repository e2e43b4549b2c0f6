import { randomUUID } from 'node:crypto';
import type { WebhookEvent } from '../../domain/distribution/webhook.js';
import { storyPath } from '../../domain/story/story-path.js';
import type { DatelineEvent } from '../../events/events.js';
import type { ActionDeps } from '../deps.js';
import { DELIVER_WEBHOOK_JOB, WEBHOOK_MAX_ATTEMPTS } from './deliver-webhook.js';

/** The webhook event an event is, if any: a story published, updated, unpublished or corrected; a comment approved. */
export function webhookEventOf(event: DatelineEvent): WebhookEvent | null {
  if (event.type === 'story.changed' && event.change) return `story.${event.change}`;
  if (event.type === 'comments.changed' && event.approvedCommentId !== undefined) return 'comment.approved';
  return null;
}

/**
 * Turns an event into one delivery per endpoint of its service that asked for it, each a
 * durable job, in one transaction: an event heard is an event delivered, retried until the
 * endpoint takes it. The payload is a snapshot of what was public when it happened.
 */
export async function enqueueWebhookDeliveries(deps: ActionDeps, event: DatelineEvent): Promise<number> {
  const type = webhookEventOf(event);
  if (!type || !('serviceCode' in event)) return 0;
  const endpoints = await deps.store.read.webhooks.endpointsFor(event.serviceCode, type);
  if (endpoints.length === 0) return 0;
  const now = deps.clock.now();
  const data = await payloadData(deps, event);
  return deps.store.transaction(async (repos) => {
    for (const endpoint of endpoints) {
      const messageId = `msg_${randomUUID().replace(/-/g, '')}`;
      const payload = JSON.stringify({ type, timestamp: now.toISOString(), data });
      const delivery = await repos.webhooks.insertDelivery({ messageId, endpointId: endpoint.id, event: type, payload }, now);
      await repos.jobs.enqueue({ type: DELIVER_WEBHOOK_JOB, payload: { deliveryId: delivery.id }, maxAttempts: WEBHOOK_MAX_ATTEMPTS }, now);
    }
    return endpoints.length;
  });
}

async function payloadData(deps: ActionDeps, event: DatelineEvent): Promise<Record<string, unknown>> {
  if (event.type !== 'story.changed' && event.type !== 'comments.changed') return {};
  const story = await deps.store.read.stories.findById(event.storyId);
  const url = (path: string) => (deps.webhookPolicy ? new URL(path, deps.webhookPolicy.siteUrl).href : path);
  const storyData =
    story && event.type === 'story.changed' && event.change === 'unpublished'
      ? { id: story.id, service: story.serviceCode }
      : story
        ? {
            id: story.id,
            service: story.serviceCode,
            url: url(storyPath(story)),
            headline: story.headline,
            deck: story.deck,
            publishedAt: story.publishedAt?.toISOString() ?? null,
            updatedAt: story.updatedAt?.toISOString() ?? null,
          }
        : { id: event.storyId, service: event.serviceCode };
  if (event.type === 'comments.changed') {
    const comment = event.approvedCommentId !== undefined ? await deps.store.read.comments.findById(event.approvedCommentId) : undefined;
    return {
      story: storyData,
      comment: comment ? { id: comment.id, authorName: comment.authorName, body: comment.body, createdAt: comment.createdAt.toISOString() } : { id: event.approvedCommentId },
    };
  }
  return { story: storyData };
}

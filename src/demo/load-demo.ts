import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAlert } from '../actions/alerts/create-alert.js';
import { setCommentsState } from '../actions/comments/set-comments-state.js';
import type { ActionDeps } from '../actions/deps.js';
import { createProfile } from '../actions/profiles/create-profile.js';
import { createSection, createService } from '../actions/services/create-service.js';
import { updateServiceInfo } from '../actions/services/service-info.js';
import { addStoryNote } from '../actions/stories/add-story-note.js';
import { createStory } from '../actions/stories/create-story.js';
import { publishStory } from '../actions/stories/publish-story.js';
import type { Rendition } from '../domain/media/media.js';
import { systemActor } from '../domain/user/user.js';
import { storyPath } from '../domain/story/story-path.js';
import type { DemoContent, DemoElement, DemoInline, DemoStory } from './demo-content.js';
import { createTag, registerMedia, storeComment } from './seed.js';

const demoMediaDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'media');
// Compiled code runs from dist/, the demo's media files stay in src/.
const sourceMediaDir = fs.existsSync(demoMediaDir)
  ? demoMediaDir
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'demo', 'media');

/**
 * Loads the demo into an empty database, through the same actions the newsroom uses.
 * Returns false (and changes nothing) when the database already has services.
 */
export async function loadDemo(deps: ActionDeps, content: DemoContent, mediaDir: string): Promise<{ loaded: boolean; storyIds: Map<string, number> }> {
  const actor = systemActor('demo');
  const storyIds = new Map<string, number>();
  if ((await deps.store.read.services.count()) > 0) return { loaded: false, storyIds };
  const now = deps.clock.now().getTime();
  const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);

  const sectionIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  for (const service of content.services) {
    await createService(deps, actor, service);
    if (service.info) await updateServiceInfo(deps, actor, service.code, service.info);
    for (const [position, section] of service.sections.entries()) {
      const saved = await createSection(deps, actor, { serviceCode: service.code, ...section, position });
      sectionIds.set(`${service.code}/${section.slug}`, saved.id);
    }
    for (const tag of service.tags) {
      const saved = await createTag(deps, { serviceCode: service.code, ...tag });
      tagIds.set(`${service.code}/${tag.slug}`, saved.id);
    }
  }

  const profileIds = new Map<string, number>();
  for (const profile of content.profiles) {
    profileIds.set(profile.key, (await createProfile(deps, actor, profile)).id);
  }

  const mediaIds = new Map<string, number>();
  fs.mkdirSync(path.join(mediaDir, 'demo'), { recursive: true });
  for (const media of content.media) {
    const renditions: Rendition[] = [];
    if (media.file) {
      renditions.push({
        kind: media.kind === 'audio' ? 'audio' : 'mp4',
        mimeType: media.file.mimeType,
        path: copyDemoFile(media.file.name, mediaDir),
        width: media.file.width ?? null,
        height: media.file.height ?? null,
        sizeBytes: fs.statSync(path.join(sourceMediaDir, media.file.name)).size,
        label: media.kind === 'audio' ? 'AAC' : `MP4 ${media.file.height ?? ''}p`.trim(),
      });
    }
    if (media.poster) {
      renditions.push({
        kind: 'poster',
        mimeType: 'image/jpeg',
        path: copyDemoFile(media.poster.name, mediaDir),
        width: media.poster.width,
        height: media.poster.height,
        sizeBytes: fs.statSync(path.join(sourceMediaDir, media.poster.name)).size,
        label: 'Poster',
      });
    }
    const saved = await registerMedia(deps, {
      kind: media.kind,
      title: media.title,
      caption: media.caption,
      credit: media.credit,
      altText: media.altText,
      durationMs: media.durationMs,
      state: media.file ? 'ready' : 'processing',
      renditions,
    });
    mediaIds.set(media.key, saved.id);
  }

  const need = (map: Map<string, number>, key: string, what: string) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`demo content refers to unknown ${what} "${key}"`);
    return id;
  };
  const inline = (run: DemoInline) =>
    run.type === 'profile' ? { type: 'profile', text: run.text, profileId: need(profileIds, run.profile, 'profile') } : run;
  const element = (el: DemoElement) => {
    switch (el.type) {
      case 'paragraph':
        return { type: 'paragraph', content: el.content.map(inline) };
      case 'quote':
        return { ...el, content: el.content.map(inline) };
      case 'list':
        return { ...el, items: el.items.map((item) => item.map(inline)) };
      case 'media':
        return { type: 'media', mediaId: need(mediaIds, el.media, 'media item') };
      case 'profile':
        return { type: 'profile', profileId: need(profileIds, el.profile, 'profile') };
      case 'related':
        return { type: 'related', storyId: need(storyIds, el.story, 'story') };
      case 'subheading':
        return el;
    }
  };

  // Stories that link to others as "related" are created after the rest (one level is all the demo needs).
  const ordered = [...content.stories.filter((s) => !hasRelated(s)), ...content.stories.filter(hasRelated)];
  const storyPaths = new Map<string, string>();
  for (const story of ordered) {
    const id = await createStory(deps, actor, {
      serviceCode: story.serviceCode,
      sectionId: need(sectionIds, `${story.serviceCode}/${story.section}`, 'section'),
      slug: story.slug,
      headline: story.headline,
      deck: story.deck,
      dateline: story.dateline,
      bylines: story.bylines,
      credits: story.credits,
      body: story.body.map(element),
      leadMediaId: story.leadMedia ? need(mediaIds, story.leadMedia, 'media item') : null,
      tagIds: story.tags.map((tag) => need(tagIds, `${story.serviceCode}/${tag}`, 'tag')),
      commentsState: 'open',
    });
    storyIds.set(story.key, id);
    const saved = await deps.store.read.stories.findById(id);
    if (saved) storyPaths.set(story.key, storyPath(saved));
    await publishStory(deps, actor, id, { at: minutesAgo(story.publishedMinutesAgo) });
    const commentIds: number[] = [];
    for (const [index, comment] of story.comments.entries()) {
      const parentId = comment.replyTo === undefined ? null : (commentIds[comment.replyTo] ?? null);
      commentIds.push(
        await storeComment(deps, {
          storyId: id,
          parentId,
          authorName: comment.author,
          body: comment.body,
          state: 'visible',
          at: minutesAgo(Math.max(0, story.publishedMinutesAgo - 2 - index)),
        }),
      );
    }
    for (const note of story.notes ?? []) await addStoryNote(deps, actor, id, note);
    if (story.commentsState === 'closed') await setCommentsState(deps, actor, id, 'closed');
  }

  for (const alert of content.alerts) {
    await createAlert(deps, actor, {
      serviceCode: alert.serviceCode,
      text: alert.text,
      linkUrl: alert.story ? (storyPaths.get(alert.story) ?? null) : null,
      durationMinutes: alert.durationMinutes,
    });
  }
  return { loaded: true, storyIds };
}

function hasRelated(story: DemoStory): boolean {
  return story.body.some((el) => el.type === 'related');
}

function copyDemoFile(name: string, mediaDir: string): string {
  const relative = `demo/${name}`;
  fs.copyFileSync(path.join(sourceMediaDir, name), path.join(mediaDir, relative));
  return relative;
}

import { bodyReferences } from '../../domain/body/body.js';
import type { BodyLabels } from '../../domain/body/editor-document.js';
import type { MediaItem } from '../../domain/media/media.js';
import type { Tag } from '../../domain/service/service.js';
import type { Story } from '../../domain/story/story.js';
import type { ActionDeps } from '../deps.js';

export interface StoryEditorData {
  /** Names, titles and headlines of what the body's cards point at, for the editor to show. */
  readonly labels: BodyLabels;
  /** The lead media item, with its own caption and credit (what shows when the story gives none). */
  readonly leadMedia: Pick<MediaItem, 'id' | 'title' | 'caption' | 'credit'> | null;
  /** The topics of the story's service, to tick. */
  readonly tags: readonly Tag[];
}

/** What the story form shows besides the story itself. The caller has checked `story.read`. */
export async function storyEditorData(deps: ActionDeps, story: Pick<Story, 'serviceCode' | 'body' | 'leadMediaId'>): Promise<StoryEditorData> {
  const repos = deps.store.read;
  const refs = bodyReferences(story.body);
  const mediaIds = story.leadMediaId ? [story.leadMediaId, ...refs.mediaIds] : refs.mediaIds;
  const [media, profiles, related, tags] = await Promise.all([
    repos.media.findByIds(mediaIds),
    repos.profiles.findByIds(refs.profileIds),
    Promise.all(refs.storyIds.map((id) => repos.stories.findById(id))),
    repos.services.listTags(story.serviceCode),
  ]);
  const lead = media.find((m) => m.id === story.leadMediaId);
  return {
    labels: {
      media: Object.fromEntries(media.map((m) => [m.id, m.title])),
      profiles: Object.fromEntries(profiles.map((p) => [p.id, p.name])),
      stories: Object.fromEntries(related.flatMap((s) => (s ? [[s.id, s.headline]] : []))),
    },
    leadMedia: lead ? { id: lead.id, title: lead.title, caption: lead.caption, credit: lead.credit } : null,
    tags,
  };
}

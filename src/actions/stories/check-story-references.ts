import { bodyReferences } from '../../domain/body/body.js';
import { notFound } from '../../domain/shared/errors.js';
import type { StoryInput } from '../../domain/story/parse-story.js';
import type { Repositories } from '../../store/store.js';

/** Everything a story points at must exist, and its section and tags must be its service's. */
export async function checkStoryReferences(repos: Repositories, input: StoryInput): Promise<void> {
  const service = await repos.services.find(input.serviceCode);
  if (!service) throw notFound('SERVICE_NOT_FOUND', `there is no service "${input.serviceCode}"`, 'serviceCode');
  if (input.sectionId !== null) {
    const section = await repos.services.findSectionById(input.sectionId);
    if (!section || section.serviceCode !== input.serviceCode) {
      throw notFound('SECTION_NOT_FOUND', `section ${input.sectionId} is not a section of this service`, 'sectionId');
    }
  }
  const tags = await repos.services.findTagsByIds(input.tagIds);
  const foreign = input.tagIds.find((id) => !tags.some((tag) => tag.id === id && tag.serviceCode === input.serviceCode));
  if (foreign !== undefined) throw notFound('TAG_NOT_FOUND', `tag ${foreign} is not a topic of this service`, 'tagIds');

  const refs = bodyReferences(input.body);
  const mediaIds = input.leadMediaId ? [input.leadMediaId, ...refs.mediaIds] : refs.mediaIds;
  const [media, profiles, stories] = await Promise.all([
    repos.media.findByIds(mediaIds),
    repos.profiles.findByIds(refs.profileIds),
    repos.stories.existingIds(refs.storyIds),
  ]);
  const missingMedia = mediaIds.find((id) => !media.some((m) => m.id === id));
  if (missingMedia !== undefined) {
    throw notFound('MEDIA_NOT_FOUND', `media item ${missingMedia} does not exist`, missingMedia === input.leadMediaId ? 'leadMediaId' : 'body');
  }
  const missingProfile = refs.profileIds.find((id) => !profiles.some((p) => p.id === id));
  if (missingProfile !== undefined) throw notFound('PROFILE_NOT_FOUND', `profile ${missingProfile} does not exist`, 'body');
  const missingStory = refs.storyIds.find((id) => !stories.includes(id));
  if (missingStory !== undefined) throw notFound('STORY_NOT_FOUND', `related story ${missingStory} does not exist`, 'body');
}

export async function requireStory(repos: Repositories, storyId: number) {
  const story = await repos.stories.findById(storyId);
  if (!story) throw notFound('STORY_NOT_FOUND', `story ${storyId} does not exist`, { context: { storyId } });
  return story;
}

import { createSection, createService } from '../../src/actions/services/create-service.js';
import { createStory } from '../../src/actions/stories/create-story.js';
import { publishStory } from '../../src/actions/stories/publish-story.js';
import type { ActionDeps } from '../../src/actions/deps.js';
import { systemActor } from '../../src/domain/user/user.js';
import { createTag } from '../../src/demo/seed.js';

/** The install itself, for setting up test data through the actions. */
export const SYSTEM = systemActor('test');

/** A service with one section and one tag, as most tests need. */
export async function givenService(deps: ActionDeps, code = 'en', direction: 'ltr' | 'rtl' = 'ltr') {
  const service = await createService(deps, SYSTEM, {
    code,
    name: `Service ${code}`,
    locale: code,
    direction,
    outlet: 'RFE/RL',
  });
  const section = await createSection(deps, SYSTEM, { serviceCode: code, slug: 'news', name: 'News' });
  const tag = await createTag(deps, { serviceCode: code, slug: 'politics', name: 'Politics' });
  return { service, section, tag };
}

export function storyInput(overrides: Record<string, unknown> = {}) {
  return {
    serviceCode: 'en',
    sectionId: null,
    headline: 'Parliament Votes On Budget',
    deck: 'A short deck.',
    dateline: { place: 'Prague', outlet: 'RFE/RL' },
    bylines: ['A. Reporter'],
    credits: [],
    body: [{ type: 'paragraph', content: [{ type: 'text', text: 'The parliament voted today.' }] }],
    tagIds: [],
    ...overrides,
  };
}

/** Creates and publishes a story `minutesAgo` before the clock's now. */
export async function givenPublishedStory(deps: ActionDeps, overrides: Record<string, unknown> = {}, minutesAgo = 10) {
  const id = await createStory(deps, SYSTEM, storyInput(overrides));
  await publishStory(deps, SYSTEM, id, { at: new Date(deps.clock.now().getTime() - minutesAgo * 60_000) });
  return id;
}

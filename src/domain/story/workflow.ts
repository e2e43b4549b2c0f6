import { DomainError, invalid } from '../shared/errors.js';
import type { StoryStatus } from './story.js';

/**
 * The workflow: draft -> filed (for review) -> scheduled or published -> unpublished.
 * Publishing with a time in the future schedules; the scheduler publishes when it comes.
 */
const ALLOWED: Readonly<Record<'file' | 'publish' | 'unpublish', readonly StoryStatus[]>> = {
  file: ['draft'],
  publish: ['draft', 'filed', 'scheduled', 'published', 'unpublished'],
  unpublish: ['scheduled', 'published'],
};

export function requireTransition(step: keyof typeof ALLOWED, from: StoryStatus): void {
  if (!ALLOWED[step].includes(from)) {
    throw new DomainError('STORY_STATE_INVALID', 'conflict', `a ${from} story cannot be ${step === 'file' ? 'filed' : `${step}ed`}`, 'status');
  }
}

/** Where publishing at `at` (default now) leads: published now, or scheduled for later. */
export function publishTarget(at: Date, now: Date): 'published' | 'scheduled' {
  return at.getTime() > now.getTime() ? 'scheduled' : 'published';
}

/**
 * How far back a publish time may be set: a story that ran on air or in print first can carry
 * that time, within a week. Anything earlier (year 1, a typo in the year) is refused rather
 * than reordering the archive and the feeds.
 */
export const BACKDATE_LIMIT_MS = 7 * 24 * 60 * 60_000;

export function requirePublishTime(at: Date, now: Date): void {
  if (Number.isNaN(at.getTime())) throw invalid('FIELD_INVALID', 'publish time is not a date', 'at');
  if (now.getTime() - at.getTime() > BACKDATE_LIMIT_MS) {
    throw invalid('PUBLISH_TIME_TOO_EARLY', 'a publish time may be at most 7 days in the past', 'at');
  }
}

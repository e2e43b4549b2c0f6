import { DomainError } from '../shared/errors.js';
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
    throw new DomainError('STORY_STATE_INVALID', `a ${from} story cannot be ${step === 'file' ? 'filed' : `${step}ed`}`, 'status');
  }
}

/** Where publishing at `at` (default now) leads: published now, or scheduled for later. */
export function publishTarget(at: Date, now: Date): 'published' | 'scheduled' {
  return at.getTime() > now.getTime() ? 'scheduled' : 'published';
}

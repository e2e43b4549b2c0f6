import { issueApiKey } from '../../src/actions/content-api/api-keys.js';
import type { TestApp } from './app.js';
import { SYSTEM } from './factories.js';

export const CONTENT_API = '/api/content/v1';

/** A Content API key issued by the install, with a limit high enough for a test's walks. */
export async function contentApiKey(t: Pick<TestApp, 'actions'>, requestsPerMinute = 100_000): Promise<string> {
  return (await issueApiKey(t.actions, SYSTEM, { name: 'test partner', requestsPerMinute })).key;
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeUpload, forgetExpiredUploads, openUpload } from '../../src/actions/media/open-uploads.js';
import { KEEP_UNFINISHED_UPLOAD_MS, OPEN_UPLOADS_PER_PERSON } from '../../src/domain/media/uploads.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { givenUser } from '../support/newsroom.js';
import { openTestStore, type TestStore } from '../support/store.js';

describe.each(STORE_KINDS)('the quota of open uploads on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await givenService(t.deps);
  });
  afterEach(async () => {
    await t.close();
  });

  const open = (userId: number, uploadId: string) =>
    openUpload(t.deps, { uploadId, userId }).then(
      () => 'open',
      (error: unknown) => (error instanceof DomainError ? error.code : Promise.reject(error)),
    );
  const countOf = async (userId: number) =>
    t.store.read.openUploads.countOpen(userId, new Date(t.clock.now().getTime() - KEEP_UNFINISHED_UPLOAD_MS));

  it('counts parallel reservations one after another: exactly the quota is taken, per person', async () => {
    const reporter = await givenUser(t.deps, 'reporter', [{ role: 'reporter', serviceCode: 'en' }]);
    const editor = await givenUser(t.deps, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    const outcomes = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => open(reporter.id, `r${i}`)),
      ...Array.from({ length: 5 }, (_, i) => open(editor.id, `e${i}`)),
    ]);
    expect(outcomes.slice(0, 30).filter((o) => o === 'open')).toHaveLength(OPEN_UPLOADS_PER_PERSON);
    expect(outcomes.slice(0, 30).filter((o) => o === 'UPLOADS_TOO_MANY')).toHaveLength(30 - OPEN_UPLOADS_PER_PERSON);
    expect(outcomes.slice(30)).toEqual(['open', 'open', 'open', 'open', 'open']);
    expect(await countOf(reporter.id)).toBe(OPEN_UPLOADS_PER_PERSON);
    expect(await countOf(editor.id)).toBe(5);
  });

  it('frees a place when an upload closes, and forgets uploads once they expire', async () => {
    const reporter = await givenUser(t.deps, 'reporter', [{ role: 'reporter', serviceCode: 'en' }]);
    for (let i = 0; i < OPEN_UPLOADS_PER_PERSON; i += 1) expect(await open(reporter.id, `u${i}`)).toBe('open');
    expect(await open(reporter.id, 'one-more')).toBe('UPLOADS_TOO_MANY');
    await closeUpload(t.deps, 'u0');
    expect(await open(reporter.id, 'in-its-place')).toBe('open');
    expect(await open(reporter.id, 'and-another')).toBe('UPLOADS_TOO_MANY');

    // A day later the unfinished ones have expired (their files are removed too): they no longer count.
    t.clock.advance(KEEP_UNFINISHED_UPLOAD_MS + 1);
    expect(await open(reporter.id, 'next-day')).toBe('open');
    await forgetExpiredUploads(t.deps);
    expect(await t.db.selectFrom('open_uploads').select('id').execute()).toEqual([{ id: 'next-day' }]);
  });
});

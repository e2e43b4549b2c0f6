import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { givenService, storyInput } from '../support/factories.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

interface RevisionJson {
  id: number;
  kind: string;
  autosave: boolean;
  userName: string | null;
  headline: string;
  version: number;
}

describe.each(STORE_KINDS)('revisions coalesced, each naming who saved, on %s', (kind) => {
  let t: TestApp;
  let anna: Awaited<ReturnType<typeof givenUser>>;
  let boris: Awaited<ReturnType<typeof givenUser>>;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    anna = await givenUser(t.actions, 'anna', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    boris = await givenUser(t.actions, 'boris', [{ role: 'editor', serviceCode: 'en' }]);
  });
  afterAll(async () => t.close());

  const create = async () =>
    ((await t.app.inject({ method: 'POST', url: `${API}/stories`, headers: anna.bearer, payload: storyInput({ headline: 'First Draft' }) })).json() as { id: number }).id;
  const put = async (who: typeof anna, id: number, version: number, headline: string, autosave: boolean) => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `${API}/stories/${id}`,
      headers: who.bearer,
      payload: { ...storyInput({ headline }), version, ...(autosave ? { autosave: true } : {}) },
    });
    expect(response.statusCode).toBe(200);
    return (response.json() as { version: number }).version;
  };
  const revisions = async (id: number) =>
    ((await t.app.inject({ method: 'GET', url: `${API}/stories/${id}/revisions?perPage=50`, headers: anna.bearer })).json() as { items: RevisionJson[] }).items;

  it('an autosave by the same person within minutes replaces their last autosave; a Save always makes its own', async () => {
    const id = await create();
    let version = 1;
    for (const headline of ['Typing One', 'Typing Two', 'Typing Three']) {
      t.clock.advance(20_000);
      version = await put(anna, id, version, headline, true);
    }
    // Three autosaves in a minute: one revision, with the latest text and version.
    let list = await revisions(id);
    expect(list.map((r) => [r.headline, r.autosave, r.userName])).toEqual([
      ['Typing Three', true, 'anna'],
      ['First Draft', false, 'anna'],
    ]);
    expect(list[0]!.version).toBe(version);

    // An explicit Save is its own revision; the autosave after it starts a new one.
    version = await put(anna, id, version, 'Saved By Hand', false);
    t.clock.advance(10_000);
    version = await put(anna, id, version, 'Typing Four', true);
    // Someone else's autosave never replaces anna's, and anna's next one does not replace theirs.
    t.clock.advance(10_000);
    version = await put(boris, id, version, 'Boris Typing', true);
    t.clock.advance(10_000);
    version = await put(anna, id, version, 'Anna Again', true);
    // After a few minutes' pause, a new autosave revision.
    t.clock.advance(6 * 60_000);
    version = await put(anna, id, version, 'After Lunch', true);
    t.clock.advance(30_000);
    version = await put(anna, id, version, 'After Lunch, More', true);

    list = await revisions(id);
    expect(list.map((r) => [r.headline, r.userName])).toEqual([
      ['After Lunch, More', 'anna'],
      ['Anna Again', 'anna'],
      ['Boris Typing', 'boris'],
      ['Typing Four', 'anna'],
      ['Saved By Hand', 'anna'],
      ['Typing Three', 'anna'],
      ['First Draft', 'anna'],
    ]);
    expect(list.find((r) => r.headline === 'Saved By Hand')).toMatchObject({ kind: 'save', autosave: false });
  });

  it('the revisions page says who saved each revision and which were autosaves', async () => {
    const id = await create();
    await put(boris, id, 1, 'Boris Autosaved', true);
    const page = await t.app.inject({ method: 'GET', url: `/newsroom/stories/${id}/revisions`, headers: anna.bearer });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<td>saved \(autosave\)<\/td>\s*<td dir="auto">boris<\/td>/);
  });

  it('refuses an autosave flag that is not true or false, and saves nothing', async () => {
    const id = await create();
    const response = await t.app.inject({
      method: 'PUT',
      url: `${API}/stories/${id}`,
      headers: anna.bearer,
      payload: { ...storyInput({ headline: 'Never Saved' }), version: 1, autosave: 'sometimes' },
    });
    expect(response.statusCode).toBe(400);
    expect((await revisions(id)).map((r) => r.headline)).toEqual(['First Draft']);
  });

  it('a Save (or a Restore) refused because someone saved first lands on the page that explains it, with links to both versions', async () => {
    const id = await create();
    await put(boris, id, 1, 'Boris Saved First', false);
    const session = await signInAs(t, anna.email);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const refused = await t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${id}`,
      headers: { ...session.headers, ...form },
      payload: new URLSearchParams({ _csrf: session.csrfToken, version: '1', serviceCode: 'en', headline: 'Anna Saved Late', bodyJson: '[]' }).toString(),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Someone else saved this story (version 2). Your version is kept as a revision.');
    const list = await revisions(id);
    const theirs = list.find((r) => r.headline === 'Boris Saved First')!;
    const mine = list.find((r) => r.kind === 'conflict' && r.headline === 'Anna Saved Late')!;
    const diffHref = `/newsroom/stories/${id}/revisions/diff?from=${theirs.id}&amp;to=${mine.id}`;
    expect(refused.body).toContain(`href="${diffHref}">Compare the two versions</a>`);
    expect(refused.body).toContain(`href="/newsroom/stories/${id}">Load the latest version</a>`);
    const diff = await t.app.inject({ method: 'GET', url: diffHref.replace('&amp;', '&'), headers: session.headers });
    expect(diff.body).toContain('<del>Boris Saved First</del>');
    expect(diff.body).toContain('<ins>Anna Saved Late</ins>');
    expect((await t.store.read.stories.findById(id))?.headline).toBe('Boris Saved First');

    const restore = await t.app.inject({
      method: 'POST',
      url: `/newsroom/stories/${id}/revisions/${list.at(-1)!.id}/restore`,
      headers: { ...session.headers, ...form },
      payload: new URLSearchParams({ _csrf: session.csrfToken, version: '1' }).toString(),
    });
    expect(restore.statusCode).toBe(409);
    expect(restore.body).toContain('Compare the two versions');
    expect((await t.store.read.stories.findById(id))?.headline).toBe('Boris Saved First');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { CONTENT_API } from '../support/content-api.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { NuPages } from '../support/newsroom-quality.js';

describe.each(STORE_KINDS)('the newsroom distribution page on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it('lets an admin issue and revoke a Content API key and register a webhook; refuses others', async () => {
    await givenUser(t.actions, 'distadmin', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    await givenUser(t.actions, 'disteditor', [{ role: 'editor', serviceCode: 'en' }], { withPassword: true });
    const session = await signInAs(t, 'distadmin@example.org');
    const post = (url: string, fields: Record<string, string>) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: session.csrfToken, ...fields }) });

    const page = await t.app.inject({ method: 'GET', url: '/newsroom/distribution', headers: { cookie: session.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/newsroom/distribution/keys"');
    expect(page.body).toContain('action="/newsroom/distribution/webhooks"');

    const issued = await post('/newsroom/distribution/keys', { name: 'Partner app', requestsPerMinute: '120' });
    expect(issued.statusCode).toBe(200);
    const key = /<code>(dlc_[\w-]+)<\/code>/.exec(issued.body)?.[1];
    expect(key, 'the key is shown once').toMatch(/^dlc_/);
    expect((await t.app.inject({ method: 'GET', url: `${CONTENT_API}/services`, headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(200);
    const [saved] = await t.store.read.contentApiKeys.list(10);
    expect(saved).toMatchObject({ name: 'Partner app', requestsPerMinute: 120, revokedAt: null });
    expect((await post(`/newsroom/distribution/keys/${saved!.id}/revoke`, {})).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: `${CONTENT_API}/services`, headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(401);

    const refused = await post('/newsroom/distribution/webhooks', { serviceCode: 'en', url: 'http://127.0.0.1/hook', 'event:story.published': '1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('WEBHOOKS_ALLOW_PRIVATE');
    expect(await t.store.read.webhooks.listEndpoints(null, 10), 'a refused endpoint is not stored').toEqual([]);
    const registered = await post('/newsroom/distribution/webhooks', {
      serviceCode: 'en',
      url: 'https://93.184.215.14/hooks',
      'event:story.published': '1',
      'event:comment.approved': '1',
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(registered.body).toMatch(/<code>whsec_[\w+/=]+<\/code>/);
    const hooks = await t.store.read.webhooks.listEndpoints(null, 10);
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect(hook?.events).toEqual(['story.published', 'comment.approved']);
    const log = await t.app.inject({ method: 'GET', url: `/newsroom/distribution/webhooks/${hook!.id}`, headers: { cookie: session.cookie } });
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('<code>https://93.184.215.14/hooks</code>');

    const nu = new NuPages();
    nu.add('distribution', registered.body);
    nu.add('deliveries', log.body);
    expect(await nu.errors()).toEqual([]);

    const editor = await signInAs(t, 'disteditor@example.org');
    expect((await t.app.inject({ method: 'GET', url: '/newsroom/distribution', headers: { cookie: editor.cookie } })).statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_INFO_LIMITS } from '../../src/domain/service/service-info.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenService } from '../support/factories.js';
import { API, givenUser, signInAs } from '../support/newsroom.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe.each(STORE_KINDS)("a service's About and Contact pages, written in its settings, on %s", (kind) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof givenUser>>;
  let editor: Awaited<ReturnType<typeof givenUser>>;
  let session: Awaited<ReturnType<typeof signInAs>>;

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions, 'en');
    await givenService(t.actions, 'fa', 'rtl');
    admin = await givenUser(t.actions, 'admin', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    editor = await givenUser(t.actions, 'editor', [{ role: 'editor', serviceCode: 'en' }]);
    session = await signInAs(t, 'admin@example.org');
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const api = (method: 'GET' | 'PUT', url: string, payload?: unknown, headers = admin.bearer) =>
    t.app.inject({ method, url: API + url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const postForm = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: session.csrfToken, ...fields }),
    });
  const textOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') ?? '';

  it('shows a standard text in the service language until the editors write their own, linked from every footer', async () => {
    const about = await get('/en/about');
    expect(about.statusCode).toBe(200);
    expect(about.body).toContain('<h1 id="about-title">About us</h1>');
    expect(textOf(about.body)).toContain('Service en is the English service of RFE/RL.');
    const contact = await get('/en/contact');
    expect(textOf(contact.body)).toContain('The newsroom has not published its contact details yet.');
    const fa = await get('/fa/about');
    expect(fa.body).toMatch(/<html lang="fa" dir="rtl"/);
    expect(fa.body).toContain('<h1 id="about-title">درباره ما</h1>');
    for (const url of ['/en/', '/en/privacy', '/fa/about']) {
      const footer = /<footer class="site-footer">[\s\S]*<\/footer>/.exec((await get(url)).body)?.[0] ?? '';
      const code = url.slice(1, 3);
      expect(footer, url).toContain(`href="/${code}/about"`);
      expect(footer, url).toContain(`href="/${code}/contact"`);
    }
    expect((await get('/xx/about')).statusCode).toBe(404);
    expect((await get('/xx/contact')).statusCode).toBe(404);
  });

  it("saves the newsroom's form and purges the cached pages at once", async () => {
    expect((await get('/en/about')).headers['x-cache']).toBe('HIT');
    expect((await get('/en/contact')).headers['x-cache']).toBe('HIT');
    expect((await get('/en/about')).headers['surrogate-key']).toContain('service-en');

    const page = await t.app.inject({ method: 'GET', url: '/newsroom/services/en', headers: { cookie: session.cookie } });
    expect(page.body).toContain('<textarea id="service-about" name="about"');
    const saved = await postForm('/newsroom/services/en/info', {
      about: 'We report from Prague.\r\n\r\nAnd from Bishkek, <every> day.',
      email: 'newsroom@example.org',
      postal: '159a Vinohradská\r\nPrague',
      phone: '+420 221 122 111',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/newsroom/services/en?saved=1');

    const about = await get('/en/about');
    expect(about.headers['x-cache']).toBe('MISS');
    expect(about.body).toContain('<p>We report from Prague.</p><p>And from Bishkek, &lt;every> day.</p>');
    const contact = await get('/en/contact');
    expect(contact.headers['x-cache']).toBe('MISS');
    expect(contact.body).toContain('href="mailto:newsroom@example.org"');
    expect(contact.body).toContain('<address>159a Vinohradská<br/>Prague</address>');
    expect(contact.body).toContain('href="tel:+420221122111"');
    expect(textOf(contact.body)).not.toContain('has not published');

    const back = await t.app.inject({ method: 'GET', url: '/newsroom/services/en', headers: { cookie: session.cookie } });
    expect(back.body).toContain('value="newsroom@example.org"');
  });

  it('refuses an invalid email address or phone, or an over-long About text, address or phone on the same form, with a clear message, changing nothing', async () => {
    const before = await t.store.read.services.findInfo('en');
    const tooLong = 'x'.repeat(SERVICE_INFO_LIMITS.about + 1);
    const cases = [
      { fields: { about: 'Short.', email: 'not an address', postal: '', phone: '' }, message: 'email must be an email address' },
      { fields: { about: tooLong, email: '', postal: '', phone: '' }, message: `about must be at most ${SERVICE_INFO_LIMITS.about} characters` },
      { fields: { about: '', email: '', postal: '', phone: 'call me' }, message: 'phone must be a phone number' },
      { fields: { about: '', email: '', postal: 'x'.repeat(SERVICE_INFO_LIMITS.postal + 1), phone: '' }, message: `postal must be at most ${SERVICE_INFO_LIMITS.postal} characters` },
      { fields: { about: '', email: '', postal: '', phone: '1'.repeat(SERVICE_INFO_LIMITS.phone + 1) }, message: `phone must be at most ${SERVICE_INFO_LIMITS.phone} characters` },
    ];
    for (const { fields, message } of cases) {
      const refused = await postForm('/newsroom/services/en/info', fields);
      expect(refused.statusCode, message).toBe(400);
      expect(refused.body, message).toContain(message);
      expect(refused.body, message).toContain('<textarea id="service-about" name="about"');
      if (fields.email) expect(refused.body).toContain(`value="${fields.email}"`);
    }
    expect(await t.store.read.services.findInfo('en')).toEqual(before);
    expect((await get('/en/about')).headers['x-cache']).toBe('HIT');
  });

  it('reads and writes them through the Admin API, refusing bad input with a 400 that changes nothing', async () => {
    const written = await api('PUT', '/services/fa/info', { about: 'رادیو فردا', email: 'fa@example.org', postal: '', phone: '' });
    expect(written.statusCode).toBe(200);
    expect(written.json()).toEqual({ about: 'رادیو فردا', email: 'fa@example.org', postal: '', phone: '' });
    expect((await api('GET', '/services/fa/info')).json()).toEqual(written.json());
    expect((await get('/fa/about')).body).toContain('<p>رادیو فردا</p>');

    const bad = [
      { about: '', email: 'fa@', postal: '', phone: '' },
      { about: 'x'.repeat(SERVICE_INFO_LIMITS.about + 1), email: '', postal: '', phone: '' },
      { about: '', email: '', postal: '', phone: '', extra: 1 },
    ];
    for (const payload of bad) {
      const refused = await api('PUT', '/services/fa/info', payload);
      expect(refused.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
    }
    const badEmail = await api('PUT', '/services/fa/info', bad[0]);
    expect(badEmail.json()).toMatchObject({ error: { code: 'FIELD_INVALID', field: 'email' } });
    expect((await api('GET', '/services/fa/info')).json()).toEqual(written.json());
    expect((await api('PUT', '/services/en/info', { about: '', email: '', postal: '', phone: '' }, editor.bearer)).statusCode).toBe(403);
    expect((await api('PUT', '/services/xx/info', { about: '', email: '', postal: '', phone: '' })).statusCode).toBe(404);
  });
});

import { sql, type Kysely } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclaredRoute } from '../../src/web/app.js';
import { openDatabase } from '../../src/store/open-store.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { GENEROUS_LIMITS } from '../support/comments.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService } from '../support/factories.js';
import { givenUser, signInAs } from '../support/newsroom.js';
import { ReaderSession } from '../support/reader-session.js';

// Every route the app declares (read from Fastify as they are registered, so a new route is
// walked without being listed here), sent the hostile shapes of ids, NUL bytes and numbers in
// its parameters, query and body, signed out and signed in as an admin: never a 5xx, a 4xx
// where the value cannot be right, no error-level log line, and the database unchanged.

const NUL = '%00';
const TEN_KB = 'x'.repeat(10 * 1024);
/** As they appear in a URL (path segment or query value). */
const URL_SHAPES = ['0', '-1', '99999999999', '2147483648', '9007199254740992', 'abc', NUL, `a${NUL}b`, '1e308', TEN_KB];
/** In a JSON body: none of them is a valid value for any field. */
const JSON_SHAPES: unknown[] = [-1, 99999999999, 1e308, 'a\u0000b', `${TEN_KB}\u0000`];
/** In a url-encoded form: NUL bytes, and numbers no field takes (numeric fields refuse them, text fields take them as text). */
const FORM_SHAPES = ['\u0000', 'a\u0000b', '-1', '99999999999', '2147483648', '9007199254740992', '1e308'];
/** Query names tried on routes whose query takes any name (reader pages ignore the ones they do not know). */
const QUERY_NAMES = ['page', 'q', 'service', 'status', 'id', 'reply'];

/** Plausible values for the parameters that are not the one under attack. */
const BASELINE: Record<string, string> = { service: 'en', code: 'en', slug: 'parliament-votes-on-budget', section: 'politics', tag: 'budget', id: '1', commentId: '1', revisionId: '1', language: 'en', '*': 'x' };

interface Probe {
  readonly url: string;
  readonly method: string;
  readonly payload?: string;
  readonly contentType?: string;
  /** A 4xx is the only right answer (else anything below 500 is: a reader page ignoring a name it does not know). */
  readonly mustRefuse: boolean;
  readonly what: string;
  /** An id that names nothing: pages answer their not-found page, the APIs 400. */
  readonly badId?: boolean;
}

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  const?: unknown;
  anyOf?: Schema[];
  additionalProperties?: unknown;
};
const ID_PARAMS = ['id', 'commentId', 'revisionId'];

describe.each(STORE_KINDS)('every route with hostile ids, NUL bytes and numbers on %s', (kind) => {
  let t: TestApp;
  let db: Kysely<Record<string, Record<string, unknown>>>;
  let admin: Awaited<ReturnType<typeof signInAs>>;
  let reader: ReaderSession;
  let formToken: string;
  let signInToken: string;
  const errorLines: unknown[] = [];

  beforeAll(async () => {
    // The process's logger at error level: whatever it writes (from the app, its requests or its workers) is a failure.
    const logger = pino({ level: 'error' }, { write: (line: string) => errorLines.push(JSON.parse(line)) });
    t = await startTestApp(kind, { demo: false, rateLimits: GENEROUS_LIMITS, logger });
    await givenService(t.actions);
    const storyId = await givenPublishedStory(t.actions);
    const adminUser = await givenUser(t.actions, 'root', [{ role: 'admin', serviceCode: null }], { withPassword: true });
    admin = await signInAs(t, adminUser.email);
    reader = new ReaderSession(t.app);
    formToken = await reader.formToken(`/en/a/parliament-votes-on-budget/${storyId}/comments`);
    const signIn = await reader.request({ method: 'GET', url: '/newsroom/sign-in' });
    signInToken = /name="_csrf" value="([^"]+)"/.exec(signIn.body)?.[1] ?? '';
    expect(signInToken).not.toBe('');
    db = openDatabase(t.database.config, t.database.location) as unknown as typeof db;
    // It sees the app's log, requests' lines included.
    t.app.log.child({ reqId: 'check' }).error('seen');
    expect(errorLines).toMatchObject([{ msg: 'seen' }]);
    errorLines.length = 0;
  });
  afterAll(async () => {
    await db?.destroy();
    await t?.close();
  });

  /**
   * Every row of every table, as text; a failed sign-in is counted (that is the lockout), so
   * sign-in routes may add to its table, and the read beacon counts a read of a real story.
   */
  async function snapshot(route: DeclaredRoute): Promise<string> {
    tables ??= (await db.introspection.getTables()).map((table) => table.name).filter((name) => !name.startsWith('kysely_')).sort();
    const watched = tables.filter(
      (table) => !(table === 'sign_in_failures' && /\/(session|sign-in)$/.test(route.url)) && !(table === 'story_reads' && route.url === '/:service/read/:id'),
    );
    if (kind === 'postgres') {
      // Every table's rows as text, in one round trip: the server reads them all anyway.
      const digests = watched.map((table) => sql`select ${table} as name, count(*)::text as n, coalesce(string_agg(r::text, '|' order by r::text), '') as rows from ${sql.table(table)} r`);
      const { rows } = await sql<{ name: string; n: string; rows: string }>`${sql.join(digests, sql` union all `)}`.execute(db);
      return rows.map((row) => `${row.name}:${row.n}:${row.rows}`).sort().join('\n');
    }
    const rows: string[] = [];
    for (const table of watched) {
      const all = await db.selectFrom(table).selectAll().execute();
      rows.push(`${table}:${JSON.stringify(all.map((row) => JSON.stringify(row)).sort())}`);
    }
    return rows.join('\n');
  }
  /** The app's tables, read once: no route makes or drops one. */
  let tables: string[] | undefined;

  const routes = () =>
    t.app.declaredRoutes.filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS');

  it('walks a good number of routes of every surface', () => {
    const urls = routes().map((route) => route.url);
    for (const expected of ['/:service/a/:slug/:id', '/:service/a/:slug/:id/comments/:commentId/edit', '/newsroom/stories/:id', '/api/admin/v1/stories/:id', '/healthz', '/media/*']) {
      expect(urls).toContain(expected);
    }
    expect(urls.length).toBeGreaterThan(80);
  });

  for (const who of ['signed out', 'an admin'] as const) {
    it(`answers every route's hostile input with a 4xx, logs no error and changes nothing (${who})`, { timeout: 600_000 }, async () => {
      const failures: string[] = [];
      for (const route of routes()) {
        const before = await snapshot(route);
        for (const probe of probesFor(route)) {
          const response = await t.app.inject({
            method: probe.method as 'GET',
            url: probe.url,
            headers: headersFor(who, probe),
            remoteAddress: reader.address,
            ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
          });
          const status = response.statusCode;
          const signInRedirect = who === 'signed out' && status === 303 && response.headers.location === '/newsroom/sign-in';
          const api = probe.url.startsWith('/api/');
          // (A 10 KB segment is longer than any route parameter may be: 414 from the router.)
          const wrongIdAnswer = probe.badId && !signInRedirect && status !== 414 && !(api ? [400, 401, 404].includes(status) : status === 404);
          if (status >= 500 || (probe.mustRefuse && !(status >= 400 && status < 500) && !signInRedirect) || wrongIdAnswer) {
            failures.push(`${probe.method} ${probe.url.slice(0, 120)} (${probe.what}): ${status} ${response.body.slice(0, 160)}`);
          }
        }
        if ((await snapshot(route)) !== before) failures.push(`${route.method} ${route.url}: the database changed`);
      }
      expect(failures).toEqual([]);
      expect(errorLines).toEqual([]);
    });
  }

  function headersFor(who: 'signed out' | 'an admin', probe: Probe): Record<string, string> {
    const cookies = [reader.cookieHeader, ...(who === 'an admin' ? [admin.cookie] : [])].filter(Boolean).join('; ');
    return {
      cookie: cookies,
      ...(who === 'an admin' ? { 'x-csrf-token': admin.csrfToken } : {}),
      ...(probe.contentType ? { 'content-type': probe.contentType } : {}),
    };
  }

  /** The fields a form of this route needs to get past its token check, so the field under attack is what is judged. */
  function tokenFields(url: string): Record<string, string> {
    if (url === '/newsroom/sign-in') return { _csrf: signInToken };
    if (!url.startsWith('/api/') && !url.startsWith('/newsroom') && url.includes('/comments')) return { _form: formToken };
    return {};
  }

  function probesFor(route: DeclaredRoute): Probe[] {
    const probes: Probe[] = [];
    const params = [...route.url.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? '*');
    const fill = (under: string | null, shape: string) =>
      route.url.replace(/:(\w+)|\*/g, (_all, name: string | undefined) => {
        const key = name ?? '*';
        return key === under ? shape : (BASELINE[key] ?? '1');
      });
    const base = fill(null, '');
    const takesBody = route.method !== 'GET' && route.method !== 'DELETE';
    const bodyless = (url: string, what: string, mustRefuse: boolean): Probe =>
      !takesBody
        ? { url, method: route.method, what, mustRefuse }
        : route.url.startsWith('/api/')
          ? { url, method: route.method, what, mustRefuse, payload: '{}', contentType: 'application/json' }
          : { url, method: route.method, what, mustRefuse, payload: new URLSearchParams(tokenFields(route.url)).toString(), contentType: 'application/x-www-form-urlencoded' };

    // Parameters: every shape in each one, the others plausible. No shape is an id; a slug or a
    // code may be one of the plain words (and then be redirected or not found), never a NUL or 10 KB.
    for (const param of params) {
      for (const shape of URL_SHAPES) {
        const refuse = ID_PARAMS.includes(param) || (param !== '*' && (shape.includes(NUL) || shape === TEN_KB));
        probes.push({ ...bodyless(fill(param, shape), `param ${param}`, refuse), badId: ID_PARAMS.includes(param) });
      }
    }

    // Query values: the names the route's schema declares, or common names where it takes any.
    const query = (route.schema.querystring ?? {}) as Schema;
    const declared = Object.keys(query.properties ?? {});
    // Only pages may take names they do not know (and ignore them); anything else refuses them.
    const open = query.additionalProperties !== false && route.method === 'GET';
    for (const name of new Set([...declared, ...(open ? QUERY_NAMES : [])])) {
      const property = query.properties?.[name];
      for (const shape of URL_SHAPES) {
        const refuse = declared.includes(name) && !accepts(property, shape);
        probes.push(bodyless(`${base}?${name}=${shape}`, `query ${name}`, refuse || !declared.includes(name) && !open));
      }
    }

    if (!takesBody) return probes;
    // Bodies: each declared field given each shape, as JSON and (outside the Admin API) as a url-encoded form.
    const body = (route.schema.body ?? {}) as Schema;
    const fields = Object.keys(body.properties ?? {}).filter((name) => !name.startsWith('_'));
    for (const name of fields) {
      for (const shape of JSON_SHAPES) {
        probes.push({ url: base, method: route.method, what: `json ${name}=${String(shape).slice(0, 20)}`, mustRefuse: true, contentType: 'application/json', payload: JSON.stringify({ ...tokenFields(route.url), [name]: shape }) });
      }
    }
    if (!route.url.startsWith('/api/admin/')) {
      for (const name of fields) {
        for (const shape of FORM_SHAPES) {
          const form = new URLSearchParams({ ...tokenFields(route.url), [name]: shape }).toString();
          probes.push({ url: base, method: route.method, what: `form ${name}=${JSON.stringify(shape)}`, mustRefuse: !accepts(body.properties?.[name], shape), contentType: 'application/x-www-form-urlencoded', payload: form });
        }
      }
    }
    // Multipart without a boundary, and cut short.
    probes.push({ url: base, method: route.method, what: 'multipart without boundary', mustRefuse: true, contentType: 'multipart/form-data', payload: '--x\r\n' });
    probes.push({
      url: base,
      method: route.method,
      what: 'truncated multipart',
      mustRefuse: true,
      contentType: 'multipart/form-data; boundary=----b',
      payload: '------b\r\nContent-Disposition: form-data; name="title"\r\n\r\nhal',
    });
    return probes;
  }
});

/**
 * Whether a field of this schema could take this text (a query value or form field): a whole
 * number in its range where it wants one, text without NUL within its length where it takes text.
 */
function accepts(schema: Schema | undefined, text: string): boolean {
  if (!schema) return !text.includes('\u0000') && !text.includes(NUL);
  if (schema.anyOf) return schema.anyOf.some((member) => accepts(member, text));
  if (schema.const !== undefined) return text === schema.const;
  if (schema.type === 'integer' || schema.type === 'number') {
    const value = Number(text);
    return /^-?(0|[1-9]\d*)$/.test(text) && value >= (schema.minimum ?? -Infinity) && value <= (schema.maximum ?? Infinity);
  }
  if (schema.type === 'string') {
    return !text.includes('\u0000') && !text.includes(NUL) && text.length <= (schema.maxLength ?? Infinity) && (!schema.pattern || new RegExp(schema.pattern, 'u').test(text));
  }
  return true;
}

describe.each(STORE_KINDS)('a bad id on a reader page on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    await givenService(t.actions, 'fa', 'rtl');
  });
  afterAll(async () => t?.close());

  it("answers the not-found page in the service's language, whatever the shape of the id", async () => {
    for (const id of ['0', '-1', '99999999999', '2147483648', '9007199254740992', 'abc', '%00', '007']) {
      for (const path of [`/fa/a/x/${id}`, `/fa/a/x/${id}/comments`, `/fa/a/x/1/comments/${id}`, `/fa/p/x/${id}`]) {
        const response = await t.app.inject({ method: 'GET', url: path });
        expect(response.statusCode, path).toBe(404);
        expect(response.body, path).toContain('<html lang="fa" dir="rtl"');
      }
    }
  });

  it('answers a bad page number with the bad-request page', async () => {
    for (const page of ['0', '1e308', '501', 'abc', '%00']) {
      const response = await t.app.inject({ method: 'GET', url: `/fa/?page=${page}` });
      expect(response.statusCode, page).toBe(400);
      expect(response.body).toContain('<html lang="fa" dir="rtl"');
    }
    expect((await t.app.inject({ method: 'GET', url: '/fa/search?q=a%00b' })).statusCode).toBe(400);
  });
});

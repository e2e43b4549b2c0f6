import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../src/actions/alerts/create-alert.js';
import { expireAlert } from '../../src/actions/alerts/expire-alert.js';
import { moderateComment } from '../../src/actions/comments/moderate-comment.js';
import { addStoryNote } from '../../src/actions/stories/add-story-note.js';
import { postingDeps, readerPost } from '../support/comments.js';
import { listen, startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService, SYSTEM } from '../support/factories.js';

interface Message {
  readonly id: string | null;
  readonly data: { type: string; [key: string]: unknown };
}

/** A reader's open stream, parsed as EventSource would: messages with their ids, comments skipped. */
class Stream {
  readonly messages: Message[] = [];
  private buffer = '';
  private waiters: (() => void)[] = [];
  constructor(
    readonly response: http.IncomingMessage,
    private readonly request: http.ClientRequest,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        let id: string | null = null;
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('id: ')) id = line.slice(4);
          if (line.startsWith('data: ')) data += line.slice(6);
        }
        if (data) this.messages.push({ id, data: JSON.parse(data) as Message['data'] });
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Waits (at most 5 s) until `count` messages have arrived. */
  async until(count: number): Promise<Message[]> {
    const deadline = Date.now() + 5_000;
    while (this.messages.length < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.messages.length} of ${count} messages arrived: ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.messages;
  }

  close(): void {
    this.request.destroy();
  }
}

function get(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; stream: Stream; body: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const request = http.get(base + path, { headers }, (response) => {
      const stream = new Stream(response, request);
      resolve({
        status: response.statusCode ?? 0,
        type: String(response.headers['content-type'] ?? ''),
        stream,
        body: () => new Promise((done) => response.on('end', () => done(''))),
      });
    });
    request.on('error', reject);
  });
}

describe.each(STORE_KINDS)('live streams (Server-Sent Events) on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let storyId: number;
  let otherStoryId: number;
  const note = (id: number, text: string) => addStoryNote(t.actions, SYSTEM, id, { kind: 'update', text });

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    await givenService(t.actions, 'ru');
    storyId = await givenPublishedStory(t.actions, { headline: 'Polls Open', slug: 'polls-open' });
    otherStoryId = await givenPublishedStory(t.actions, { headline: 'Markets Calm', slug: 'markets-calm' });
    base = await listen(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends the current alert first, then alerts as they start and end, with event-log ids', async () => {
    const { status, type, stream } = await get(base, '/en/live');
    expect(status).toBe(200);
    expect(type).toBe('text/event-stream; charset=utf-8');
    const [first] = await stream.until(1);
    expect(first).toEqual({ id: null, data: { type: 'alert', serviceCode: 'en', alert: null, now: t.clock.now().getTime() } });

    const alert = await createAlert(t.actions, SYSTEM, { serviceCode: 'en', text: 'Polling stations close early', durationMinutes: 30 });
    const [, started] = await stream.until(2);
    expect(started?.id).toMatch(/^\d+$/);
    expect(started?.data).toMatchObject({ type: 'alert', alert: { id: alert.id, text: 'Polling stations close early', expiresAt: alert.expiresAt.getTime() } });

    await expireAlert(t.actions, SYSTEM, alert.id);
    const [, , ended] = await stream.until(3);
    expect(Number(ended?.id)).toBeGreaterThan(Number(started?.id));
    expect(ended?.data).toMatchObject({ type: 'alert', alert: null });
    stream.close();
  });

  it('carries only its own service, and only the chosen story when one is named', async () => {
    const ru = await get(base, '/ru/live');
    const one = await get(base, `/en/live?story=${storyId}`);
    await ru.stream.until(1);
    await one.stream.until(1);
    await note(otherStoryId, 'Trading resumed.');
    await note(storyId, 'Turnout is high.');
    const [, update] = await one.stream.until(2);
    expect(update?.data).toEqual({ type: 'story', serviceCode: 'en', storyId });
    expect(ru.stream.messages).toHaveLength(1);
    ru.stream.close();
    one.stream.close();
  });

  it('a comment count arrives on the stream when a reader’s comment is published, and again when it is taken down', async () => {
    const { stream } = await get(base, `/en/live?story=${storyId}`);
    await stream.until(1);
    const before = (await t.store.read.stories.findById(storyId))!.commentCount;
    const posted = await readerPost(postingDeps(t.actions), { storyId });
    expect(posted.state).toBe('visible');
    await expect.poll(() => stream.messages.find((m) => m.data.type === 'comments' && m.data.count === before + 1), { timeout: 5_000 }).toBeTruthy();
    const message = stream.messages.find((m) => m.data.type === 'comments' && m.data.count === before + 1)!;
    expect(message.data).toEqual({ type: 'comments', serviceCode: 'en', storyId, count: before + 1 });
    expect(message.id).toMatch(/^\d+$/);
    // A moderator takes it down: the count on the stream goes back.
    await moderateComment(t.actions, SYSTEM, posted.id, 'reject');
    await expect.poll(() => stream.messages.filter((m) => m.data.type === 'comments').at(-1)?.data.count, { timeout: 5_000 }).toBe(before);
    stream.close();
  });

  it('a reader who comes back with Last-Event-ID gets exactly what they missed, once, then what follows', async () => {
    const first = await get(base, `/en/live?story=${storyId}`);
    await first.stream.until(1);
    await note(storyId, 'First count in.');
    const [, seen] = await first.stream.until(2);
    first.stream.close();

    // While the reader is away.
    await note(storyId, 'Second count in.');
    await note(storyId, 'Third count in.');

    const back = await get(base, `/en/live?story=${storyId}`, { 'last-event-id': seen!.id! });
    const [current, ...missed] = await back.stream.until(3);
    expect(current?.data.type).toBe('alert');
    expect(missed.map((m) => m.data)).toEqual([
      { type: 'story', serviceCode: 'en', storyId },
      { type: 'story', serviceCode: 'en', storyId },
    ]);
    const ids = missed.map((m) => Number(m.id));
    expect(ids[0]).toBeGreaterThan(Number(seen!.id));
    expect(ids[1]).toBeGreaterThan(ids[0]!);

    await note(storyId, 'Fourth count in.');
    const all = await back.stream.until(4);
    expect(Number(all[3]?.id)).toBeGreaterThan(ids[1]!);
    // Nothing arrives twice.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(back.stream.messages).toHaveLength(4);
    back.stream.close();
  });

  it('a reader coming back to a node that never sent them the id (a restart, another node) is read back from the event log', async () => {
    // 1: the first event of all; this node's memory has no such id, so the log is read.
    const back = await get(base, `/en/live?story=${otherStoryId}&lastEventId=1`);
    const [, replayed] = await back.stream.until(2);
    expect(replayed?.data).toEqual({ type: 'story', serviceCode: 'en', storyId: otherStoryId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The publish of the story and the note: every story update of that story in the log, once each.
    const ids = back.stream.messages.slice(1).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    back.stream.close();
  });

  it('refuses bad requests with a clear 4xx before any stream starts', async () => {
    const cases: [string, Record<string, string>, number, string][] = [
      ['/xx/live', {}, 404, 'SERVICE_NOT_FOUND'],
      ['/en/live?story=999999', {}, 404, 'STORY_NOT_FOUND'],
      ['/en/live?story=abc', {}, 400, 'REQUEST_INVALID'],
      ['/en/live?since=1', {}, 400, 'FIELD_UNKNOWN'],
      ['/en/live', { 'last-event-id': 'abc' }, 400, 'LAST_EVENT_ID_INVALID'],
      ['/en/live', { 'last-event-id': '-1' }, 400, 'LAST_EVENT_ID_INVALID'],
      ['/en/live', { 'last-event-id': '99999999999' }, 400, 'LAST_EVENT_ID_INVALID'],
      ['/en/live?lastEventId=1e3', {}, 400, 'REQUEST_INVALID'],
      ['/en/live?lastEventId=0', {}, 400, 'REQUEST_INVALID'],
    ];
    for (const [url, headers, status, code] of cases) {
      const response = await t.app.inject({ method: 'GET', url, headers });
      expect({ url, status: response.statusCode }).toEqual({ url, status });
      expect(response.json()).toMatchObject({ error: { code } });
    }
  });
});

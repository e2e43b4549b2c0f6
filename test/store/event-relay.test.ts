import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestMedia } from '../../src/actions/media/ingest-media.js';
import { storyPath } from '../../src/domain/story/story-path.js';
import { createEventBus } from '../../src/events/event-bus.js';
import { sharedEventLog, startEventRelay, type EventRelay } from '../../src/events/event-relay.js';
import type { DatelineEvent } from '../../src/events/events.js';
import { jobHandlers } from '../../src/jobs/handlers.js';
import { createWorker } from '../../src/jobs/worker.js';
import { migrateToLatest, openDatabase } from '../../src/store/open-store.js';
import { createStore, type Store } from '../../src/store/store.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/databases.js';
import { givenPublishedStory, givenService } from '../support/factories.js';
import { makeClip } from '../support/media.js';

/** A second process on the app's database, as `dateline worker` is: its own store, bus and relay. */
async function otherProcess(t: TestApp) {
  const db = openDatabase(t.database.config, t.database.location);
  await migrateToLatest(db, t.database.config.kind, t.database.location);
  const heard: DatelineEvent[] = [];
  const events = createEventBus((error) => {
    throw error;
  });
  events.subscribe((event) => {
    heard.push(event);
  });
  const store: Store = createStore(db, t.database.config.kind, {
    clock: t.clock,
    onCommitted: (emitted) => emitted.forEach((event) => events.publish(event)),
  });
  const relay: EventRelay = await startEventRelay(events, sharedEventLog(store), {
    origin: store.origin,
    clock: t.clock,
    pollMs: 0,
    onError: (error) => {
      throw error;
    },
  });
  return { store, relay, heard, deps: { store, clock: t.clock } };
}

describe.each(STORE_KINDS)('events shared between processes on %s', (kind) => {
  let t: TestApp;
  let other: Awaited<ReturnType<typeof otherProcess>>;
  let clips: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false });
    await givenService(t.actions);
    other = await otherProcess(t);
    clips = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-clips-'));
  });
  afterAll(async () => {
    await other?.relay.stop();
    await other?.store.close();
    fs.rmSync(clips, { recursive: true, force: true });
    await t?.close();
  });

  it('a separate worker finishing a transcode makes the app show the player, once its relay has read the log', async () => {
    const clip = makeClip(path.join(clips, 'clip.mp4'), { width: 320, height: 240, seconds: 1 });
    const item = await ingestMedia(t.media, { file: clip, title: 'Convoy at the border' });
    const url = storyPath((await t.store.read.stories.findById(await givenPublishedStory(t.actions, { leadMediaId: item.id })))!);
    const waiting = (await t.app.inject(url)).body;
    expect(waiting).toContain('No media source currently available');
    expect(waiting).not.toContain('<video');
    expect((await t.app.inject(url)).headers['x-cache']).toBe('HIT');

    // The worker runs in the other process: its media.changed event is published on its own bus only.
    const worker = createWorker({ store: other.store, clock: t.clock, handlers: jobHandlers({ ...t.media, ...other.deps }) });
    expect(await worker.runOnce()).toBe('done');
    // Its transaction wrote the event to the shared log and, once committed, published it on its own bus.
    expect(other.heard).toContainEqual({ type: 'media.changed', mediaId: item.id });

    if (kind === 'sqlite') {
      // Until the app reads the log, its cached page still says "no source".
      expect((await t.app.inject(url)).headers['x-cache']).toBe('HIT');
      expect(await t.relay.pollOnce()).toBeGreaterThanOrEqual(1);
    } else {
      // PostgreSQL: the app's LISTEN connection hears the append and reads the log at once, no poll needed.
      await vi.waitFor(async () => expect((await t.app.inject(url)).body).toContain('<video'), { timeout: 2_000 });
    }
    const fresh = await t.app.inject(url);
    if (kind === 'sqlite') expect(fresh.headers['x-cache']).not.toBe('HIT');
    expect(fresh.body).toContain('<video');
    expect(fresh.body).toContain('data-state="ready"');
  });

  it('publishes each event of another process once, and never echoes a process its own events', async () => {
    const before = other.heard.length;
    // Listening first: on PostgreSQL the app may hear it (NOTIFY) before any poll by hand.
    const appHeard: DatelineEvent[] = [];
    const unsubscribe = t.events.subscribe((event) => {
      appHeard.push(event);
    });
    const fromOther: DatelineEvent = { type: 'service.changed', serviceCode: 'en' };
    await other.store.transaction(async (_repos, emit) => emit(fromOther));

    try {
      await t.relay.pollOnce();
      await t.relay.pollOnce();
      expect(appHeard.filter((event) => event.type === 'service.changed')).toEqual([fromOther]);

      // The app's own event goes to the log for the others, and is not read back by the app.
      appHeard.length = 0;
      await t.store.transaction(async (_repos, emit) => emit({ type: 'profile.changed', profileId: 7 }));
      expect(appHeard).toEqual([{ type: 'profile.changed', profileId: 7 }]);
      appHeard.length = 0;
      await t.relay.pollOnce();
      expect(appHeard).toEqual([]);
      // ...while the other process (polling by hand here) hears it exactly once.
      expect(await other.relay.pollOnce()).toBeGreaterThanOrEqual(1);
      expect(other.heard.slice(before).filter((event) => event.type === 'profile.changed')).toEqual([{ type: 'profile.changed', profileId: 7 }]);
      expect(await other.relay.pollOnce()).toBe(0);
    } finally {
      unsubscribe();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlert } from '../../src/actions/alerts/create-alert.js';
import { listAlerts } from '../../src/actions/alerts/list-alerts.js';
import { mediaActions, pushActions, webActions } from '../../src/actions/web-actions.js';
import { userActor } from '../../src/domain/user/user.js';
import { STORE_KINDS } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';

/** Every object reachable from `root` through its own properties (not through functions' closures). */
function reachable(root: unknown): Set<unknown> {
  const seen = new Set<unknown>();
  const walk = (value: unknown, depth: number) => {
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 6) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) walk((value as Record<PropertyKey, unknown>)[key], depth + 1);
  };
  walk(root, 0);
  return seen;
}

const EDITOR = userActor({ id: 1, grants: [{ role: 'editor', serviceCode: 'en' }] });
const RU_EDITOR = userActor({ id: 2, grants: [{ role: 'editor', serviceCode: 'ru' }] });

describe.each(STORE_KINDS)('what the newsroom, the APIs, feeds and live streams are given, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  it('holds no store: the bound action sets reach no store, where the actions’ own dependencies do', () => {
    expect(reachable(t.actions).has(t.store)).toBe(true);
    expect(reachable(t.media).has(t.store)).toBe(true);
    for (const given of [webActions(t.actions), mediaActions(t.media), pushActions(t.push)]) {
      expect(reachable(given).has(t.store)).toBe(false);
      expect(Object.keys(given)).not.toContain('store');
    }
  });

  it('calls the same actions: what a bound action does and answers is what the action does with its dependencies', async () => {
    const actions = webActions(t.actions);
    await actions.createAlert(EDITOR, { serviceCode: 'en', text: 'Bridge closed', linkUrl: null, durationMinutes: 30 });
    await createAlert(t.actions, EDITOR, { serviceCode: 'en', text: 'Bridge open', linkUrl: null, durationMinutes: 30 });
    const bound = await actions.listAlerts(EDITOR, { serviceCode: 'en' });
    expect(bound).toEqual(await listAlerts(t.actions, EDITOR, { serviceCode: 'en' }));
    expect(bound.items.map((alert) => alert.text)).toEqual(expect.arrayContaining(['Bridge closed', 'Bridge open']));
  });

  it('keeps each action’s permission check: another service’s editor is refused and nothing is written', async () => {
    const actions = webActions(t.actions);
    const before = await listAlerts(t.actions, EDITOR, { serviceCode: 'en' });
    await expect(actions.createAlert(RU_EDITOR, { serviceCode: 'en', text: 'Not mine', linkUrl: null, durationMinutes: 30 })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(actions.listAlerts(RU_EDITOR, { serviceCode: 'en' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await listAlerts(t.actions, EDITOR, { serviceCode: 'en' })).toEqual(before);
  });
});

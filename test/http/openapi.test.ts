import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/domain/user/permissions.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { API } from '../support/newsroom.js';

interface Operation {
  'x-permission'?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: { additionalProperties?: boolean } }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  security?: unknown[];
}

describe('the Admin API OpenAPI document', () => {
  let t: TestApp;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await startTestApp('sqlite', { demo: false });
    doc = (await t.app.inject({ method: 'GET', url: `${API}/openapi.json` })).json();
  });
  afterAll(async () => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

  it('is OpenAPI 3 and lists the API', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(operations().length).toBeGreaterThan(15);
  });

  it('is true for every operation: the route exists, declares its permission, refuses unknown fields and describes its answers', async () => {
    for (const { path, method, op } of operations()) {
      const url = API + path.replace(/\{[^}]+\}/g, '1');
      expect(t.app.hasRoute({ method: method as 'GET', url: API + path.replace(/\{([^}]+)\}/g, ':$1') }), `${method} ${path} is routed`).toBe(true);
      expect(['public', 'signed-in', ...PERMISSIONS], `${method} ${path} permission`).toContain(op['x-permission']);
      const success = Object.keys(op.responses).filter((status) => status.startsWith('2'));
      expect(success, `${method} ${path} success response`).toHaveLength(1);
      expect(op.responses[success[0]!]?.content?.['application/json']?.schema, `${method} ${path} response schema`).toBeDefined();
      for (const status of ['400', '401', '403', '404']) expect(op.responses[status], `${method} ${path} ${status}`).toBeDefined();
      const body = op.requestBody?.content['application/json']?.schema;
      if (body) expect(body.additionalProperties, `${method} ${path} refuses unknown fields`).toBe(false);
      if (op['x-permission'] !== 'public') {
        // Without credentials the route answers as documented: 401 with the error shape.
        const response = await t.app.inject({ method: method as 'GET', url, ...(body ? { payload: {} } : {}) });
        expect(response.statusCode, `${method} ${path} signed out`).toBe(401);
        expect(Object.keys(response.json())).toEqual(['error']);
      }
    }
  });
});

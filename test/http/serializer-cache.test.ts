import { describe, expect, it } from 'vitest';
import { cachedSerializerFactory } from '../../src/web/shared/serializer-cache.js';

const NAMED = { type: 'object', properties: { name: { type: 'string' } } };
const COUNTED = { type: 'object', properties: { count: { type: 'integer' } } };

describe('response serializers', () => {
  it('are made once per schema and shared by every app built in the process', () => {
    const first = cachedSerializerFactory(undefined, {});
    const second = cachedSerializerFactory(undefined, {});
    const made = first({ schema: NAMED });
    expect(second({ schema: structuredClone(NAMED) })).toBe(made);
    expect(made({ name: 'Reuters', secret: 'never written' })).toBe('{"name":"Reuters"}');
  });

  it('are never shared between schemas that differ', () => {
    const compile = cachedSerializerFactory(undefined, {});
    const named = compile({ schema: NAMED });
    const counted = compile({ schema: COUNTED });
    expect(counted).not.toBe(named);
    expect(counted({ name: 'Reuters', count: 3 })).toBe('{"count":3}');
    expect(named({ name: 'Reuters', count: 3 })).toBe('{"name":"Reuters"}');
  });
});

import { invalid } from '../shared/errors.js';
import { optionalText, requireText, slugify } from '../shared/text.js';

export type ProfileKind = 'person' | 'organisation' | 'place';

/** A person, organisation or place with a page of its own, linked from stories. */
export interface Profile {
  readonly id: number;
  readonly kind: ProfileKind;
  readonly slug: string;
  readonly name: string;
  readonly summary: string | null;
}

export function parseProfileInput(input: { kind: unknown; name: unknown; summary?: unknown }): Omit<Profile, 'id'> {
  if (input.kind !== 'person' && input.kind !== 'organisation' && input.kind !== 'place') {
    throw invalid('FIELD_INVALID', 'kind must be person, organisation or place', 'kind');
  }
  const name = requireText(input.name, 'name', 200);
  const kind: ProfileKind = input.kind;
  return { kind, name, slug: slugify(name), summary: optionalText(input.summary, 'summary', 4_000) };
}

export function profilePath(serviceCode: string, profile: Pick<Profile, 'id' | 'slug'>): string {
  return `/${serviceCode}/p/${encodeURIComponent(profile.slug)}/${profile.id}`;
}

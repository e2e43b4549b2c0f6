import { invalid } from '../shared/errors.js';
import { SERVICE_CODE } from '../shared/limits.js';
import { optionalText, requireName, slugify } from '../shared/text.js';

export type ProfileKind = 'person' | 'organisation' | 'place';
export const PROFILE_KINDS: readonly ProfileKind[] = ['person', 'organisation', 'place'];

export const PROFILE_LIMITS = { name: 200, summary: 4_000 } as const;

/** A person, organisation or place with a page of its own, linked from stories. */
export interface Profile {
  readonly id: number;
  readonly kind: ProfileKind;
  readonly slug: string;
  readonly name: string;
  readonly summary: string | null;
  /** The service the profile belongs to (its editors keep it); null when shared by every service. */
  readonly serviceCode: string | null;
}

export interface ProfileInput {
  readonly kind: unknown;
  readonly name: unknown;
  readonly summary?: unknown;
  readonly serviceCode?: unknown;
}

export function parseProfileInput(input: ProfileInput): Omit<Profile, 'id'> {
  if (input.kind !== 'person' && input.kind !== 'organisation' && input.kind !== 'place') {
    throw invalid('FIELD_INVALID', 'kind must be person, organisation or place', 'kind');
  }
  const name = requireName(input.name, 'name', PROFILE_LIMITS.name);
  const kind: ProfileKind = input.kind;
  return {
    kind,
    name,
    slug: slugify(name),
    summary: optionalText(input.summary, 'summary', PROFILE_LIMITS.summary),
    serviceCode: optionalText(input.serviceCode, 'serviceCode', SERVICE_CODE.maxLength),
  };
}

export function profilePath(serviceCode: string, profile: Pick<Profile, 'id' | 'slug'>): string {
  return `/${serviceCode}/p/${encodeURIComponent(profile.slug)}/${profile.id}`;
}

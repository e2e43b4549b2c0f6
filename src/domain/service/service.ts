import { invalid } from '../shared/errors.js';
import { SERVICE_CODE } from '../shared/limits.js';
import { requireName, requireSlug, requireText } from '../shared/text.js';

export type ScriptDirection = 'ltr' | 'rtl';

/** A language service: its own site, locale, direction, editors and credited outlet. */
export interface LanguageService {
  readonly code: string;
  readonly name: string;
  readonly locale: string;
  readonly direction: ScriptDirection;
  /** The outlet named in datelines unless a story says otherwise: "RFE/RL". */
  readonly outlet: string;
  readonly position: number;
}

export interface Section {
  readonly id: number;
  readonly serviceCode: string;
  readonly slug: string;
  readonly name: string;
  readonly position: number;
  /** An audio section whose feed carries the itunes: elements podcast apps need. */
  readonly podcast: boolean;
}

export interface Tag {
  readonly id: number;
  readonly serviceCode: string;
  readonly slug: string;
  readonly name: string;
}

/** Limits of services' and sections' fields: a place in a list is 0 to 10,000. */
export const SECTION_LIMITS = { name: 80, position: 10_000 } as const;

const SERVICE_CODE_PATTERN = new RegExp(SERVICE_CODE.pattern);

export function parseServiceCode(value: unknown, field = 'code'): string {
  const code = requireText(value, field, SERVICE_CODE.maxLength);
  if (!SERVICE_CODE_PATTERN.test(code)) {
    throw invalid('SERVICE_CODE_INVALID', `${field} must be a lowercase language code such as "en" or "ru"`, field);
  }
  return code;
}

export function parseLanguageService(input: {
  code: unknown;
  name: unknown;
  locale: unknown;
  direction: unknown;
  outlet: unknown;
  position?: unknown;
}): LanguageService {
  const code = parseServiceCode(input.code);
  const locale = requireText(input.locale, 'locale', 35);
  try {
    new Intl.Locale(locale);
  } catch {
    throw invalid('LOCALE_INVALID', `locale "${locale}" is not a valid BCP 47 language tag`, 'locale');
  }
  if (input.direction !== 'ltr' && input.direction !== 'rtl') {
    throw invalid('DIRECTION_INVALID', 'direction must be "ltr" or "rtl"', 'direction');
  }
  const position = input.position ?? 0;
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > SECTION_LIMITS.position) {
    throw invalid('FIELD_INVALID', `position must be a whole number from 0 to ${SECTION_LIMITS.position}`, 'position');
  }
  return {
    code,
    name: requireName(input.name, 'name', 80),
    locale,
    direction: input.direction,
    outlet: requireName(input.outlet, 'outlet', 80),
    position,
  };
}


/** A section's own fields, checked: a slug for its address, a name, and its place in the navigation. */
export function parseSectionInput(input: { slug: unknown; name: unknown; position?: unknown; podcast?: unknown }): Pick<Section, 'slug' | 'name' | 'position' | 'podcast'> {
  const podcast = input.podcast ?? false;
  if (typeof podcast !== 'boolean') throw invalid('FIELD_INVALID', 'podcast must be true or false', 'podcast');
  const position = input.position ?? 0;
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > SECTION_LIMITS.position) {
    throw invalid('FIELD_INVALID', `position must be a whole number from 0 to ${SECTION_LIMITS.position}`, 'position');
  }
  return { slug: requireSlug(input.slug, 'slug'), name: requireName(input.name, 'name', SECTION_LIMITS.name), position, podcast };
}

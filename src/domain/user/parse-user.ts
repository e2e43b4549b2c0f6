import { invalid } from '../shared/errors.js';
import { SERVICE_CODE } from '../shared/limits.js';
import { requireText } from '../shared/text.js';
import { ROLES, type Role, type RoleGrant } from './user.js';

export const PASSWORD_LIMITS = { min: 12, max: 1_000 } as const;

export function parseEmail(value: unknown): string {
  const email = requireText(value, 'email', 254).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email)) throw invalid('FIELD_INVALID', 'email must be an email address', 'email');
  return email;
}

/** Long passphrases welcome; short ones refused. Not trimmed: spaces are part of a passphrase. */
export function parsePassword(value: unknown): string {
  if (typeof value !== 'string') throw invalid('FIELD_INVALID', 'password must be text', 'password');
  if (value.length < PASSWORD_LIMITS.min) {
    throw invalid('PASSWORD_TOO_SHORT', `password must be at least ${PASSWORD_LIMITS.min} characters`, 'password');
  }
  if (value.length > PASSWORD_LIMITS.max) throw invalid('FIELD_TOO_LONG', `password must be at most ${PASSWORD_LIMITS.max} characters`, 'password');
  return value;
}

/** A role grant as written: admin has no service; every other role needs one. */
export function parseGrant(input: { role: unknown; serviceCode?: unknown }): RoleGrant {
  const role = ROLES.find((r) => r === input.role);
  if (!role) throw invalid('FIELD_INVALID', `role must be one of ${ROLES.join(', ')}`, 'role');
  if (role === 'admin') {
    if (input.serviceCode !== undefined && input.serviceCode !== null) {
      throw invalid('FIELD_INVALID', 'admin is a role for every service; give no service', 'serviceCode');
    }
    return { role, serviceCode: null };
  }
  return { role: role as Exclude<Role, 'admin'>, serviceCode: requireText(input.serviceCode, 'serviceCode', SERVICE_CODE.maxLength) };
}

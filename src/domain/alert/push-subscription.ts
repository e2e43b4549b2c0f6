import { invalid } from '../shared/errors.js';

/** A reader's browser subscribed to a service's breaking alerts (the browser's PushSubscription). */
export interface PushSubscription {
  readonly id: number;
  readonly serviceCode: string;
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** True for addresses no push service has: loopback, private, link-local, unique-local, unspecified. */
export function isPrivateAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::' || h === '::1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h.replace(/^::ffff:/, ''));
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  return /^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h);
}

/**
 * The browser's subscription, checked: an https endpoint on a public host (a private or
 * loopback one only when the operator allows it, for a push service of their own), and keys
 * of the sizes RFC 8291 uses (a 65-byte P-256 public key, a 16-byte auth secret).
 */
export function parsePushSubscription(input: { endpoint: unknown; keys: unknown }, allowPrivate: boolean): Omit<PushSubscription, 'id' | 'serviceCode'> {
  if (typeof input.endpoint !== 'string' || input.endpoint.length > 2_000) throw invalid('FIELD_INVALID', 'endpoint must be a URL', 'endpoint');
  let url: URL;
  try {
    url = new URL(input.endpoint);
  } catch {
    throw invalid('FIELD_INVALID', 'endpoint must be a URL', 'endpoint');
  }
  if (url.username || url.password || url.protocol !== 'https:') {
    throw invalid('PUSH_ENDPOINT_REFUSED', 'endpoint must be an https address of a push service', 'endpoint');
  }
  if (!allowPrivate && isPrivateAddress(url.hostname)) {
    throw invalid('PUSH_ENDPOINT_REFUSED', 'endpoint must be on a public host', 'endpoint');
  }
  const keys = input.keys as { p256dh?: unknown; auth?: unknown } | null;
  const key = (value: unknown, bytes: number, field: string) => {
    if (typeof value !== 'string' || !BASE64URL.test(value) || Buffer.from(value, 'base64url').length !== bytes) {
      throw invalid('FIELD_INVALID', `${field} must be ${bytes} bytes in base64url`, field);
    }
    return value;
  };
  return { endpoint: url.href, keys: { p256dh: key(keys?.p256dh, 65, 'keys.p256dh'), auth: key(keys?.auth, 16, 'keys.auth') } };
}

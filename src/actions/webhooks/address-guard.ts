import { promises as dns } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { DomainError } from '../../domain/shared/errors.js';
import { lookupOnly, type Lookup } from '../../net/post-for-status.js';

/** Whether an address is on the public internet: not loopback, private, link-local, unique-local, multicast, reserved... */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

function refused(host: string, address: string): DomainError {
  return new DomainError(
    'WEBHOOK_ADDRESS_REFUSED',
    `${host} resolves to ${address}, a loopback, private or link-local address: webhooks are only sent to public addresses (an operator may allow others with WEBHOOKS_ALLOW_PRIVATE=true)`,
    'url',
  );
}

/** Resolves the endpoint's host (an IP literal is its own address) and refuses it unless every address is public. */
export async function checkWebhookAddress(url: URL, allowPrivate: boolean): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new DomainError('WEBHOOK_HOST_UNKNOWN', `${host} does not resolve to an address`, 'url');
    }
  }
  if (allowPrivate) return;
  const blocked = addresses.find((address) => !isPublicAddress(address));
  if (blocked !== undefined) throw refused(host, blocked);
}

/**
 * A DNS lookup for the HTTP client that checks what it resolves, at connection time: a name
 * that resolved to a public address when the endpoint was registered and to 127.0.0.1 now
 * (DNS rebinding) is refused here, so the request never reaches the private address.
 */
export function guardedLookup(allowPrivate: boolean): Lookup {
  return lookupOnly((address) => allowPrivate || isPublicAddress(address), (hostname, address) => refused(hostname, address));
}

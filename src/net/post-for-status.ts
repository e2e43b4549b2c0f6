import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';

/** How a host name becomes an address for a connection (`net.connect`'s `lookup`). */
export type Lookup = (
  hostname: string,
  options: { family?: number | string; all?: boolean },
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/**
 * A lookup that connects only to addresses `allowed` accepts: the check is made on the very
 * addresses the connection then uses, so a name that points elsewhere a moment later (DNS
 * rebinding) cannot slip past a check made before.
 */
export function lookupOnly(allowed: (address: string) => boolean, refusal: (hostname: string, address: string) => Error): Lookup {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true } as never, (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const blocked = addresses.find((a) => !allowed(a.address));
      if (blocked) return callback(refusal(hostname, blocked.address) as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      return callback(null, first.address, first.family);
    });
  };
}

export interface PostOptions {
  /** The whole exchange, from connecting to the answer's headers. */
  readonly timeoutMs: number;
  readonly lookup?: Lookup;
  readonly agent?: http.Agent;
}

/**
 * POSTs `body` to an address someone else chose (a partner's webhook, a reader's push service)
 * and answers the status alone: the answer's body is never read, and the connection is closed
 * once the status and headers are in. The whole exchange has a deadline, not only a quiet
 * socket, so a receiver that drips its answer a byte at a time cannot hold the caller, nor make
 * it keep a growing answer in memory.
 */
export function postForStatus(url: URL, body: string | Buffer, headers: Readonly<Record<string, string>>, options: PostOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      ...(options.lookup ? { lookup: options.lookup as never } : {}),
      ...(options.agent ? { agent: options.agent } : {}),
    });
    // One deadline for connecting, sending and the answer's headers: a quiet socket and a dripping one alike.
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    request.on('response', (response) => {
      clearTimeout(deadline);
      response.on('error', () => undefined);
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
    request.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.end(body);
  });
}

import http from 'node:http';
import zlib from 'node:zlib';

export interface RawResponse {
  readonly status: number;
  readonly statusMessage: string;
  /** Header names and values as sent, flat: [name, value, name, value, …]. */
  readonly rawHeaders: readonly string[];
  readonly headers: http.IncomingHttpHeaders;
  /** Body bytes exactly as they came over the wire (still compressed). */
  readonly body: Buffer;
}

/**
 * One GET with node:http (not fetch, so the body is not decompressed), on a fresh
 * connection.
 */
export function getRaw(url: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          statusMessage: response.statusMessage ?? '',
          rawHeaders: response.rawHeaders,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

/** Decodes a body by its content-encoding (br, gzip, deflate or none). */
export function decodeBody(body: Buffer, contentEncoding: string | undefined): Buffer {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  switch (encoding) {
    case '':
    case 'identity':
      return body;
    case 'br':
      return zlib.brotliDecompressSync(body);
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    default:
      throw new Error(`cannot decode content-encoding "${encoding}"`);
  }
}

/** Headers that describe the connection, not the response; the baseline server sets its own. */
const HOP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** rawHeaders minus date/connection/keep-alive/transfer-encoding, still flat and in order. */
export function replayableHeaders(rawHeaders: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    if (!HOP_HEADERS.has(name.toLowerCase())) kept.push(name, rawHeaders[i + 1] as string);
  }
  return kept;
}

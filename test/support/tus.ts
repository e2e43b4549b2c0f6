import http from 'node:http';

/** A tus 1.0 client made of plain requests, so tests can see and break each step. */
export function tusClient(base: string, headers: Record<string, string>) {
  const common = { 'tus-resumable': '1.0.0', ...headers };
  const metadata = (fields: Record<string, string>) =>
    Object.entries(fields)
      .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
      .join(',');
  return {
    /** Starts an upload; the answer's Location is where to send it. */
    create: (size: number, fields: Record<string, string>, extra: Record<string, string> = {}) =>
      fetch(`${base}/uploads`, {
        method: 'POST',
        headers: { ...common, 'upload-length': String(size), 'upload-metadata': metadata(fields), ...extra },
      }),
    /** Where the server has got to. */
    offsetOf: async (location: string) => {
      const response = await fetch(new URL(location, base), { method: 'HEAD', headers: common });
      return { status: response.status, offset: Number(response.headers.get('upload-offset')) };
    },
    send: (location: string, offset: number, chunk: Buffer) =>
      fetch(new URL(location, base), {
        method: 'PATCH',
        headers: { ...common, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        body: new Uint8Array(chunk),
      }),
    cancel: (location: string) => fetch(new URL(location, base), { method: 'DELETE', headers: common }),
    /**
     * Sends `chunk` declared whole, but the connection drops after `sent` bytes of it: what a
     * reporter's train going into a tunnel does. Resolves once the request has failed.
     */
    sendAndDrop: (location: string, offset: number, chunk: Buffer, sent: number) =>
      new Promise<void>((resolve) => {
        const url = new URL(location, base);
        const request = http.request(url, {
          method: 'PATCH',
          headers: {
            ...common,
            'upload-offset': String(offset),
            'content-type': 'application/offset+octet-stream',
            'content-length': String(chunk.length),
          },
        });
        request.on('error', () => resolve());
        request.on('response', (response) => {
          response.resume();
          resolve();
        });
        request.write(chunk.subarray(0, sent), () => {
          // Give the bytes time to reach the server before the line goes dead.
          setTimeout(() => request.destroy(), 200);
        });
      }),
  };
}

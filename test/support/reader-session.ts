import type { FastifyInstance } from 'fastify';
import { solveChallenge } from 'altcha-lib/v1';

/** A reader's browser as seen through app.inject: keeps cookies, reads the form token, solves challenges. */
export class ReaderSession {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    readonly address = '192.0.2.10',
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(options: { method: 'GET' | 'POST'; url: string; form?: Record<string, string>; json?: Record<string, unknown> }) {
    const headers: Record<string, string> = { cookie: this.cookieHeader };
    let payload: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(options.form).toString();
    } else if (options.json) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.json);
    }
    const response = await this.app.inject({ method: options.method, url: options.url, headers, remoteAddress: this.address, ...(payload ? { payload } : {}) });
    const setCookie = response.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (pair && index > 0) this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }

  /** Opens a comments page and returns the form token in its hidden field. */
  async formToken(url: string): Promise<string> {
    const page = await this.request({ method: 'GET', url });
    const token = /name="_form" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no form token on ${url} (status ${page.statusCode})`);
    return token;
  }

  async solvedWork(): Promise<string> {
    const response = await this.request({ method: 'GET', url: '/api/comments/challenge' });
    const challenge = response.json<{ algorithm: string; challenge: string; maxnumber: number; salt: string; signature: string }>();
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    if (!solution) throw new Error('could not solve the challenge');
    const { algorithm, salt, signature } = challenge;
    return Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number: solution.number, salt, signature })).toString('base64');
  }
}

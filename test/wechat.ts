/**
 * A local server that speaks the WeChat official-account API the platform calls (`/cgi-bin/token`,
 * `/cgi-bin/message/template/send`, `/sns/oauth2/access_token`), so tests never leave the machine.
 * It checks the app credentials and the access token the way WeChat does, and answers what the test
 * queues.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_APP_ID = 'wx0123456789abcdef';
export const FAKE_APP_SECRET = 'fake-app-secret-0123456789abcdef';

export interface TemplateSend {
  accessToken: string;
  body: { touser: string; template_id: string; url?: string; data: Record<string, { value: string }> };
}

type Answer = { errcode: number; errmsg: string } | { status: number };

export class FakeWechat {
  private server: Server | null = null;
  base = '';
  /** Tokens WeChat would still accept. */
  private validTokens = new Set<string>();
  private issued = 0;
  tokenExpiresIn = 7200;
  tokenRequests: Record<string, string>[] = [];
  sends: TemplateSend[] = [];
  oauthRequests: Record<string, string>[] = [];
  /** Answers for the next template sends (after the token check); then `ok`. */
  sendAnswers: Answer[] = [];
  /** Answers for the next token requests; then a fresh token. */
  tokenAnswers: Answer[] = [];
  /** Web-authorisation codes this "WeChat" handed out: code → openid; each works once. */
  codes = new Map<string, string>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => {
        raw += chunk;
      });
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const query = Object.fromEntries(url.searchParams);
        const reply = (answer: unknown, status = 200) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer));
        };
        const queued = (list: Answer[]) => {
          const next = list.shift();
          if (next && 'status' in next) reply({ message: 'upstream error' }, next.status);
          else if (next) reply(next);
          return Boolean(next);
        };
        if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
          this.tokenRequests.push(query);
          if (query.grant_type !== 'client_credential') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
          if (query.appid !== FAKE_APP_ID) return reply({ errcode: 40013, errmsg: 'invalid appid' });
          if (query.secret !== FAKE_APP_SECRET) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
          if (queued(this.tokenAnswers)) return;
          const token = `ACCESS_TOKEN_${++this.issued}`;
          this.validTokens.add(token);
          return reply({ access_token: token, expires_in: this.tokenExpiresIn });
        }
        if (req.method === 'POST' && url.pathname === '/cgi-bin/message/template/send') {
          const token = query.access_token ?? '';
          if (!this.validTokens.has(token)) {
            return reply({ errcode: token ? 40001 : 41001, errmsg: 'invalid credential, access_token is invalid' });
          }
          this.sends.push({ accessToken: token, body: JSON.parse(raw) });
          if (queued(this.sendAnswers)) return;
          return reply({ errcode: 0, errmsg: 'ok', msgid: 200000000 + this.sends.length });
        }
        if (req.method === 'GET' && url.pathname === '/sns/oauth2/access_token') {
          this.oauthRequests.push(query);
          if (query.appid !== FAKE_APP_ID || query.secret !== FAKE_APP_SECRET) {
            return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
          }
          if (query.grant_type !== 'authorization_code') return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
          const openid = this.codes.get(query.code ?? '');
          if (!openid) return reply({ errcode: 40029, errmsg: 'invalid code' });
          this.codes.delete(query.code ?? '');
          return reply({
            access_token: 'WEB_ACCESS_TOKEN',
            expires_in: 7200,
            refresh_token: 'REFRESH',
            openid,
            scope: 'snsapi_base',
          });
        }
        reply({ errcode: 404, errmsg: 'no such api' }, 404);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  /** Every token issued so far stops working (as when it expires, or the secret is reset). */
  expireTokens() {
    this.validTokens.clear();
  }

  /** Hands out a web-authorisation code for `openid`, as WeChat does when the person opens our page. */
  authorise(openid: string): string {
    const code = `CODE_${this.codes.size}_${Math.random().toString(36).slice(2)}`;
    this.codes.set(code, openid);
    return code;
  }

  reset() {
    this.tokenRequests = [];
    this.sends = [];
    this.oauthRequests = [];
    this.sendAnswers = [];
    this.tokenAnswers = [];
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

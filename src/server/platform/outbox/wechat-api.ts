/**
 * The WeChat official-account (公众号) server API, the three calls the platform makes:
 * - `GET /cgi-bin/token` (client credentials → access token, valid `expires_in` seconds, 7200 today),
 *   cached in memory and refreshed before it runs out; one fetch at a time however many senders wait;
 * - `POST /cgi-bin/message/template/send` (a template message to one follower's openid); an answer
 *   that says the token is stale (40001, 40014, 42001) refreshes it once and sends again;
 * - `GET /sns/oauth2/access_token` (web authorisation: the code WeChat hands our page → the openid).
 *
 * Every answer carries `errcode`/`errmsg` (0 or absent on success). Several instances each keep their
 * own token: fetching a new token leaves the previous one valid about five more minutes, and an
 * instance whose token was replaced meets 40001 and refreshes, so they converge without coordination.
 */

export interface WechatApiConfig {
  /** https://api.weixin.qq.com, or a local server speaking the same protocol in tests. */
  apiBase: string;
  appId: string;
  appSecret: string;
}

export interface WechatApiOptions {
  /** Milliseconds since the epoch; injectable so tests move time instead of waiting. */
  clock?: () => number;
  timeoutMs?: number;
}

/** An answer of the WeChat API with a non-zero errcode, or a transport failure (errcode null). */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number | null,
    readonly errmsg: string,
    readonly call: string,
  ) {
    super(`WeChat ${call} ${errcode ?? 'unreachable'}: ${errmsg}`);
  }
}

/** Codes meaning the access token we sent is no longer good: refresh it once and try again. */
export const STALE_TOKEN_CODES = new Set([40001, 40014, 42001]);

/**
 * Codes meaning WeChat will refuse the message whatever we do until a person changes something
 * (the user unsubscribed, the openid or template is wrong, the credentials or IP whitelist are).
 * Everything else (-1 system busy, 45009 quota reached, 5xx, network) is worth another try later.
 */
export const PERMANENT_CODES = new Map<number, string>([
  [40003, 'invalid openid'],
  [40013, 'invalid appid'],
  [40036, 'invalid template_id size'],
  [40037, 'invalid template_id'],
  [40125, 'invalid appsecret'],
  [40164, 'caller IP not in the whitelist'],
  [40243, 'AppSecret frozen'],
  [43004, 'user has not followed the official account'],
  [43101, 'user refused to receive the message'],
  [47001, 'data format error'],
  [47003, 'template argument invalid'],
  [48001, 'api unauthorized'],
  [50002, 'user limited'],
]);

export const isPermanentWechatError = (errcode: number | null) => errcode !== null && PERMANENT_CODES.has(errcode);

/** Refresh this long before WeChat says the token expires (or at half its life if that is shorter). */
const REFRESH_MARGIN_SECONDS = 300;

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  [key: string]: unknown;
}

export interface TemplateMessage {
  openid: string;
  templateId: string;
  /** Template fields, e.g. { thing1: '上门理发', time2: '2026-12-02 09:00' }. */
  data: Record<string, string>;
  /** Page opened when the message is tapped. */
  url?: string;
}

export class WechatApi {
  private token: { value: string; refreshAt: number } | null = null;
  private pending: Promise<string> | null = null;
  private readonly clock: () => number;
  private readonly timeoutMs: number;
  /** How many times a token was fetched (tests and logs read it). */
  tokenFetches = 0;

  constructor(
    private readonly config: WechatApiConfig,
    options: WechatApiOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  private url(path: string, query: Record<string, string>): string {
    const url = new URL(path, this.config.apiBase.endsWith('/') ? this.config.apiBase : `${this.config.apiBase}/`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url.toString();
  }

  private async call(call: string, url: string, init?: RequestInit): Promise<WechatAnswer> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw new WechatApiError(null, (err as Error).message, call);
    }
    const answer = (await res.json().catch(() => null)) as WechatAnswer | null;
    if (!res.ok || !answer) throw new WechatApiError(null, `HTTP ${res.status}`, call);
    if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '', call);
    return answer;
  }

  /** A valid access token: the cached one while it is fresh, otherwise one fetch shared by all callers. */
  async accessToken(): Promise<string> {
    if (this.token && this.clock() < this.token.refreshAt) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Forgets `stale` (the token WeChat just refused); a token fetched meanwhile by another caller is kept. */
  private invalidate(stale: string) {
    if (this.token?.value === stale) this.token = null;
  }

  private async fetchToken(): Promise<string> {
    this.tokenFetches++;
    const answer = await this.call(
      'token',
      this.url('cgi-bin/token', {
        grant_type: 'client_credential',
        appid: this.config.appId,
        secret: this.config.appSecret,
      }),
    );
    const value = answer.access_token;
    const expiresIn = Number(answer.expires_in);
    if (typeof value !== 'string' || !value || !(expiresIn > 0)) {
      throw new WechatApiError(null, 'token answer without access_token/expires_in', 'token');
    }
    const lifetime = Math.max(expiresIn - REFRESH_MARGIN_SECONDS, expiresIn / 2);
    this.token = { value, refreshAt: this.clock() + lifetime * 1000 };
    return value;
  }

  /** Sends a template message; answers WeChat's msgid. Throws `WechatApiError` with WeChat's errcode. */
  async sendTemplate(message: TemplateMessage): Promise<{ msgid: string }> {
    const body = JSON.stringify({
      touser: message.openid,
      template_id: message.templateId,
      ...(message.url ? { url: message.url } : {}),
      data: Object.fromEntries(Object.entries(message.data).map(([k, value]) => [k, { value }])),
    });
    const send = (token: string) =>
      this.call('template/send', this.url('cgi-bin/message/template/send', { access_token: token }), {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
      });
    const token = await this.accessToken();
    let answer: WechatAnswer;
    try {
      answer = await send(token);
    } catch (err) {
      if (!(err instanceof WechatApiError && err.errcode !== null && STALE_TOKEN_CODES.has(err.errcode))) throw err;
      this.invalidate(token);
      answer = await send(await this.accessToken());
    }
    return { msgid: String(answer.msgid ?? '') };
  }

  /**
   * Web authorisation (网页授权, snsapi_base): the code WeChat appended to our page's URL → the openid
   * of the person who opened it in WeChat. A code works once, for five minutes (40029, 40163 otherwise).
   */
  async openidFromCode(code: string): Promise<{ openid: string; unionid: string | null }> {
    const answer = await this.call(
      'oauth2/access_token',
      this.url('sns/oauth2/access_token', {
        appid: this.config.appId,
        secret: this.config.appSecret,
        code,
        grant_type: 'authorization_code',
      }),
    );
    if (typeof answer.openid !== 'string' || !answer.openid) {
      throw new WechatApiError(null, 'oauth2 answer without openid', 'oauth2/access_token');
    }
    return { openid: answer.openid, unionid: typeof answer.unionid === 'string' ? answer.unionid : null };
  }
}

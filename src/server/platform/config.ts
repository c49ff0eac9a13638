import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { StartupError } from './startup-error.js';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection string. Unset: the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** The district this deployment serves when a request names none (GB/T 2260 code). */
  DEFAULT_TENANT: z
    .string()
    .regex(/^\d{6}$/)
    .default('371002'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Failed sign-ins allowed per phone within LOGIN_LOCK_MINUTES before the phone is locked. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Sign-in attempts allowed per client address per minute. */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Longest time a signed-in actor is served from memory; sign-out, password and role changes invalidate it at once. 0 turns the cache off. */
  ACTOR_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: a comma-separated
   * list of addresses or CIDRs (`127.0.0.1`, `10.0.0.0/8`, `::1`) or the names loopback, linklocal,
   * uniquelocal. `false` (default): believe no proxy; the client address is the peer's.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      const entries = v
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      if (entries.length === 1 && entries[0] === 'false') return [];
      for (const entry of entries) {
        const problem = proxyEntryProblem(entry);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
      return entries;
    }),
  /** Seed the Huancui demo district and demo accounts into an empty database. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  WEB_DIST: z.string().default('./dist/web'),
  /**
   * Key for personal data at rest (ID numbers): base64 of 32 random bytes, e.g.
   * `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`.
   * Unset outside production: a key is generated once into <DATA_DIR>/pii.key. Unset in production: refuses to start.
   */
  PII_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, { message: 'PII_KEY must be base64 of 32 bytes' })
    .optional(),
  /** Volunteer numbers are <prefix><year><6-digit sequence>, e.g. HC2026000001. */
  VOLUNTEER_NUMBER_PREFIX: z
    .string()
    .regex(/^[A-Z]{1,6}$/)
    .default('HC'),
  /** Activate online registrations at once (true) or leave them pending until a keeper reviews them (false). */
  VOLUNTEER_AUTO_ACTIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Phone look-ups (inviting, appointing or registering someone by phone) allowed per account per day
   * (UTC). Each answers whether a phone has an account, so they are counted in the database.
   */
  PHONE_LOOKUPS_PER_DAY: z.coerce.number().int().positive().default(100),
  /** Orders one station's kiosk (自助终端, no sign-in) takes per hour, counted in the database. */
  KIOSK_ORDERS_PER_HOUR: z.coerce.number().int().positive().default(30),
  /**
   * Base-map tiles for the site map, a Leaflet URL template such as
   * https://tile.openstreetmap.org/{z}/{x}/{y}.png. Unset: the map draws the sites without tiles.
   */
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\//)
    .optional(),
  /** wgs84 (OpenStreetMap…) or gcj02 (AutoNavi/Amap, Tencent): the browser converts site points with gcoord. */
  MAP_TILE_COORD_SYSTEM: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  MAP_TILE_ATTRIBUTION: z.string().default(''),
  /**
   * Who delivers text messages: `aliyun` (Aliyun SMS), `demo` (a demo phone staff read in the console)
   * or `none`. Unset: `demo` while SEED_DEMO=true, otherwise `none`.
   */
  SMS_PROVIDER: z.enum(['aliyun', 'demo', 'none']).optional(),
  ALIYUN_SMS_ENDPOINT: z.string().url().default('https://dysmsapi.aliyuncs.com/'),
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  /** The approved signature (签名), e.g. 志愿环翠. */
  ALIYUN_SMS_SIGN_NAME: z.string().min(1).optional(),
  /** Approved template codes (SMS_…): the verification code one takes ${code} and ${minutes}. */
  ALIYUN_SMS_TEMPLATE_VERIFICATION_CODE: z.string().min(1).optional(),
  ALIYUN_SMS_TEMPLATE_VOLUNTEER_WELCOME: z.string().min(1).optional(),
  /** Sent instead of a registration code to a phone that already has an account; takes no parameters. */
  ALIYUN_SMS_TEMPLATE_ALREADY_REGISTERED: z.string().min(1).optional(),
  /** Takes ${title}. */
  ALIYUN_SMS_TEMPLATE_NOTIFICATION: z.string().min(1).optional(),
  /**
   * Who delivers WeChat official-account template messages: `mp` (the WeChat API with WECHAT_APP_ID
   * and WECHAT_APP_SECRET), `demo` (a demo WeChat staff read in the console; binding works without
   * WeChat) or `none`. Unset: `mp` when WECHAT_APP_ID is set, else `demo` while SEED_DEMO=true, else `none`.
   */
  WECHAT_PROVIDER: z.enum(['mp', 'demo', 'none']).optional(),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  /** Where the browser is sent to authorise (网页授权); the page comes back with ?code=…&state=…. */
  WECHAT_OAUTH_AUTHORIZE_URL: z.string().url().default('https://open.weixin.qq.com/connect/oauth2/authorize'),
  WECHAT_APP_ID: z.string().min(1).optional(),
  WECHAT_APP_SECRET: z.string().min(1).optional(),
  /** The template id (模板ID) chosen in the official account for notifications. */
  WECHAT_TEMPLATE_NOTIFICATION: z.string().min(1).optional(),
  /**
   * Which template field carries which part of a notification, `field=part` pairs; parts are title,
   * body, time (Asia/Shanghai, yyyy-MM-dd HH:mm) and kind. `thing*` fields are cut to 20 characters.
   */
  WECHAT_TEMPLATE_NOTIFICATION_FIELDS: z
    .string()
    .default('thing1=title,time2=time')
    .transform((v, ctx) => {
      const pairs = v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => p.split('='));
      for (const pair of pairs) {
        if (pair.length !== 2 || !/^[a-z_]+\d*$/.test(pair[0] ?? '') || !notificationParts.includes(pair[1] ?? '')) {
          ctx.addIssue({
            code: 'custom',
            message: `"${pair.join('=')}" is not field=part (parts: ${notificationParts})`,
          });
        }
      }
      return Object.fromEntries(pairs) as Record<string, string>;
    }),
  /** Public address of the web app (https://…): a tapped WeChat message opens the notification's page there. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\//)
    .optional(),
  /** Where photos, attachments, certificates and exports are kept: `disk` (under FILE_DIR) or `s3`. */
  FILE_STORAGE: z.enum(['disk', 's3']).default('disk'),
  /** Folder for FILE_STORAGE=disk. Default <DATA_DIR>/files. */
  FILE_DIR: z.string().optional(),
  /** Largest upload accepted, in bytes (default 10 MB). */
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** How long a signed download link to a private file stays valid. */
  FILE_LINK_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .max(7 * 24 * 3600)
    .default(600),
  /** Key signing download links: base64 of at least 32 bytes. Unset: derived from the PII key. */
  FILE_LINK_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length >= 32, {
      message: 'FILE_LINK_KEY must be base64 of 32 or more bytes',
    })
    .optional(),
  /** S3-compatible object storage (AWS S3, MinIO, Aliyun OSS, Tencent COS) for FILE_STORAGE=s3. */
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  /** e.g. https://oss-cn-hangzhou.aliyuncs.com, https://cos.ap-beijing.myqcloud.com, http://minio:9000. Unset: AWS. */
  S3_ENDPOINT: z.string().url().optional(),
  /** Unset: the AWS SDK's usual sources (environment, instance role). */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** `true` for MinIO and most self-hosted servers (bucket in the path, not the host name). */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

const notificationParts = ['title', 'body', 'time', 'kind'];

const proxyNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function proxyEntryProblem(entry: string): string | null {
  if (entry === 'true')
    return 'true would believe a forged X-Forwarded-For from anyone: list the proxy addresses instead, e.g. TRUST_PROXY=127.0.0.1';
  if (proxyNames.has(entry)) return null;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  const max = family === 4 ? 32 : 128;
  if (!family || rest.length > 0) return `"${entry}" is not an IP address or CIDR (e.g. 127.0.0.1, 10.0.0.0/8, ::1)`;
  if (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max))
    return `"${entry}" has a prefix length outside 0–${max}`;
  return null;
}

const aliyunRequired = [
  'ALIYUN_SMS_ACCESS_KEY_ID',
  'ALIYUN_SMS_ACCESS_KEY_SECRET',
  'ALIYUN_SMS_SIGN_NAME',
  'ALIYUN_SMS_TEMPLATE_VERIFICATION_CODE',
] as const;

type Env = z.infer<typeof schema>;
export type Config = Env & {
  dataDir: string;
  smsProvider: 'aliyun' | 'demo' | 'none';
  aliyunSms: {
    endpoint: string;
    accessKeyId: string;
    accessKeySecret: string;
    signName: string;
    templates: Record<string, string | undefined>;
  };
  wechatProvider: 'mp' | 'demo' | 'none';
};

function smsSettings(env: Env): Pick<Config, 'smsProvider' | 'aliyunSms'> | string[] {
  const smsProvider = env.SMS_PROVIDER ?? (env.SEED_DEMO ? 'demo' : 'none');
  const problems: string[] = [];
  if (smsProvider === 'aliyun') {
    for (const key of aliyunRequired) if (!env[key]) problems.push(`${key}: required when SMS_PROVIDER=aliyun`);
  }
  if (smsProvider === 'demo' && env.NODE_ENV === 'production' && !env.SEED_DEMO) {
    problems.push('SMS_PROVIDER: the demo phone is for demos (SEED_DEMO=true); a real deployment uses aliyun or none');
  }
  if (problems.length) return problems;
  return {
    smsProvider,
    aliyunSms: {
      endpoint: env.ALIYUN_SMS_ENDPOINT,
      accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID ?? '',
      accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET ?? '',
      signName: env.ALIYUN_SMS_SIGN_NAME ?? '',
      templates: {
        verification_code: env.ALIYUN_SMS_TEMPLATE_VERIFICATION_CODE,
        volunteer_welcome: env.ALIYUN_SMS_TEMPLATE_VOLUNTEER_WELCOME,
        already_registered: env.ALIYUN_SMS_TEMPLATE_ALREADY_REGISTERED,
        notification: env.ALIYUN_SMS_TEMPLATE_NOTIFICATION,
      },
    },
  };
}

function wechatSettings(env: Env): Pick<Config, 'wechatProvider'> | string[] {
  const wechatProvider = env.WECHAT_PROVIDER ?? (env.WECHAT_APP_ID ? 'mp' : env.SEED_DEMO ? 'demo' : 'none');
  const problems: string[] = [];
  if (wechatProvider === 'mp') {
    for (const key of ['WECHAT_APP_ID', 'WECHAT_APP_SECRET'] as const) {
      if (!env[key]) problems.push(`${key}: required when WECHAT_PROVIDER=mp`);
    }
  }
  if (wechatProvider === 'demo' && env.NODE_ENV === 'production' && !env.SEED_DEMO) {
    problems.push('WECHAT_PROVIDER: the demo WeChat is for demos (SEED_DEMO=true); a real deployment uses mp or none');
  }
  return problems.length ? problems : { wechatProvider };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema
    .refine((c) => c.FILE_STORAGE !== 's3' || Boolean(c.S3_BUCKET), {
      message: 'S3_BUCKET is required when FILE_STORAGE=s3',
      path: ['S3_BUCKET'],
    })
    .safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new StartupError(`invalid configuration: ${problems.join('; ')}`);
  }
  const sms = smsSettings(parsed.data);
  const wechat = wechatSettings(parsed.data);
  const problems = [...(Array.isArray(sms) ? sms : []), ...(Array.isArray(wechat) ? wechat : [])];
  if (Array.isArray(sms) || Array.isArray(wechat))
    throw new StartupError(`invalid configuration: ${problems.join('; ')}`);
  return { ...parsed.data, ...sms, ...wechat, dataDir: resolve(parsed.data.DATA_DIR) };
}

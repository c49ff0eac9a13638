/**
 * Aliyun (Alibaba Cloud) Short Message Service, `SendSms` (API version 2017-05-25) over its RPC
 * protocol: the parameters are sorted and percent-encoded into a canonical query string, signed with
 * HMAC-SHA1 under the AccessKey secret followed by "&", and sent as a form-encoded POST.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { type Deliverer, DeliveryError } from './outbox.js';

export interface AliyunSmsConfig {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Our template name → the template code registered at Aliyun (SMS_123456789). */
  templates: Record<string, string | undefined>;
  regionId?: string;
}

/** RFC 3986 encoding as Aliyun specifies it: only A–Z a–z 0–9 - _ . ~ stay as they are; space is %20. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] as string)}`)
    .join('&');
}

export function stringToSign(method: string, params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function rpcSignature(method: string, params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params), 'utf8').digest('base64');
}

/** Aliyun answers that say the message will never go through as sent; anything else is worth another try. */
const permanentCodes = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.INVALID_PARAMETERS',
  'isv.INVALID_JSON_PARAM',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.BLACK_KEY_CONTROL_LIMIT',
  'isv.DENY_IP_RANGE',
  'isv.DAY_LIMIT_CONTROL',
  'isv.SMS_CONTENT_ILLEGAL',
  'isv.SMS_SIGN_ILLEGAL',
  'isv.ACCOUNT_NOT_EXISTS',
  'isv.ACCOUNT_ABNORMAL',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'Forbidden.RAM',
  'MissingParameter',
  'InvalidParameter',
]);

export function aliyunSms(config: AliyunSmsConfig): Deliverer {
  return {
    async deliver(message) {
      const templateCode = config.templates[message.template];
      if (!templateCode) throw new DeliveryError(`no Aliyun template is configured for ${message.template}`, true);
      const params: Record<string, string> = {
        AccessKeyId: config.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: message.recipient,
        RegionId: config.regionId ?? 'cn-hangzhou',
        SignName: config.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(message.params),
        Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      const body = `Signature=${percentEncode(rpcSignature('POST', params, config.accessKeySecret))}&${canonicalQuery(params)}`;
      let res: Response;
      try {
        res = await fetch(config.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
          signal: AbortSignal.timeout(10_000),
        });
      } catch (err) {
        throw new DeliveryError(`Aliyun SMS unreachable: ${(err as Error).message}`, false);
      }
      const answer = (await res.json().catch(() => null)) as { Code?: string; Message?: string; BizId?: string } | null;
      if (res.ok && answer?.Code === 'OK') return { providerRef: answer.BizId ?? null };
      const code = answer?.Code ?? `HTTP ${res.status}`;
      const permanent = res.status < 500 && permanentCodes.has(code);
      throw new DeliveryError(`Aliyun SMS ${code}: ${answer?.Message ?? res.statusText}`, permanent);
    },
  };
}

/** The server's one error shape, as a thrown error whose text follows the current UI language. */
import { currentLanguage, i18n } from '../i18n/index.js';
import type { components } from './schema.js';

export type ApiErrorBody = components['schemas']['Error'];
export type ApiErrorDetail = NonNullable<ApiErrorBody['error']['details']>[number];

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, body: ApiErrorBody['error']) {
    super(currentLanguage() === 'en' ? body.messageEn : body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageZh = body.message;
    this.messageEn = body.messageEn;
    this.details = body.details ?? [];
  }

  /** The message in the language shown now (the user may switch after the error arrived). */
  localized(): string {
    return currentLanguage() === 'en' ? this.messageEn : this.messageZh;
  }

  /** Field errors keyed by the last segment of the field path (`body.newPassword` → `newPassword`). */
  fieldErrors(): Record<string, string> {
    const en = currentLanguage() === 'en';
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const key = d.field.split('.').at(-1) ?? d.field;
      out[key] ??= en ? d.messageEn : d.message;
    }
    return out;
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** A request that never got an answer, or got one that is not the error shape (a proxy page, say). */
export function transportError(status: number): ApiError {
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');
  if (status === 0) {
    return new ApiError(0, { code: 'NETWORK_ERROR', message: zh('errors.network'), messageEn: en('errors.network') });
  }
  return new ApiError(status, {
    code: `HTTP_${status}`,
    message: zh('errors.http', { status }),
    messageEn: en('errors.http', { status }),
  });
}

/** Text to show for any error thrown by a query or mutation. */
/**
 * Whether the record the address names is not there: a 404, or an id in the address that cannot
 * exist (the server refuses a malformed id with a 400 on `params.*`). To the reader both are
 * "not found", never "提交的内容有误" — they submitted nothing.
 */
export function isNotFound(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 404) return true;
  return (
    error.code === 'VALIDATION_FAILED' &&
    error.details.length > 0 &&
    error.details.every((d) => d.field.startsWith('params.'))
  );
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError && error.status !== 404 && isNotFound(error)) return i18n.t('common.notFound');
  if (error instanceof ApiError) return error.localized();
  return i18n.t('errors.loadFailed');
}

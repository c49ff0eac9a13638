/**
 * What reaches the log of an error. A failed query's parameters and the values PostgreSQL quotes
 * back in `detail` hold phones, names and password hashes, so neither is ever written: the log
 * keeps the SQL text (placeholders only), the error codes and the constraint, which is what an
 * operator needs to find the fault.
 */

const copied = [
  'code',
  'statusCode',
  'severity',
  'constraint',
  'table',
  'column',
  'schema',
  'routine',
  'validationContext',
] as const;

export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  query?: string;
  detail?: string;
  cause?: LoggedError;
  [key: string]: unknown;
}

/** Drizzle's "Failed query: <sql>\nparams: <values>": everything after `params:` is data. */
function withoutParams(text: string): string {
  const at = text.indexOf('\nparams: ');
  return at === -1 ? text : `${text.slice(0, at)}\nparams: [redacted]`;
}

/** PostgreSQL's "Key (phone)=(13800000001) already exists." and "Failing row contains (…)". */
function withoutValues(detail: string): string {
  return detail
    .replace(/=\(.*\)/s, '=([redacted])')
    .replace(/Failing row contains \(.*\)/s, 'Failing row contains ([redacted])');
}

export function serializeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: '[redacted non-error value]', stack: '' };
  const message = withoutValues(withoutParams(err.message));
  const out: LoggedError = {
    type: err.constructor?.name ?? 'Error',
    message,
    stack: withoutValues(withoutParams((err.stack ?? '').replace(err.message, message))),
  };
  const fields = err as unknown as Record<string, unknown>;
  for (const key of copied) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (typeof fields.query === 'string') out.query = fields.query;
  if (typeof fields.detail === 'string') out.detail = withoutValues(fields.detail);
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

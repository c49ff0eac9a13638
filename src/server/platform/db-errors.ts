/**
 * PostgreSQL's unique_violation (23505), looked for along the error's cause chain (drizzle wraps
 * the driver's error). With `index`, only a violation of that unique index or constraint counts.
 */
export function isUniqueViolation(err: unknown, index?: string): boolean {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as never) {
    if (e.code === '23505') return !index || e.constraint === index || String(e).includes(index);
  }
  return false;
}

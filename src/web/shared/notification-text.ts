/**
 * An inbox message in the reader's language: from `notifications.<kind>` and the parameters the
 * server stored (`data.params`), or the stored (Chinese) text for kinds the app has no string for.
 */
import { i18n } from '../i18n/index.js';

interface InboxMessage {
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

const isParams = (value: unknown): value is Record<string, string | number> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function notificationText(n: InboxMessage): { title: string; body: string } {
  const params = n.data?.params;
  const key = `notifications.${n.kind}`;
  if (!isParams(params) || !i18n.exists(`${key}.title`)) return { title: n.title, body: n.body };
  const text = (part: string) => i18n.t(`${key}.${part}` as never, params as never) as unknown as string;
  // A body the server left empty (no reason given, say) stays empty.
  const body = n.body && i18n.exists(`${key}.body`) ? text('body') : n.body;
  return { title: text('title'), body };
}

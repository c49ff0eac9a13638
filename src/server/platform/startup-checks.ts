/** Start-up checks that turn a wrong setting into one line saying what is wrong and how to fix it. */
import type { Database } from './db.js';
import { StartupError } from './startup-error.js';

/** Connects once before any work, so that a wrong DATABASE_URL is reported plainly rather than as a stack trace. */
export async function checkDatabaseConnection(database: Database, url: string | undefined): Promise<void> {
  if (database.kind !== 'postgres' || !url || !database.pool) return;
  try {
    const client = await database.pool.connect();
    client.release();
  } catch (err) {
    throw new StartupError(describeConnectionError(err, url));
  }
}

export function describeConnectionError(err: unknown, url: string): string {
  const { code, message } = err as { code?: string; message?: string };
  const target = new URL(url);
  const where = `PostgreSQL at ${target.hostname}:${target.port || '5432'}`;
  const user = decodeURIComponent(target.username) || 'postgres';
  const database = decodeURIComponent(target.pathname.slice(1)) || user;
  const hint =
    'Correct DATABASE_URL (postgres://user:password@host:5432/database), or unset it to use the embedded database.';
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot connect to ${where}: connection refused. Is PostgreSQL running there? ${hint}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot connect to ${where}: the host name "${target.hostname}" is unknown. ${hint}`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Cannot connect to ${where}: no answer (a firewall, or the wrong host). ${hint}`;
    case '28P01':
    case '28000':
      return `${where} refused user "${user}": wrong password or no access (pg_hba.conf). ${hint}`;
    case '3D000':
      return `${where} has no database "${database}": create it (createdb -O ${user} ${database}) or ${hint.charAt(0).toLowerCase()}${hint.slice(1)}`;
    default:
      if (message?.includes('timeout')) return `Cannot connect to ${where}: no answer within 10 s. ${hint}`;
      return `Cannot connect to ${where}: ${message ?? String(err)}. ${hint}`;
  }
}

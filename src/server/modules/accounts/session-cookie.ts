import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/access.js';
import type { Db } from '../../platform/db.js';
import { rotateCsrfSecret } from '../../platform/http.js';
import { SESSION_COOKIE } from '../../platform/identity.js';
import { resolveSession } from './sessions.js';

/**
 * Signs the browser in with a session just created (login, online volunteer registration): the
 * session cookie, and a fresh CSRF secret so that a token issued before sign-in cannot be replayed
 * after it. Returns the session's actor, for the answer that follows.
 */
export async function signInWithCookie(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  session: { cookie: string; expiresAt: Date },
): Promise<Actor | null> {
  reply.setCookie(SESSION_COOKIE, session.cookie, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    expires: session.expiresAt,
  });
  rotateCsrfSecret(req, reply);
  return resolveSession(db, session.cookie);
}

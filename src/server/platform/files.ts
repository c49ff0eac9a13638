/**
 * Files for every module: photos on orders, attachments, certificates, exports. A module calls
 * `saveFile` (checks the content, strips image metadata, writes the bytes, records the file) and
 * keeps the returned id on its own record; to show the file it hands out `fileLink(...)`, a signed
 * URL that expires. Who may see a file is the owning module's decision: it signs a link only for
 * people who may read its record. When a module puts a file on a record it calls `attachFiles` (in
 * the record's transaction), which checks that the files are the caller's own and gives them the
 * record's place, so that `mayReadFile` lets staff of that place (and only them) read the file.
 */
import { createHash, createHmac, hkdfSync, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { type Actor, inScope, isStaff } from './access.js';
import type { Config } from './config.js';
import type { Db } from './db.js';
import { AppError, fieldError } from './errors.js';
import { checkContent, extensionOf } from './file-content.js';
import { type FilePurpose, type FileVisibility, files } from './files-schema.js';
import { loadPiiKey } from './pii.js';
import { type ObjectStore, objectStoreFor } from './storage.js';

export type StoredFile = typeof files.$inferSelect;

export interface FileDeps {
  db: Db;
  config: Config;
  /** Default: the configured store. */
  store?: ObjectStore;
}

export interface SaveFileInput {
  tenantId: string;
  purpose: FilePurpose;
  body: Buffer;
  visibility?: FileVisibility;
  name?: string | null;
  ownerId?: string | null;
}

const cleanName = (name: string | null | undefined) =>
  name
    ? name
        .replace(/[\p{Cc}\\/"]/gu, '')
        .trim()
        .slice(0, 120) || null
    : null;

/** Checks, strips and stores an upload; never call it inside a database transaction (it does file I/O). */
export async function saveFile(deps: FileDeps, input: SaveFileInput): Promise<StoredFile> {
  const { body, contentType } = await checkContent(input.body, input.purpose, deps.config.FILE_MAX_BYTES);
  const id = randomUUID();
  const storageKey = `${input.tenantId}/${input.purpose}/${id}.${extensionOf[contentType]}`;
  const store = deps.store ?? objectStoreFor(deps.config);
  // Bytes first: a record never points at nothing; bytes whose record failed are only an orphan.
  await store.put(storageKey, body, contentType);
  const [row] = await deps.db
    .insert(files)
    .values({
      tenantId: input.tenantId,
      id,
      purpose: input.purpose,
      visibility: input.visibility ?? 'private',
      contentType,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      storageKey,
      name: cleanName(input.name),
      ownerId: input.ownerId ?? null,
    })
    .returning();
  return row as StoredFile;
}

export async function findFile(db: Db, tenantId: string, id: string): Promise<StoredFile | null> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.tenantId, tenantId), eq(files.id, id)));
  return row ?? null;
}

/**
 * Puts the caller's own uploads on a record of `regionCode`: one conditional UPDATE, so a file that
 * is not theirs, not of the purpose, or already on a record elsewhere is refused (400 naming the
 * field), and nothing is attached. Call it inside the transaction that writes the record.
 */
export async function attachFiles(
  tx: Db,
  input: { tenantId: string; ids: string[]; ownerId: string; purpose: FilePurpose; regionCode: string; field: string },
): Promise<void> {
  const ids = [...new Set(input.ids)];
  if (!ids.length) return;
  const attached = await tx
    .update(files)
    .set({ regionCode: input.regionCode })
    .where(
      and(
        eq(files.tenantId, input.tenantId),
        inArray(files.id, ids),
        eq(files.purpose, input.purpose),
        eq(files.ownerId, input.ownerId),
        or(isNull(files.regionCode), eq(files.regionCode, input.regionCode)),
      ),
    )
    .returning({ id: files.id });
  if (attached.length !== ids.length)
    throw fieldError(input.field, '照片不存在或不是您上传的', 'A photo is missing or not yours');
}

/** Who may read a file's record: its owner, and staff whose scope covers the record it is attached to. */
export function mayReadFile(actor: Actor, file: Pick<StoredFile, 'ownerId' | 'regionCode'>): boolean {
  if (file.ownerId === actor.userId) return true;
  return isStaff(actor) && file.regionCode !== null && inScope(actor, file.regionCode);
}

export async function readFileBytes(deps: FileDeps, file: StoredFile): Promise<Buffer> {
  const body = await (deps.store ?? objectStoreFor(deps.config)).get(file.storageKey);
  if (!body) throw new AppError('NOT_FOUND');
  return body;
}

// ── signed links ───────────────────────────────────────────────────────────────────────────────

const linkKeys = new WeakMap<object, Buffer>();

function linkKey(config: Config): Buffer {
  let key = linkKeys.get(config);
  if (!key) {
    key = config.FILE_LINK_KEY
      ? Buffer.from(config.FILE_LINK_KEY, 'base64')
      : Buffer.from(hkdfSync('sha256', loadPiiKey(config), Buffer.alloc(0), 'leifeng/files/link/v1', 32));
    linkKeys.set(config, key);
  }
  return key;
}

const signature = (config: Config, tenantId: string, fileId: string, expires: number) =>
  createHmac('sha256', linkKey(config)).update(`v1\n${tenantId}\n${fileId}\n${expires}`).digest('base64url');

/** The download URL of a file: a public file's plain URL, a private file's signed one valid for `ttlSeconds`. */
export function fileLink(
  config: Config,
  file: Pick<StoredFile, 'tenantId' | 'id' | 'visibility'>,
  options: { ttlSeconds?: number; now?: Date } = {},
): { url: string; expiresAt: Date | null } {
  const base = `/api/v1/files/${file.id}/content`;
  if (file.visibility === 'public') return { url: base, expiresAt: null };
  const now = (options.now ?? new Date()).getTime();
  const expires = Math.floor(now / 1000) + (options.ttlSeconds ?? config.FILE_LINK_TTL_SECONDS);
  const sig = signature(config, file.tenantId, file.id, expires);
  return { url: `${base}?expires=${expires}&sig=${sig}`, expiresAt: new Date(expires * 1000) };
}

/**
 * Checks a download link. A private file needs a valid signature (403 FILE_LINK_INVALID when it is
 * missing or does not match, so a forged expiry learns nothing) that has not expired (410).
 */
export function verifyFileLink(
  config: Config,
  file: Pick<StoredFile, 'tenantId' | 'id' | 'visibility'>,
  query: { expires?: string; sig?: string },
  now: Date = new Date(),
): void {
  if (file.visibility === 'public') return;
  const expires = Number(query.expires);
  if (!query.sig || !Number.isSafeInteger(expires)) throw new AppError('FILE_LINK_INVALID');
  const expected = Buffer.from(signature(config, file.tenantId, file.id, expires));
  const given = Buffer.from(query.sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('FILE_LINK_INVALID');
  if (expires * 1000 < now.getTime()) throw new AppError('FILE_LINK_EXPIRED');
}

import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants-schema.js';

export const filePurposes = ['photo', 'attachment', 'certificate', 'export'] as const;
export type FilePurpose = (typeof filePurposes)[number];
export type FileVisibility = 'private' | 'public';

/** A stored file's record; its bytes live in the object store under `storage_key`. */
export const files = pgTable(
  'files',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    purpose: text('purpose').notNull().$type<FilePurpose>(),
    /** Private files are served only through a signed, expiring link. */
    visibility: text('visibility').notNull().$type<FileVisibility>().default('private'),
    /** Sniffed from the content, never taken from the client. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    /** The uploader's file name, for the download's name only. */
    name: text('name'),
    ownerId: uuid('owner_id'),
    /**
     * The place of the record the file belongs to, set when a module attaches it (`attachFiles`):
     * staff whose scope covers it may read the file; until then only its owner may.
     */
    regionCode: text('region_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

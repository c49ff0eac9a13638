import { and, asc, count, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { cursorCodec, cursorPart } from '../../platform/cursor.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { attachFiles, fileLink, findFile } from '../../platform/files.js';
import { organisations } from '../organisations/index.js';
import type { brandItem, brandsQuery, createBrandBody, createSeriesBody } from './contract.js';
import { presentPage } from './present.js';
import { computeResults } from './results.js';
import { brandSeries, brands, libraryStates, projects } from './schema.js';

type BrandRow = typeof brands.$inferSelect;
const cursor = cursorCodec(cursorPart.text, cursorPart.uuid);
const inLibrary = inArray(projects.state, [...libraryStates]);

async function findBrand(db: Db, tenantId: string, id: string): Promise<BrandRow> {
  const [row] = await db
    .select()
    .from(brands)
    .where(and(eq(brands.tenantId, tenantId), eq(brands.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function present(ctx: Ctx, rows: BrandRow[]): Promise<z.output<typeof brandItem>[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [series, counts, orgs] = await Promise.all([
    ctx.db
      .select()
      .from(brandSeries)
      .where(and(eq(brandSeries.tenantId, ctx.tenantId), inArray(brandSeries.brandId, ids)))
      .orderBy(asc(brandSeries.sortOrder), asc(brandSeries.name)),
    ctx.db
      .select({ brandId: projects.brandId, n: count() })
      .from(projects)
      .where(and(eq(projects.tenantId, ctx.tenantId), inArray(projects.brandId, ids), inLibrary))
      .groupBy(projects.brandId),
    ctx.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(
        and(
          eq(organisations.tenantId, ctx.tenantId),
          inArray(
            organisations.id,
            rows.map((r) => r.organisationId),
          ),
        ),
      ),
  ]);
  const logos = new Map<string, string>();
  for (const r of rows) {
    const file = r.logoFileId ? await findFile(ctx.db, ctx.tenantId, r.logoFileId) : null;
    if (file) logos.set(r.id, fileLink(ctx.config, file).url);
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    logoUrl: logos.get(r.id) ?? null,
    organisation: { id: r.organisationId, name: orgs.find((o) => o.id === r.organisationId)?.name ?? '' },
    series: series
      .filter((s) => s.brandId === r.id)
      .map((s) => ({ id: s.id, name: s.name, description: s.description })),
    projects: counts.find((c) => c.brandId === r.id)?.n ?? 0,
    synthetic: r.synthetic,
  }));
}

/** Staff register a brand owned by an organisation of their scope. */
export async function createBrand(ctx: Ctx, body: z.output<typeof createBrandBody>) {
  const actor = requireActor(ctx);
  const [org] = await ctx.db
    .select()
    .from(organisations)
    .where(and(eq(organisations.tenantId, actor.tenantId), eq(organisations.id, body.organisationId)));
  if (!org) throw new AppError('NOT_FOUND');
  assertInScope(actor, org.regionCode);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(brands)
      .values({
        tenantId: actor.tenantId,
        name: body.name,
        description: body.description,
        organisationId: org.id,
        regionCode: org.regionCode,
        logoFileId: body.logoFileId ?? null,
      })
      .returning({ id: brands.id });
    if (!row) throw new Error('insert failed');
    if (body.logoFileId)
      await attachFiles(tx, {
        tenantId: actor.tenantId,
        ids: [body.logoFileId],
        ownerId: actor.userId,
        purpose: 'photo',
        regionCode: org.regionCode,
        field: 'body.logoFileId',
      });
    await writeAudit(tx, auditContext(ctx), {
      action: 'brand.create',
      entityType: 'brand',
      entityId: row.id,
      regionCode: org.regionCode,
      detail: { name: body.name },
    });
    return row.id;
  });
  return getBrand(ctx, id);
}

export async function addSeries(ctx: Ctx, brandId: string, body: z.output<typeof createSeriesBody>) {
  const actor = requireActor(ctx);
  const brand = await findBrand(ctx.db, actor.tenantId, brandId);
  assertInScope(actor, brand.regionCode);
  await ctx.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(brandSeries)
      .where(and(eq(brandSeries.tenantId, actor.tenantId), eq(brandSeries.brandId, brand.id)));
    const [row] = await tx
      .insert(brandSeries)
      .values({
        tenantId: actor.tenantId,
        brandId: brand.id,
        name: body.name,
        description: body.description,
        sortOrder: n,
      })
      .returning({ id: brandSeries.id });
    await writeAudit(tx, auditContext(ctx), {
      action: 'brand.add_series',
      entityType: 'brand',
      entityId: brand.id,
      regionCode: brand.regionCode,
      detail: { seriesId: row?.id, name: body.name },
    });
  });
  return getBrand(ctx, brand.id);
}

export async function listBrands(ctx: Ctx, query: z.output<typeof brandsQuery>) {
  const after = cursor.decode(query.cursor);
  const rows = await ctx.db
    .select()
    .from(brands)
    .where(
      and(
        eq(brands.tenantId, ctx.tenantId),
        query.q ? ilike(brands.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        after ? sql`(${brands.name}, ${brands.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(brands.name), asc(brands.id))
    .limit(query.limit + 1);
  const shown = rows.slice(0, query.limit);
  const last = shown[shown.length - 1];
  return {
    items: await present(ctx, shown),
    nextCursor: rows.length > query.limit && last ? cursor.encode([last.name, last.id]) : null,
  };
}

/** The brand page: its series, its projects in the library and their results together. */
export async function getBrand(ctx: Ctx, id: string) {
  const brand = await findBrand(ctx.db, ctx.tenantId, id);
  const [item] = await present(ctx, [brand]);
  const rows = await ctx.db
    .select()
    .from(projects)
    .where(and(eq(projects.tenantId, ctx.tenantId), eq(projects.brandId, brand.id), inLibrary))
    .orderBy(asc(projects.name), asc(projects.id))
    .limit(200);
  const [page, results] = await Promise.all([
    presentPage(ctx.db, ctx.tenantId, rows, null),
    computeResults(
      ctx.db,
      ctx.tenantId,
      rows.map((r) => r.id),
    ),
  ]);
  return { ...(item as z.output<typeof brandItem>), libraryProjects: page.items, results };
}

import { and, desc, eq, max } from 'drizzle-orm';
import { regionScope, requireRegionInScope, subtreeCondition } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { listSiteMapPoints } from '../sites/index.js';
import { type CandidateSource, proposeSites } from './propose-sites.js';
import { coverageProposals } from './schema.js';

export type SavedProposal = typeof coverageProposals.$inferSelect;

/** The proposals kept for the communities under `roots`, in rollout order. */
export async function proposalsUnder(ctx: Ctx, tenantId: string, roots: string[]): Promise<SavedProposal[]> {
  return ctx.db
    .select()
    .from(coverageProposals)
    .where(and(eq(coverageProposals.tenantId, tenantId), subtreeCondition(coverageProposals.regionCode, roots)))
    .orderBy(coverageProposals.batch, desc(coverageProposals.createdAt));
}

const view = (p: SavedProposal) => ({
  id: p.id,
  regionCode: p.regionCode,
  name: p.name,
  batch: p.batch,
  picks: p.picks.map((pick) => ({ ...pick, name: pick.name ?? null })),
  before: { covered: p.coveredBefore },
  after: { covered: p.coveredAfter },
  population: p.population,
  synthetic: p.synthetic,
  createdAt: p.createdAt.toISOString(),
});

export async function listProposals(ctx: Ctx, input: { regionCode?: string }) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const roots = input.regionCode ? [input.regionCode] : regionScope(actor);
  return { items: (await proposalsUnder(ctx, actor.tenantId, roots)).map(view) };
}

/**
 * Keeps a siting proposal as the next planned rollout batch: the picks are computed again here (the
 * same deterministic answer the keeper saw), numbered after every batch of sites and plans so far.
 */
export async function saveProposal(
  ctx: Ctx,
  input: { name: string; n: number; regionCode?: string; candidates?: CandidateSource },
) {
  const actor = requireActor(ctx);
  requireRegionInScope(actor, input.regionCode);
  const regionCode = input.regionCode ?? regionScope(actor)[0];
  if (!regionCode) throw new AppError('NOT_FOUND');
  const proposal = await proposeSites(ctx, { n: input.n, regionCode, candidates: input.candidates });
  const { items } = await listSiteMapPoints(ctx, {});
  const lastSiteBatch = Math.max(0, ...items.map((s) => s.pilotBatch ?? 0));
  return ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ batch: max(coverageProposals.batch) })
      .from(coverageProposals)
      .where(eq(coverageProposals.tenantId, actor.tenantId));
    const [row] = await tx
      .insert(coverageProposals)
      .values({
        tenantId: actor.tenantId,
        regionCode,
        name: input.name,
        batch: Math.max(lastSiteBatch, last?.batch ?? 0) + 1,
        picks: proposal.picks,
        coveredBefore: proposal.before.covered,
        coveredAfter: proposal.after.covered,
        population: proposal.population,
        synthetic: proposal.synthetic,
        createdBy: actor.userId,
      })
      .returning();
    const saved = row as SavedProposal;
    await writeAudit(tx, auditContext(ctx), {
      action: 'coverage_proposal.save',
      entityType: 'coverage_proposal',
      entityId: saved.id,
      regionCode,
      detail: { batch: saved.batch, posts: saved.picks.length, gain: saved.coveredAfter - saved.coveredBefore },
    });
    return view(saved);
  });
}

import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { defineRoute } from '../../platform/route.js';
import { exportQuery, idParams, pageOfItems, pageQuery, reportView, yearQuery } from './contract.js';
import { byEventDay, eventPageOf, type Page } from './paging.js';
import { type CharityReport, eventReport, yearReport } from './report.js';
import { reportPdf, reportXlsx } from './report-files.js';
import { charityEvents } from './schema.js';

const publishedEvent = z.object({ id: z.string().uuid(), title: z.string(), heldOn: z.string() });

async function listPublished(ctx: Ctx, query: Page) {
  const keys = byEventDay(query);
  const rows = await ctx.db
    .select({ id: charityEvents.id, title: charityEvents.title, heldOn: charityEvents.heldOn, sortAt: keys.sortAt })
    .from(charityEvents)
    .where(and(eq(charityEvents.tenantId, ctx.tenantId), eq(charityEvents.state, 'reported'), keys.after))
    .orderBy(...keys.order)
    .limit(query.limit + 1);
  const page = eventPageOf(rows, query);
  return { items: page.items.map(({ id, title, heldOn }) => ({ id, title, heldOn })), nextCursor: page.nextCursor };
}

async function send(
  reply: { type(t: string): { header(k: string, v: string): { send(b: Buffer): unknown } } },
  report: CharityReport,
  format: 'xlsx' | 'pdf',
  name: string,
) {
  const body = format === 'pdf' ? await reportPdf(report) : await reportXlsx(report);
  const type =
    format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return reply.type(type).header('content-disposition', `attachment; filename="${name}.${format}"`).send(body);
}

const produces = ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

export const publicReportRoutes = [
  defineRoute({
    method: 'GET',
    url: '/public/charity/events',
    operationId: 'listPublishedCharityEvents',
    summary: '已公示的义卖活动',
    public: true,
    query: pageQuery,
    response: pageOfItems(publishedEvent),
    handler: (ctx, { query }) => listPublished(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/charity/events/:id/report',
    operationId: 'getCharityEventReport',
    summary: '义卖活动善款公示（全部数字由账本汇总）',
    public: true,
    params: idParams,
    response: reportView,
    handler: (ctx, { params }) => eventReport(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/charity/events/:id/report/export',
    operationId: 'exportCharityEventReport',
    summary: '导出义卖活动善款公示（xlsx 或 PDF）',
    public: true,
    params: idParams,
    query: exportQuery,
    produces,
    handler: async (ctx, req, reply) =>
      send(reply, await eventReport(ctx, req.params.id), req.query.format, `charity-${req.params.id}`) as never,
  }),
  defineRoute({
    method: 'GET',
    url: '/public/charity/report',
    operationId: 'getCharityYearReport',
    summary: '年度善款公示',
    public: true,
    query: yearQuery,
    response: reportView,
    handler: (ctx, { query }) => yearReport(ctx, query.year),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/charity/report/export',
    operationId: 'exportCharityYearReport',
    summary: '导出年度善款公示（xlsx 或 PDF）',
    public: true,
    query: yearQuery.extend(exportQuery.shape),
    produces,
    handler: async (ctx, req, reply) =>
      send(reply, await yearReport(ctx, req.query.year), req.query.format, `charity-${req.query.year}`) as never,
  }),
];

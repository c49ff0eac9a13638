import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { pageQuery, responses } from '../../platform/contract.js';
import {
  bookParams,
  booksQuery,
  bookView,
  createItemBody,
  itemParams,
  itemView,
  lendBookBody,
  loansQuery,
  loanView,
  moveItemBody,
  movementView,
  publicServices,
  registerBookBody,
  siteParams,
  writeResponses,
} from './contract.js';
import { createSelfHelpItem } from './create-self-help-item.js';
import { getPublicSiteServices } from './get-public-site-services.js';
import { lendBook } from './lend-book.js';
import { listBookLoans } from './list-book-loans.js';
import { listBooks } from './list-books.js';
import { listSelfHelpItems } from './list-self-help-items.js';
import { listSelfHelpMovements } from './list-self-help-movements.js';
import { moveSelfHelpItem } from './move-self-help-item.js';
import { registerBook } from './register-book.js';
import { returnBook } from './return-book.js';

const tags = ['station-services'];
const staff = { roles: staffRoles };
/** Writes a client may retry (a lost answer on a phone at the desk): an Idempotency-Key header makes the retry safe. */
const staffRetryable = { roles: staffRoles, idempotent: true };

export const stationServicesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/sites/:siteId/services',
    {
      config: { public: true },
      schema: {
        operationId: 'getPublicSiteServices',
        tags,
        summary: '阵地的图书漂流与爱心自助区概况（公开）',
        params: siteParams,
        response: responses({ 200: publicServices }),
      },
    },
    async (req) => getPublicSiteServices(req.ctx(), req.params.siteId),
  );

  // ── book drift corner (图书漂流角) ──────────────────────────────────────────
  app.get(
    '/sites/:siteId/books',
    {
      config: staff,
      schema: {
        operationId: 'listDriftBooks',
        tags,
        summary: '图书漂流角的图书（可按在架、借出、逾期筛选）',
        params: siteParams,
        querystring: booksQuery,
        response: responses({ 200: z.object({ items: z.array(bookView), nextCursor: z.string().nullable() }) }),
      },
    },
    async (req) => listBooks(req.ctx(), req.params.siteId, req.query),
  );

  app.post(
    '/sites/:siteId/books',
    {
      config: staffRetryable,
      schema: {
        operationId: 'registerDriftBook',
        tags,
        summary: '登记漂流图书',
        params: siteParams,
        body: registerBookBody,
        response: writeResponses({ 201: bookView }),
      },
    },
    async (req, reply) => reply.status(201).send(await registerBook(req.ctx(), req.params.siteId, req.body)),
  );

  app.post(
    '/sites/:siteId/books/:bookId/loans',
    {
      config: staffRetryable,
      schema: {
        operationId: 'lendDriftBook',
        tags,
        summary: '借出图书（借阅人为用户或手机号，默认30天）',
        params: bookParams,
        body: lendBookBody,
        response: writeResponses({ 201: loanView }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await lendBook(req.ctx(), req.params.siteId, req.params.bookId, req.body)),
  );

  app.post(
    '/sites/:siteId/books/:bookId/return',
    {
      config: staffRetryable,
      schema: {
        operationId: 'returnDriftBook',
        tags,
        summary: '归还图书',
        params: bookParams,
        response: writeResponses({ 200: loanView }),
      },
    },
    async (req) => returnBook(req.ctx(), req.params.siteId, req.params.bookId),
  );

  app.get(
    '/book-loans',
    {
      config: staff,
      schema: {
        operationId: 'listBookLoans',
        tags,
        summary: '管辖范围内的借阅记录（可查逾期）',
        querystring: loansQuery,
        response: responses({ 200: z.object({ items: z.array(loanView), nextCursor: z.string().nullable() }) }),
      },
    },
    async (req) => listBookLoans(req.ctx(), req.query),
  );

  // ── self-help corner (爱心自助区) ───────────────────────────────────────────
  app.get(
    '/sites/:siteId/self-help-items',
    {
      config: staff,
      schema: {
        operationId: 'listSelfHelpItems',
        tags,
        summary: '爱心自助区物品',
        params: siteParams,
        response: responses({ 200: z.object({ items: z.array(itemView) }) }),
      },
    },
    async (req) => listSelfHelpItems(req.ctx(), req.params.siteId),
  );

  app.post(
    '/sites/:siteId/self-help-items',
    {
      config: staffRetryable,
      schema: {
        operationId: 'createSelfHelpItem',
        tags,
        summary: '添加爱心自助区物品',
        params: siteParams,
        body: createItemBody,
        response: writeResponses({ 201: itemView }),
      },
    },
    async (req, reply) => reply.status(201).send(await createSelfHelpItem(req.ctx(), req.params.siteId, req.body)),
  );

  app.post(
    '/sites/:siteId/self-help-items/:itemId/take',
    {
      config: staffRetryable,
      schema: {
        operationId: 'takeSelfHelpItem',
        tags,
        summary: '取用物品（数量不足时拒绝）',
        params: itemParams,
        body: moveItemBody,
        response: writeResponses({ 200: itemView }),
      },
    },
    async (req) => moveSelfHelpItem(req.ctx(), req.params.siteId, req.params.itemId, 'take', req.body),
  );

  app.post(
    '/sites/:siteId/self-help-items/:itemId/restock',
    {
      config: staffRetryable,
      schema: {
        operationId: 'restockSelfHelpItem',
        tags,
        summary: '补充物品',
        params: itemParams,
        body: moveItemBody,
        response: writeResponses({ 200: itemView }),
      },
    },
    async (req) => moveSelfHelpItem(req.ctx(), req.params.siteId, req.params.itemId, 'restock', req.body),
  );

  app.get(
    '/sites/:siteId/self-help-items/:itemId/movements',
    {
      config: staff,
      schema: {
        operationId: 'listSelfHelpMovements',
        tags,
        summary: '物品出入明细',
        params: itemParams,
        querystring: pageQuery,
        response: responses({ 200: z.object({ items: z.array(movementView), nextCursor: z.string().nullable() }) }),
      },
    },
    async (req) => listSelfHelpMovements(req.ctx(), req.params.siteId, req.params.itemId, req.query),
  );
};

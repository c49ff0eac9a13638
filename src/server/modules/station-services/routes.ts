import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { pageQuery } from '../../platform/contract.js';
import { defineRoute, routes } from '../../platform/route.js';
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

export const stationServicesRoutes = routes('station-services', [
  defineRoute({
    method: 'GET',
    url: '/public/sites/:siteId/services',
    operationId: 'getPublicSiteServices',
    summary: '阵地的图书漂流与爱心自助区概况（公开）',
    public: true,
    params: siteParams,
    response: publicServices,
    handler: (ctx, { params }) => getPublicSiteServices(ctx, params.siteId),
  }),

  // ── book drift corner (图书漂流角) ──────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/sites/:siteId/books',
    operationId: 'listDriftBooks',
    summary: '图书漂流角的图书（可按在架、借出、逾期筛选）',
    roles: staffRoles,
    params: siteParams,
    query: booksQuery,
    response: z.object({ items: z.array(bookView), nextCursor: z.string().nullable() }),
    handler: (ctx, { params, query }) => listBooks(ctx, params.siteId, query),
  }),

  defineRoute({
    method: 'POST',
    url: '/sites/:siteId/books',
    operationId: 'registerDriftBook',
    summary: '登记漂流图书',
    roles: staffRoles,
    idempotent: true,
    params: siteParams,
    body: registerBookBody,
    response: bookView,
    status: 201,
    conflict: true,
    handler: (ctx, { params, body }) => registerBook(ctx, params.siteId, body),
  }),

  defineRoute({
    method: 'POST',
    url: '/sites/:siteId/books/:bookId/loans',
    operationId: 'lendDriftBook',
    summary: '借出图书（借阅人为用户或手机号，默认30天）',
    roles: staffRoles,
    idempotent: true,
    params: bookParams,
    body: lendBookBody,
    response: loanView,
    status: 201,
    conflict: true,
    handler: (ctx, { params, body }) => lendBook(ctx, params.siteId, params.bookId, body),
  }),

  defineRoute({
    method: 'POST',
    url: '/sites/:siteId/books/:bookId/return',
    operationId: 'returnDriftBook',
    summary: '归还图书',
    roles: staffRoles,
    idempotent: true,
    params: bookParams,
    response: loanView,
    conflict: true,
    handler: (ctx, { params }) => returnBook(ctx, params.siteId, params.bookId),
  }),

  defineRoute({
    method: 'GET',
    url: '/book-loans',
    operationId: 'listBookLoans',
    summary: '管辖范围内的借阅记录（可查逾期）',
    roles: staffRoles,
    query: loansQuery,
    response: z.object({ items: z.array(loanView), nextCursor: z.string().nullable() }),
    handler: (ctx, { query }) => listBookLoans(ctx, query),
  }),

  // ── self-help corner (爱心自助区) ───────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/sites/:siteId/self-help-items',
    operationId: 'listSelfHelpItems',
    summary: '爱心自助区物品',
    roles: staffRoles,
    params: siteParams,
    response: z.object({ items: z.array(itemView) }),
    handler: (ctx, { params }) => listSelfHelpItems(ctx, params.siteId),
  }),

  defineRoute({
    method: 'POST',
    url: '/sites/:siteId/self-help-items',
    operationId: 'createSelfHelpItem',
    summary: '添加爱心自助区物品',
    roles: staffRoles,
    idempotent: true,
    params: siteParams,
    body: createItemBody,
    response: itemView,
    status: 201,
    conflict: true,
    handler: (ctx, { params, body }) => createSelfHelpItem(ctx, params.siteId, body),
  }),

  defineRoute({
    method: 'POST',
    url: '/sites/:siteId/self-help-items/:itemId/take',
    operationId: 'takeSelfHelpItem',
    summary: '取用物品（数量不足时拒绝）',
    roles: staffRoles,
    idempotent: true,
    params: itemParams,
    body: moveItemBody,
    response: itemView,
    conflict: true,
    handler: (ctx, { params, body }) => moveSelfHelpItem(ctx, params.siteId, params.itemId, 'take', body),
  }),

  defineRoute({
    method: 'POST',
    url: '/sites/:siteId/self-help-items/:itemId/restock',
    operationId: 'restockSelfHelpItem',
    summary: '补充物品',
    roles: staffRoles,
    idempotent: true,
    params: itemParams,
    body: moveItemBody,
    response: itemView,
    conflict: true,
    handler: (ctx, { params, body }) => moveSelfHelpItem(ctx, params.siteId, params.itemId, 'restock', body),
  }),

  defineRoute({
    method: 'GET',
    url: '/sites/:siteId/self-help-items/:itemId/movements',
    operationId: 'listSelfHelpMovements',
    summary: '物品出入明细',
    roles: staffRoles,
    params: itemParams,
    query: pageQuery,
    response: z.object({ items: z.array(movementView), nextCursor: z.string().nullable() }),
    handler: (ctx, { params, query }) => listSelfHelpMovements(ctx, params.siteId, params.itemId, query),
  }),
]);

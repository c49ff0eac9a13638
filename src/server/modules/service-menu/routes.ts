import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { responses } from '../../platform/contract.js';
import { browseMenu } from './browse-menu.js';
import { listCategories, saveCategory } from './categories.js';
import {
  browseQuery,
  browseResponse,
  categoryParams,
  categoryView,
  createItemBody,
  itemPage,
  itemParams,
  itemView,
  saveCategoryBody,
  staffItemsQuery,
  updateItemBody,
  writeResponses,
} from './contract.js';
import { createMenuItem } from './create-menu-item.js';
import { getPublicMenuItem } from './get-menu-item.js';
import { listMenuItems } from './list-menu-items.js';
import { updateMenuItem } from './update-menu-item.js';

const tags = ['service-menu'];

export const serviceMenuRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/service-categories',
    {
      config: { public: true },
      schema: {
        operationId: 'listServiceCategories',
        tags,
        summary: '服务菜单的服务类别（公开）',
        response: responses({ 200: z.object({ items: z.array(categoryView) }) }),
      },
    },
    async (req) => listCategories(req.ctx()),
  );

  app.get(
    '/service-categories',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'listAllServiceCategories',
        tags,
        summary: '全部服务类别（含停用，工作人员）',
        response: responses({ 200: z.object({ items: z.array(categoryView) }) }),
      },
    },
    async (req) => listCategories(req.ctx(), true),
  );

  app.put(
    '/service-categories/:code',
    {
      config: { roles: ['centre_admin'] },
      schema: {
        operationId: 'saveServiceCategory',
        tags,
        summary: '新增或修改服务类别（中心管理员）',
        params: categoryParams,
        body: saveCategoryBody,
        response: writeResponses({ 200: categoryView }),
      },
    },
    async (req) => saveCategory(req.ctx(), req.params.code, req.body),
  );

  app.get(
    '/public/menu-items',
    {
      config: { public: true },
      schema: {
        operationId: 'browseMenu',
        tags,
        summary: '浏览服务菜单：按类别、按附近（社区代码或位置）',
        querystring: browseQuery,
        response: responses({ 200: browseResponse }),
      },
    },
    async (req) => browseMenu(req.ctx(), req.query),
  );

  app.get(
    '/public/menu-items/:id',
    {
      config: { public: true },
      schema: {
        operationId: 'getPublicMenuItem',
        tags,
        summary: '服务菜单项详情（公开）',
        params: itemParams,
        response: responses({ 200: itemView }),
      },
    },
    async (req) => getPublicMenuItem(req.ctx(), req.params.id),
  );

  app.get(
    '/menu-items',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'listMenuItems',
        tags,
        summary: '管辖范围内的服务菜单项（含停用）',
        querystring: staffItemsQuery,
        response: responses({ 200: itemPage }),
      },
    },
    async (req) => listMenuItems(req.ctx(), req.query),
  );

  app.post(
    '/menu-items',
    {
      config: { roles: staffRoles, idempotent: true },
      schema: {
        operationId: 'createMenuItem',
        tags,
        summary: '新增服务菜单项（服务队或项目提供）',
        body: createItemBody,
        response: writeResponses({ 201: itemView }),
      },
    },
    async (req, reply) => reply.status(201).send(await createMenuItem(req.ctx(), req.body)),
  );

  app.patch(
    '/menu-items/:id',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'updateMenuItem',
        tags,
        summary: '修改服务菜单项（含上架、下架）',
        params: itemParams,
        body: updateItemBody,
        response: writeResponses({ 200: itemView }),
      },
    },
    async (req) => updateMenuItem(req.ctx(), req.params.id, req.body),
  );
};

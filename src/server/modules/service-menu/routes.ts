import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { defineRoute, routes } from '../../platform/route.js';
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
} from './contract.js';
import { createMenuItem } from './create-menu-item.js';
import { getPublicMenuItem } from './get-menu-item.js';
import { listMenuItems } from './list-menu-items.js';
import { updateMenuItem } from './update-menu-item.js';

const categoryList = z.object({ items: z.array(categoryView) });

export const serviceMenuRoutes = routes('service-menu', [
  defineRoute({
    method: 'GET',
    url: '/public/service-categories',
    operationId: 'listServiceCategories',
    summary: '服务菜单的服务类别（公开）',
    public: true,
    response: categoryList,
    handler: (ctx) => listCategories(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/service-categories',
    operationId: 'listAllServiceCategories',
    summary: '全部服务类别（含停用，工作人员）',
    roles: staffRoles,
    response: categoryList,
    handler: (ctx) => listCategories(ctx, true),
  }),
  defineRoute({
    method: 'PUT',
    url: '/service-categories/:code',
    operationId: 'saveServiceCategory',
    summary: '新增或修改服务类别（中心管理员）',
    roles: ['centre_admin'],
    params: categoryParams,
    body: saveCategoryBody,
    response: categoryView,
    conflict: true,
    handler: (ctx, { params, body }) => saveCategory(ctx, params.code, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/menu-items',
    operationId: 'browseMenu',
    summary: '浏览服务菜单：按类别、按附近（社区代码或位置）',
    public: true,
    query: browseQuery,
    response: browseResponse,
    handler: (ctx, { query }) => browseMenu(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/menu-items/:id',
    operationId: 'getPublicMenuItem',
    summary: '服务菜单项详情（公开）',
    public: true,
    params: itemParams,
    response: itemView,
    handler: (ctx, { params }) => getPublicMenuItem(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/menu-items',
    operationId: 'listMenuItems',
    summary: '管辖范围内的服务菜单项（含停用）',
    roles: staffRoles,
    query: staffItemsQuery,
    response: itemPage,
    handler: (ctx, { query }) => listMenuItems(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/menu-items',
    operationId: 'createMenuItem',
    summary: '新增服务菜单项（服务队或项目提供）',
    roles: staffRoles,
    idempotent: true,
    body: createItemBody,
    response: itemView,
    status: 201,
    conflict: true,
    handler: (ctx, { body }) => createMenuItem(ctx, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/menu-items/:id',
    operationId: 'updateMenuItem',
    summary: '修改服务菜单项（含上架、下架）',
    roles: staffRoles,
    params: itemParams,
    body: updateItemBody,
    response: itemView,
    conflict: true,
    handler: (ctx, { params, body }) => updateMenuItem(ctx, params.id, body),
  }),
]);

import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { defineRoute, routes } from '../../platform/route.js';
import { addSiteStaff } from './add-site-staff.js';
import {
  addStaffBody,
  locationBody,
  mapConfig,
  mapPoint,
  publicRegion,
  regionCodeQuery,
  siteDetail,
  siteIdParams,
  siteKind,
  siteListQuery,
  sitePage,
  staffParams,
  staffSiteDetail,
  updateSiteBody,
} from './contract.js';
import { correctSiteLocation } from './correct-site-location.js';
import { getMapConfig } from './get-map-config.js';
import { getPublicSite } from './get-public-site.js';
import { getSite } from './get-site.js';
import { listPublicRegions } from './list-public-regions.js';
import { listPublicSites } from './list-public-sites.js';
import { listSiteMapPoints } from './list-site-map-points.js';
import { listSitesInScope } from './list-sites.js';
import { removeSiteStaff } from './remove-site-staff.js';
import { updateSite } from './update-site.js';

export const sitesRoutes = routes('sites', [
  // ── public: the portal's site list, map and detail ──────────────────────────
  defineRoute({
    method: 'GET',
    url: '/public/sites',
    operationId: 'listPublicSites',
    summary: '公开的阵地列表（可按类型、区域筛选）',
    public: true,
    query: siteListQuery,
    response: sitePage,
    handler: (ctx, { query }) => listPublicSites(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/sites/map',
    operationId: 'listSiteMapPoints',
    summary: '地图上的全部阵地点位（WGS-84，一次返回）',
    public: true,
    query: z.object({ kind: siteKind.optional(), regionCode: regionCodeQuery.optional() }),
    response: z.object({ items: z.array(mapPoint) }),
    handler: (ctx, { query }) => listSiteMapPoints(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/sites/:id',
    operationId: 'getPublicSite',
    summary: '阵地详情：功能区和可办事项',
    public: true,
    params: siteIdParams,
    response: siteDetail,
    handler: (ctx, { params }) => getPublicSite(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/regions',
    operationId: 'listPublicRegions',
    summary: '区域列表及近似中心点（用于绘制地图）',
    public: true,
    response: z.object({ items: z.array(publicRegion) }),
    handler: (ctx) => listPublicRegions(ctx),
  }),
  defineRoute({
    method: 'GET',
    url: '/public/map-config',
    operationId: 'getMapConfig',
    summary: '地图配置：瓦片地址、坐标系、范围',
    public: true,
    response: mapConfig,
    handler: (ctx) => getMapConfig(ctx),
  }),

  // ── staff: sites in scope ─────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    url: '/sites',
    operationId: 'listSites',
    summary: '管辖范围内的阵地（中心、所、站及服务点）',
    roles: staffRoles,
    query: siteListQuery,
    response: sitePage,
    handler: (ctx, { query }) => listSitesInScope(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/sites/:id',
    operationId: 'getSite',
    summary: '管辖范围内的阵地详情（含工作人员）',
    roles: staffRoles,
    params: siteIdParams,
    response: staffSiteDetail,
    handler: (ctx, { params }) => getSite(ctx, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/sites/:id',
    operationId: 'updateSite',
    summary: '修改阵地信息（名称、地址、开放时间、简介、功能区）',
    roles: staffRoles,
    params: siteIdParams,
    body: updateSiteBody,
    response: staffSiteDetail,
    handler: (ctx, { params, body }) => updateSite(ctx, params.id, body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/sites/:id/location',
    operationId: 'correctSiteLocation',
    summary: '校正阵地坐标（WGS-84，校正后不再标为近似）',
    roles: staffRoles,
    params: siteIdParams,
    body: locationBody,
    response: z.object({
      id: z.string().uuid(),
      lng: z.number(),
      lat: z.number(),
      locationApproximate: z.boolean(),
    }),
    handler: (ctx, { params, body }) => correctSiteLocation(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/sites/:id/staff',
    operationId: 'addSiteStaff',
    summary: '为阵地添加工作人员（按手机号）',
    roles: staffRoles,
    params: siteIdParams,
    body: addStaffBody,
    response: staffSiteDetail,
    conflict: true,
    handler: (ctx, { params, body }) => addSiteStaff(ctx, params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/sites/:id/staff/:userId',
    operationId: 'removeSiteStaff',
    summary: '移除阵地工作人员',
    roles: staffRoles,
    params: staffParams,
    response: staffSiteDetail,
    handler: (ctx, { params }) => removeSiteStaff(ctx, params.id, params.userId),
  }),
]);

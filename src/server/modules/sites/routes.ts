import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { responses } from '../../platform/contract.js';
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
  writeResponses,
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

const tags = ['sites'];

export const sitesRoutes: FastifyPluginAsyncZod = async (app) => {
  // ── public: the portal's site list, map and detail ──────────────────────────
  app.get(
    '/public/sites',
    {
      config: { public: true },
      schema: {
        operationId: 'listPublicSites',
        tags,
        summary: '公开的阵地列表（可按类型、区域筛选）',
        querystring: siteListQuery,
        response: responses({ 200: sitePage }),
      },
    },
    async (req) => listPublicSites(req.ctx(), req.query),
  );

  app.get(
    '/public/sites/map',
    {
      config: { public: true },
      schema: {
        operationId: 'listSiteMapPoints',
        tags,
        summary: '地图上的全部阵地点位（WGS-84，一次返回）',
        querystring: z.object({ kind: siteKind.optional(), regionCode: regionCodeQuery.optional() }),
        response: responses({ 200: z.object({ items: z.array(mapPoint) }) }),
      },
    },
    async (req) => listSiteMapPoints(req.ctx(), req.query),
  );

  app.get(
    '/public/sites/:id',
    {
      config: { public: true },
      schema: {
        operationId: 'getPublicSite',
        tags,
        summary: '阵地详情：功能区和可办事项',
        params: siteIdParams,
        response: responses({ 200: siteDetail }),
      },
    },
    async (req) => getPublicSite(req.ctx(), req.params.id),
  );

  app.get(
    '/public/regions',
    {
      config: { public: true },
      schema: {
        operationId: 'listPublicRegions',
        tags,
        summary: '区域列表及近似中心点（用于绘制地图）',
        response: responses({ 200: z.object({ items: z.array(publicRegion) }) }),
      },
    },
    async (req) => listPublicRegions(req.ctx()),
  );

  app.get(
    '/public/map-config',
    {
      config: { public: true },
      schema: {
        operationId: 'getMapConfig',
        tags,
        summary: '地图配置：瓦片地址、坐标系、范围',
        response: responses({ 200: mapConfig }),
      },
    },
    async (req) => getMapConfig(req.ctx()),
  );

  // ── staff: sites in scope ─────────────────────────────────────────────────
  app.get(
    '/sites',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'listSites',
        tags,
        summary: '管辖范围内的阵地（中心、所、站及服务点）',
        querystring: siteListQuery,
        response: responses({ 200: sitePage }),
      },
    },
    async (req) => listSitesInScope(req.ctx(), req.query),
  );

  app.get(
    '/sites/:id',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'getSite',
        tags,
        summary: '管辖范围内的阵地详情（含工作人员）',
        params: siteIdParams,
        response: responses({ 200: staffSiteDetail }),
      },
    },
    async (req) => getSite(req.ctx(), req.params.id),
  );

  app.patch(
    '/sites/:id',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'updateSite',
        tags,
        summary: '修改阵地信息（名称、地址、开放时间、简介、功能区）',
        params: siteIdParams,
        body: updateSiteBody,
        response: responses({ 200: staffSiteDetail }),
      },
    },
    async (req) => updateSite(req.ctx(), req.params.id, req.body),
  );

  app.patch(
    '/sites/:id/location',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'correctSiteLocation',
        tags,
        summary: '校正阵地坐标（WGS-84，校正后不再标为近似）',
        params: siteIdParams,
        body: locationBody,
        response: responses({
          200: z.object({
            id: z.string().uuid(),
            lng: z.number(),
            lat: z.number(),
            locationApproximate: z.boolean(),
          }),
        }),
      },
    },
    async (req) => correctSiteLocation(req.ctx(), req.params.id, req.body),
  );

  app.post(
    '/sites/:id/staff',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'addSiteStaff',
        tags,
        summary: '为阵地添加工作人员（按手机号）',
        params: siteIdParams,
        body: addStaffBody,
        response: writeResponses({ 200: staffSiteDetail }),
      },
    },
    async (req) => addSiteStaff(req.ctx(), req.params.id, req.body),
  );

  app.delete(
    '/sites/:id/staff/:userId',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'removeSiteStaff',
        tags,
        summary: '移除阵地工作人员',
        params: staffParams,
        response: responses({ 200: staffSiteDetail }),
      },
    },
    async (req) => removeSiteStaff(req.ctx(), req.params.id, req.params.userId),
  );
};

import { staffRoles } from '../../platform/access.js';
import { defineRoute, routes } from '../../platform/route.js';
import { coverageReport, reportQuery, sitingBody, sitingProposal } from './contract.js';
import { getCoverageReport } from './get-coverage-report.js';
import { proposeSites } from './propose-sites.js';

export const coverageRoutes = routes('coverage', [
  defineRoute({
    method: 'GET',
    url: '/coverage/report',
    operationId: 'getCoverageReport',
    summary: '15分钟志愿服务圈覆盖：全区/社区/批次覆盖人口与未覆盖网格（人口为合成数据时标明）',
    roles: staffRoles,
    query: reportQuery,
    response: coverageReport,
    handler: (ctx, { query }) => getCoverageReport(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/coverage/siting',
    operationId: 'proposeCoverageSites',
    summary: '新设 N 个服务点的选址建议（贪心最大覆盖），每个点位给出新增覆盖人口',
    roles: staffRoles,
    body: sitingBody,
    response: sitingProposal,
    handler: (ctx, { body }) => proposeSites(ctx, body),
  }),
]);

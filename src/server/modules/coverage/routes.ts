import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { defineRoute, routes } from '../../platform/route.js';
import {
  candidateImportBody,
  candidateImportReport,
  coverageReport,
  coverageSettingsBody,
  coverageSettingsView,
  MAX_IMPORT_CHARS,
  populationImportBody,
  populationImportReport,
  proposalBody,
  proposalList,
  reportQuery,
  roadClearReport,
  roadImportBody,
  roadImportReport,
  savedProposal,
  sitingBody,
  sitingProposal,
} from './contract.js';
import { getCoverageReport } from './get-coverage-report.js';
import { importCandidates } from './import-candidates.js';
import { importPopulation } from './import-population.js';
import { clearRoads, importRoads } from './import-roads.js';
import { listProposals, saveProposal } from './proposals.js';
import { proposeSites } from './propose-sites.js';
import { coverageReportXlsx } from './report-xlsx.js';
import { getCoverageSettings, updateCoverageSettings } from './settings.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  defineRoute({
    method: 'GET',
    url: '/coverage/settings',
    operationId: 'getCoverageSettings',
    summary: '服务圈设置（步行速度、分钟数、绕行系数、H3 网格精度）',
    roles: staffRoles,
    response: coverageSettingsView,
    handler: (ctx) => getCoverageSettings(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/coverage/settings',
    operationId: 'updateCoverageSettings',
    summary: '修改服务圈设置（中心管理员；记入审计日志）',
    roles: ['centre_admin'],
    body: coverageSettingsBody,
    response: coverageSettingsView,
    handler: (ctx, { body }) => updateCoverageSettings(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/coverage/population/imports',
    operationId: 'importCoveragePopulation',
    summary: '导入人口图层（GeoJSON 或 CSV；逐个要素校验，有任何错误则不保存；替换该区域原有人口）',
    roles: staffRoles,
    bodyLimit: MAX_IMPORT_CHARS * 4 + 4096,
    body: populationImportBody,
    response: populationImportReport,
    handler: (ctx, { body }) => importPopulation(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/coverage/candidates/imports',
    operationId: 'importCoverageCandidates',
    summary: '导入选址候选点位（GeoJSON 点或 CSV；逐个要素校验，有任何错误则不保存；替换该区域原有候选点位）',
    roles: staffRoles,
    bodyLimit: MAX_IMPORT_CHARS * 4 + 4096,
    body: candidateImportBody,
    response: candidateImportReport,
    handler: (ctx, { body }) => importCandidates(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/coverage/roads/imports',
    operationId: 'importCoverageRoads',
    summary:
      '导入道路网络（GeoJSON 线；逐个要素校验，有任何错误则不保存；替换该区域原有道路；有路网时按路网计算可达范围）',
    roles: staffRoles,
    bodyLimit: MAX_IMPORT_CHARS * 4 + 4096,
    body: roadImportBody,
    response: roadImportReport,
    handler: (ctx, { body }) => importRoads(ctx, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/coverage/roads',
    operationId: 'clearCoverageRoads',
    summary: '清除该区域的道路网络（记入审计日志；无路网时按直线距离计算可达范围）',
    roles: staffRoles,
    query: reportQuery,
    response: roadClearReport,
    handler: (ctx, { query }) => clearRoads(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/coverage/report.xlsx',
    operationId: 'exportCoverageReport',
    summary: '导出覆盖报告（.xlsx：概况、社区、分批推进、未覆盖网格）',
    roles: staffRoles,
    query: reportQuery,
    produces: [XLSX, 'application/json'],
    otherResponses: { 200: z.string().describe(`An .xlsx file (${XLSX})`) },
    handler: async (ctx, { query }, reply) =>
      reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="coverage.xlsx"; filename*=UTF-8''${encodeURIComponent('15分钟服务圈覆盖报告.xlsx')}`,
        )
        .send(await coverageReportXlsx(await getCoverageReport(ctx, query))),
  }),
  defineRoute({
    method: 'GET',
    url: '/coverage/proposals',
    operationId: 'listCoverageProposals',
    summary: '已保存的选址方案（规划批次）',
    roles: staffRoles,
    query: reportQuery,
    response: proposalList,
    handler: (ctx, { query }) => listProposals(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/coverage/proposals',
    operationId: 'saveCoverageProposal',
    summary: '把选址建议保存为下一个规划批次（记入审计日志）',
    roles: staffRoles,
    body: proposalBody,
    response: savedProposal,
    handler: (ctx, { body }) => saveProposal(ctx, body),
  }),
]);

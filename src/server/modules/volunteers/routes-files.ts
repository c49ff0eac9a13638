import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { defineRoute, routes } from '../../platform/route.js';
import { exportVolunteersQuery, importReport, importVolunteersBody } from './contract.js';
import { exportVolunteers, getImportTemplate } from './export-volunteers.js';
import { importVolunteers } from './import-volunteers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Buffers bypass the response serialiser; the schema documents the body for the OpenAPI reader.
const xlsxFile = z.string().describe(`An .xlsx file (${XLSX})`);

/** `attachment; filename*=UTF-8''…` so Chinese file names survive every browser. */
const attachment = (name: string) =>
  `attachment; filename="volunteers.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Excel template, import and export (registered before /volunteers/:id). */
export const volunteerFilesRoutes = routes('volunteers', [
  defineRoute({
    method: 'GET',
    url: '/volunteers/import-template',
    operationId: 'getVolunteerImportTemplate',
    summary: '下载志愿者批量导入模板（.xlsx，含说明和社区列表）',
    roles: staffRoles,
    produces: [XLSX, 'application/json'],
    otherResponses: { 200: xlsxFile },
    handler: async (ctx, _req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment('志愿者导入模板.xlsx'))
        .send(await getImportTemplate(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: '/volunteers/imports',
    operationId: 'importVolunteers',
    summary: '批量导入志愿者（先校验，逐行报告错误；可只导入有效行或全部成功才导入）',
    roles: staffRoles,
    bodyLimit: 20 * 1024 * 1024,
    body: importVolunteersBody,
    response: importReport,
    handler: (ctx, { body }) =>
      importVolunteers(ctx, { file: Buffer.from(body.fileBase64, 'base64'), mode: body.mode }),
  }),
  defineRoute({
    method: 'GET',
    url: '/volunteers/export',
    operationId: 'exportVolunteers',
    summary: '导出管辖范围内的志愿者（.xlsx，手机号、身份证号脱敏）',
    roles: staffRoles,
    query: exportVolunteersQuery,
    produces: [XLSX, 'application/json'],
    otherResponses: { 200: xlsxFile },
    handler: async (ctx, { query }, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment('志愿者名单.xlsx'))
        .send(await exportVolunteers(ctx, query)),
  }),
]);

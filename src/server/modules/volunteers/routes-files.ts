import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles } from '../../platform/access.js';
import { responses } from '../../platform/contract.js';
import { exportVolunteersQuery, importReport, importVolunteersBody } from './contract.js';
import { exportVolunteers, getImportTemplate } from './export-volunteers.js';
import { importVolunteers } from './import-volunteers.js';

const tags = ['volunteers'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Buffers bypass the response serialiser; the schema documents the body for the OpenAPI reader.
const xlsxFile = z.string().describe(`An .xlsx file (${XLSX})`);

/** `attachment; filename*=UTF-8''…` so Chinese file names survive every browser. */
const attachment = (name: string) =>
  `attachment; filename="volunteers.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Excel template, import and export (registered before /volunteers/:id). */
export const volunteerFilesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/volunteers/import-template',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'getVolunteerImportTemplate',
        tags,
        summary: '下载志愿者批量导入模板（.xlsx，含说明和社区列表）',
        produces: [XLSX, 'application/json'],
        response: responses({ 200: xlsxFile }),
      },
    },
    async (req, reply) => {
      const file = await getImportTemplate(req.ctx());
      return reply
        .type(XLSX)
        .header('content-disposition', attachment('志愿者导入模板.xlsx'))
        .send(file as never);
    },
  );

  app.post(
    '/volunteers/imports',
    {
      config: { roles: staffRoles },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        operationId: 'importVolunteers',
        tags,
        summary: '批量导入志愿者（先校验，逐行报告错误；可只导入有效行或全部成功才导入）',
        body: importVolunteersBody,
        response: responses({ 200: importReport }),
      },
    },
    async (req) =>
      importVolunteers(req.ctx(), { file: Buffer.from(req.body.fileBase64, 'base64'), mode: req.body.mode }),
  );

  app.get(
    '/volunteers/export',
    {
      config: { roles: staffRoles },
      schema: {
        operationId: 'exportVolunteers',
        tags,
        summary: '导出管辖范围内的志愿者（.xlsx，手机号、身份证号脱敏）',
        querystring: exportVolunteersQuery,
        produces: [XLSX, 'application/json'],
        response: responses({ 200: xlsxFile }),
      },
    },
    async (req, reply) => {
      const file = await exportVolunteers(req.ctx(), req.query);
      return reply
        .type(XLSX)
        .header('content-disposition', attachment('志愿者名单.xlsx'))
        .send(file as never);
    },
  );
};

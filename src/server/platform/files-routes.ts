/**
 * /api/v1/files: upload (any signed-in person, into their tenant, private), a fresh signed link
 * for the uploader or staff, and the download itself, which a private file allows only through a
 * valid, unexpired signature. The upload's body is the raw file (`Content-Type` is ignored: the
 * type is read from the content), so a browser sends a File with fetch and no multipart library.
 */
import { z } from 'zod';
import { requireActor } from './context.js';
import { errorResponse } from './contract.js';
import { AppError } from './errors.js';
import { fileLink, findFile, mayReadFile, readFileBytes, type StoredFile, saveFile, verifyFileLink } from './files.js';
import { defineRoute, routes } from './route.js';

const fileView = z.object({
  id: z.string().uuid(),
  purpose: z.enum(['photo', 'attachment', 'certificate', 'export']),
  contentType: z.string(),
  size: z.number().int(),
  name: z.string().nullable(),
  createdAt: z.string().describe('ISO 8601'),
  /** Where to download it; a private file's link is signed and expires. */
  url: z.string(),
  urlExpiresAt: z.string().nullable(),
});

const idParams = z.object({ id: z.string().uuid() });

const uploadQuery = z.object({
  purpose: z.enum(['photo', 'attachment']).default('photo'),
  /** The file's name as the person knows it (shown on download). */
  name: z.string().max(200).optional(),
});

const downloadQuery = z.object({
  expires: z.string().max(20).optional(),
  sig: z.string().max(100).optional(),
});

const inline = new Set(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);

export const filesRoutes = routes('files', (app) => {
  const present = (file: StoredFile) => {
    const link = fileLink(app.config, file);
    return {
      id: file.id,
      purpose: file.purpose,
      contentType: file.contentType,
      size: file.size,
      name: file.name,
      createdAt: file.createdAt.toISOString(),
      url: link.url,
      urlExpiresAt: link.expiresAt?.toISOString() ?? null,
    };
  };

  // The raw bytes, whatever Content-Type the client claims; only within this plugin.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  return [
    defineRoute({
      method: 'POST',
      url: '/files',
      operationId: 'uploadFile',
      summary: '上传文件（照片或附件；类型按内容识别，图片去除位置等元数据）',
      description:
        'The request body is the file itself (any Content-Type). JPEG, PNG and WebP photos; attachments may also be PDF.',
      bodyLimit: app.config.FILE_MAX_BYTES + 64 * 1024,
      query: uploadQuery,
      response: fileView,
      status: 201,
      otherResponses: { 413: errorResponse, 415: errorResponse },
      handler: async (ctx, req) => {
        const actor = requireActor(ctx);
        if (!Buffer.isBuffer(req.body)) throw new AppError('FILE_TYPE_NOT_ALLOWED');
        const file = await saveFile(
          { db: app.db, config: app.config },
          {
            tenantId: req.tenantId,
            purpose: req.query.purpose,
            body: req.body,
            name: req.query.name,
            ownerId: actor.userId,
          },
        );
        return present(file);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/files/:id',
      operationId: 'getFile',
      summary: '文件信息与新的下载链接（上传者本人，或管辖该文件所属记录的工作人员）',
      params: idParams,
      response: fileView,
      handler: async (ctx, { params, tenantId }) => {
        const actor = requireActor(ctx);
        const file = await findFile(app.db, tenantId, params.id);
        if (!file || !mayReadFile(actor, file)) throw new AppError('NOT_FOUND');
        return present(file);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/files/:id/content',
      operationId: 'downloadFile',
      summary: '下载文件（私有文件需要有效期内的签名链接）',
      public: true,
      params: idParams,
      query: downloadQuery,
      otherResponses: { 410: errorResponse },
      handler: async (_ctx, req, reply) => {
        const file = await findFile(app.db, req.tenantId, req.params.id);
        if (!file) throw new AppError('NOT_FOUND');
        verifyFileLink(app.config, file, req.query);
        const body = await readFileBytes({ db: app.db, config: app.config }, file);
        const name = encodeURIComponent(file.name ?? `${file.id}`);
        return reply
          .header('content-type', file.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', file.visibility === 'public' ? 'public, max-age=86400' : 'private, no-store')
          .header(
            'content-disposition',
            `${inline.has(file.contentType) ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
          )
          .send(body as never); // raw bytes: fastify sends a Buffer as it is, without the JSON serialiser
      },
    }),
  ];
});

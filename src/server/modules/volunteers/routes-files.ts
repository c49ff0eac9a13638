import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Excel template, import and export (registered before /volunteers/:id). */
export const volunteerFilesRoutes: FastifyPluginAsyncZod = async () => {};

import { z } from 'zod';
import { passwordSchema, phoneSchema, regionRef } from '../../platform/contract.js';
import { roles } from '../../platform/identity.js';

export { passwordSchema };

export const loginBody = z.object({
  phone: phoneSchema,
  password: z.string().min(1).max(200),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const meResponse = z.object({
  id: z.string().uuid(),
  phone: z.string(),
  displayName: z.string(),
  mustChangePassword: z
    .boolean()
    .describe('The password was set by someone else (e.g. at the station desk): ask the user to change it now'),
  tenantId: z.string(),
  timeZone: z
    .string()
    .describe("The tenant's IANA time zone (Asia/Shanghai): every time is shown in it, whatever the browser's zone"),
  roles: z.array(
    z.object({
      role: z.enum(roles),
      region: regionRef.nullable(),
      organisation: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    }),
  ),
  scope: z.array(regionRef).describe('Region roots the user administers (empty for non-staff)'),
});

export const loginResponse = z.object({ expiresAt: z.string().datetime({ offset: true }), me: meResponse });
export const csrfResponse = z.object({ token: z.string() });

import { staffRoles } from '../../platform/access.js';
import { defineRoute, routes } from '../../platform/route.js';
import { volunteerSettingsBody, volunteerSettingsView } from './contract.js';
import { getVolunteerSettings, updateVolunteerSettings } from './volunteer-settings.js';

/** The tenant's registration ages: staff read them, centre admins change them. */
export const volunteerSettingsRoutes = routes('volunteers', [
  defineRoute({
    method: 'GET',
    url: '/volunteer-settings',
    operationId: 'getVolunteerSettings',
    summary: '志愿者注册年龄设置（成年年龄、单独注册的最低年龄）',
    roles: staffRoles,
    response: volunteerSettingsView,
    handler: (ctx) => getVolunteerSettings(ctx),
  }),
  defineRoute({
    method: 'PUT',
    url: '/volunteer-settings',
    operationId: 'updateVolunteerSettings',
    summary: '修改志愿者注册年龄（中心管理员；记入审计日志）',
    roles: ['centre_admin'],
    body: volunteerSettingsBody,
    response: volunteerSettingsView,
    handler: (ctx, { body }) => updateVolunteerSettings(ctx, body),
  }),
]);

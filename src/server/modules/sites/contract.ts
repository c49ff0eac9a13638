import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery, phoneSchema, regionLevel } from '../../platform/contract.js';
import { multiline } from '../../platform/input-guard.js';
import { zhEn } from '../../platform/validation-messages.js';
import { siteKinds, siteZones } from './schema.js';
import { siteServiceCodes } from './zones.js';

export const siteIdParams = z.object({ id: z.string().uuid() });

export const regionCodeQuery = z
  .string()
  .regex(/^\d{6,12}$/, { message: zhEn('区域代码为6到12位数字', 'A region code has 6 to 12 digits') });

export const siteKind = named('SiteKind', z.enum(siteKinds));
export const siteZone = named('SiteZone', z.enum(siteZones));

export const siteListQuery = pageQuery.extend({
  kind: siteKind.optional(),
  regionCode: regionCodeQuery.optional(),
});

export const siteSummary = named(
  'SiteSummary',
  z.object({
    id: z.string().uuid(),
    kind: siteKind,
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    address: z.string().nullable(),
    lng: z.number().nullable().describe('WGS-84 longitude'),
    lat: z.number().nullable().describe('WGS-84 latitude'),
    locationApproximate: z.boolean().describe('true while the point is an estimate near the region centre'),
    openingHours: z.string().nullable(),
    pilotBatch: z.number().int().nullable(),
    zones: z.array(siteZone),
  }),
);

export const sitePage = z.object({ items: z.array(siteSummary), nextCursor: z.string().nullable() });

export const mapPoint = named(
  'MapPoint',
  z.object({
    id: z.string().uuid(),
    kind: siteKind,
    name: z.string(),
    lng: z.number(),
    lat: z.number(),
    approximate: z.boolean(),
    regionCode: z.string(),
    pilotBatch: z.number().int().nullable(),
  }),
);

const labelled = { label: z.string(), labelEn: z.string() };

export const siteDetail = named(
  'SiteDetail',
  siteSummary.extend({
    kindLabel: z.string(),
    kindLabelEn: z.string(),
    description: z.string().nullable(),
    subdistrictCode: z.string().nullable(),
    subdistrictName: z.string().nullable(),
    zoneDetails: z.array(z.object({ zone: siteZone, ...labelled })),
    services: z
      .array(z.object({ code: z.enum(siteServiceCodes), ...labelled }))
      .describe('What one can do there, derived from the kind and the function zones'),
  }),
);

export const siteStaffMember = named(
  'SiteStaffMember',
  z.object({
    userId: z.string().uuid(),
    displayName: z.string(),
    title: z.string(),
    phoneMasked: z.string(),
  }),
);

export const staffSiteDetail = named(
  'StaffSiteDetail',
  siteDetail.extend({
    staff: z.array(siteStaffMember),
    can: z.object({ edit: z.boolean(), correctLocation: z.boolean(), manageStaff: z.boolean() }),
  }),
);

export const publicRegion = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: regionLevel,
  name: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  approximate: z.boolean(),
});

export const mapConfig = z.object({
  tileUrl: z.string().nullable().describe('Leaflet tile URL template; null: draw the sites without a base map'),
  tileCoordSystem: z
    .enum(['wgs84', 'gcj02'])
    .describe('Coordinate system of the tiles; the client converts WGS-84 points with gcoord for gcj02'),
  attribution: z.string(),
  bounds: z
    .object({ minLng: z.number(), maxLng: z.number(), minLat: z.number(), maxLat: z.number() })
    .nullable()
    .describe('The district’s plausible extent; corrected locations must lie inside'),
  centre: z.object({ lng: z.number(), lat: z.number() }).nullable(),
});

export const locationBody = z.object({
  lng: z.number().min(-180).max(180).describe('WGS-84 longitude'),
  lat: z.number().min(-90).max(90).describe('WGS-84 latitude'),
});

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const updateSiteBody = z
  .object({
    name: z.string().trim().min(1).max(textLimits.siteName).optional(),
    address: optionalText(textLimits.siteAddress),
    openingHours: optionalText(textLimits.siteOpeningHours),
    description: multiline(z.string().trim().max(textLimits.siteDescription)).nullable().optional(),
    zones: z
      .array(siteZone)
      .max(siteZones.length)
      .refine((zs) => new Set(zs).size === zs.length, { message: zhEn('功能区不能重复', 'Zones must not repeat') })
      .optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: zhEn('请至少修改一项', 'Change at least one field'),
  });

export const addStaffBody = z.object({
  phone: phoneSchema,
  title: z.string().trim().min(1).max(textLimits.siteStaffTitle).default('专管员'),
});

export const staffParams = z.object({ id: z.string().uuid(), userId: z.string().uuid() });

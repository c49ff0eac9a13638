/**
 * Approximate WGS-84 points for sites whose real location is unknown. Pure: no database.
 *
 * A station sits near its subdistrict's centre, moved by a deterministic jitter derived from its
 * region code, so the 218 stations do not stack on nine points and the same code always lands
 * on the same spot (re-seeding does not move pins around).
 */

export interface Point {
  lng: number;
  lat: number;
}

export interface Bounds {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

export interface SubdistrictCentre extends Point {
  code: string;
  name: string;
  /** Stations of this subdistrict are spread within this radius of its centre. */
  jitterKm: number;
}

export interface DistrictPlaces {
  district: string;
  /** Everything here is approximate: hand-placed, not surveyed. */
  approximate: boolean;
  bounds: Bounds;
  district_centre: Point & { code: string; name: string };
  subdistricts: SubdistrictCentre[];
}

const KM_PER_DEGREE_LAT = 111.32;
const MIN_JITTER_KM = 0.15;

/** FNV-1a, 32 bit: a small stable hash, the same on every machine and Node version. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Two numbers in [0, 1) from one code, independent enough for placing a pin. */
function unitPair(code: string): [number, number] {
  const a = fnv1a(code);
  const b = fnv1a(`${code}#angle`);
  return [a / 2 ** 32, b / 2 ** 32];
}

/** Moves `centre` by `km` kilometres towards `angle` (radians, 0 = east). */
export function offset(centre: Point, km: number, angle: number): Point {
  const dLat = (km * Math.sin(angle)) / KM_PER_DEGREE_LAT;
  const dLng = (km * Math.cos(angle)) / (KM_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180));
  return { lng: round6(centre.lng + dLng), lat: round6(centre.lat + dLat) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function withinBounds(p: Point, b: Bounds): boolean {
  return p.lng >= b.minLng && p.lng <= b.maxLng && p.lat >= b.minLat && p.lat <= b.maxLat;
}

function clamp(p: Point, b: Bounds): Point {
  return {
    lng: Math.min(b.maxLng, Math.max(b.minLng, p.lng)),
    lat: Math.min(b.maxLat, Math.max(b.minLat, p.lat)),
  };
}

/** A point within `radiusKm` of `centre`, uniform over the disc, fixed by `code`. */
export function jitteredPoint(centre: Point, radiusKm: number, code: string): Point {
  const [u, v] = unitPair(code);
  const km = Math.max(MIN_JITTER_KM, radiusKm * Math.sqrt(u));
  return offset(centre, km, 2 * Math.PI * v);
}

/**
 * The approximate point of a region's site: the district centre for the district, the
 * subdistrict centre for a subdistrict, a jittered point around the subdistrict centre for a
 * community (or anything deeper). Codes are prefix-structured: 371002 → 371002002 → 371002002005.
 */
export function approximatePoint(places: DistrictPlaces, regionCode: string): Point {
  const district = places.district_centre;
  if (regionCode === places.district) return { lng: district.lng, lat: district.lat };
  const sub = places.subdistricts.find((s) => regionCode.startsWith(s.code));
  if (!sub) return clamp(jitteredPoint(district, 3, regionCode), places.bounds);
  if (regionCode === sub.code) return { lng: sub.lng, lat: sub.lat };
  return clamp(jitteredPoint(sub, sub.jitterKm, regionCode), places.bounds);
}

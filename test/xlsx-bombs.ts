/**
 * Crafted .xlsx files for the import endpoints: a minimal zip writer (deflate, central directory)
 * and workbooks that are small on the wire and huge once read.
 */
import { crc32, deflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  data: Buffer;
}

export function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook with one sheet 志愿者 whose XML is `sheet` and, optionally, shared strings. */
export function workbook(sheet: Buffer, sharedStrings?: Buffer): Buffer {
  const entries: Entry[] = [
    {
      name: '[Content_Types].xml',
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="志愿者" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
      ),
    },
  ];
  if (sharedStrings) entries.push({ name: 'xl/sharedStrings.xml', data: sharedStrings });
  entries.push({ name: 'xl/worksheets/sheet1.xml', data: sheet });
  return zipOf(entries);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER = ['姓名*', '手机号*', '身份证号*', '所属社区', '技能', '服务区域', '住址', '已签署承诺书*'];
const headerRow = `<row r="1">${HEADER.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
const sheetXml = (rows: string) =>
  xml(`<worksheet xmlns="${MAIN}"><sheetData>${headerRow}${rows}</sheetData></worksheet>`);

/** Tiny on the wire, `megabytes` of whitespace inside the sheet once inflated (deflate's ~1000:1). */
export function zipBomb(megabytes: number): Buffer {
  const padding = Buffer.alloc(megabytes * 1024 * 1024, ' ');
  const prefix = xml(`<worksheet xmlns="${MAIN}"><sheetData>${headerRow}`);
  return workbook(Buffer.concat([prefix, padding, Buffer.from('</sheetData></worksheet>')]));
}

/** Millions of shared strings: each cell of the sheet points at one. */
export function sharedStringsBomb(count: number): Buffer {
  const strings = Buffer.from(
    `<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">${'<si><t>x</t></si>'.repeat(count)}</sst>`,
  );
  return workbook(sheetXml('<row r="2"><c r="A2" t="s"><v>0</v></c></row>'), strings);
}

/** `count` filled data rows, each a plausible volunteer (small once inflated, too many rows). */
export function manyRows(count: number): Buffer {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = i + 2;
    rows.push(`<row r="${r}">${inline(`A${r}`, '张三')}${inline(`B${r}`, `139${String(i).padStart(8, '0')}`)}</row>`);
  }
  return workbook(sheetXml(rows.join('')));
}

/** One cell at the far corner of the sheet, and a merge over the whole sheet. */
export function farCorner(): Buffer {
  return workbook(
    xml(
      `<worksheet xmlns="${MAIN}"><dimension ref="A1:XFD1048576"/><sheetData>${headerRow}<row r="1048576">${inline('XFD1048576', 'x')}</row></sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048575"/></mergeCells></worksheet>`,
    ),
  );
}

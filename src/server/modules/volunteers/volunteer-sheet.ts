/**
 * The volunteer Excel files: the import template (data sheet, 说明 sheet, community list), reading a
 * filled template back into rows of text, and writing an export. No database here.
 */
import ExcelJS from 'exceljs';
import { formulaSafe, formulaSafeRow } from '../../platform/spreadsheet.js';
import { readSheetRows, SheetRefusedError } from '../../platform/xlsx-rows.js';

export const SHEET_NAME = '志愿者';

export const importColumns = [
  { key: 'name', header: '姓名', required: true, width: 12, help: '必填。与身份证上的姓名一致。' },
  {
    key: 'phone',
    header: '手机号',
    required: true,
    width: 15,
    help: '必填。11位手机号，用于登录；每个手机号只能登记一名志愿者。',
  },
  {
    key: 'idNumber',
    header: '身份证号',
    required: true,
    width: 22,
    help: '必填。18位居民身份证号，末位可为X；系统会校验校验位。请保持本列为“文本”格式，否则Excel会改写长数字。',
  },
  {
    key: 'community',
    header: '所属社区',
    required: false,
    width: 16,
    help: '社区名称或12位区划代码（见“社区列表”）。专管员导入时可不填，默认为本社区。',
  },
  {
    key: 'skills',
    header: '技能',
    required: false,
    width: 24,
    help: '可填多个，用顿号、逗号或空格分隔，须为“说明”中列出的技能。',
  },
  {
    key: 'serviceAreas',
    header: '服务区域',
    required: false,
    width: 24,
    help: '可填多个街道或社区名称（或代码），用顿号、逗号分隔。',
  },
  { key: 'address', header: '住址', required: false, width: 28, help: '选填。' },
  {
    key: 'consent',
    header: '已签署承诺书',
    required: true,
    width: 14,
    help: '必填。填“是”表示志愿者已签署《志愿者服务承诺书》。',
  },
] as const;

export type ImportColumnKey = (typeof importColumns)[number]['key'];
export type SheetRow = { row: number } & Record<ImportColumnKey, string>;

/** A made-up example that the template shows in row 2; a row with this ID number is skipped on import. */
export const EXAMPLE_ROW: Record<ImportColumnKey, string> = {
  name: '张三（示例）',
  phone: '13800138000',
  idNumber: '11010519491231002X',
  community: '北门外社区',
  skills: '理论宣讲、助老助残',
  serviceAreas: '鲸园街道',
  address: '威海市环翠区某某路1号',
  consent: '是',
};

const headerLabel = (c: (typeof importColumns)[number]) => (c.required ? `${c.header}*` : c.header);

export async function buildImportTemplate(input: {
  skills: { name: string }[];
  communities: { code: string; name: string; subdistrict: string }[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Leifeng';
  const sheet = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((c) => ({
    header: headerLabel(c),
    key: c.key,
    width: c.width,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  const example = sheet.addRow(EXAMPLE_ROW);
  example.font = { italic: true, color: { argb: 'FF888888' } };

  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: '列', key: 'column', width: 16 },
    { header: '说明', key: 'help', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of importColumns) help.addRow({ column: headerLabel(c), help: c.help });
  help.addRow({});
  help.addRow({
    column: '示例行',
    help: '第2行为示例（张三），导入时自动跳过，可删除。从第2行起每行一名志愿者，空行忽略。',
  });
  help.addRow({ column: '可选技能', help: formulaSafe(input.skills.map((s) => s.name).join('、')) });
  help.addRow({
    column: '账号与密码',
    help: '导入的志愿者不设密码：本人在登录页点“忘记密码 / 首次设置密码”，凭手机验证码设置密码后登录。',
  });
  help.addRow({
    column: '隐私',
    help: '身份证号加密保存，页面和导出文件中仅显示前4位和后4位。请妥善保管本表并在导入后删除。',
  });

  const list = wb.addWorksheet('社区列表');
  list.columns = [
    { header: '区划代码', key: 'code', width: 16 },
    { header: '社区', key: 'name', width: 20 },
    { header: '街道/镇', key: 'subdistrict', width: 16 },
  ];
  list.getRow(1).font = { bold: true };
  for (const c of input.communities) list.addRow(formulaSafeRow(c));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export class SheetFormatError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const normaliseHeader = (s: string) => s.replace(/[*＊\s]/g, '');

const problems = {
  unreadable: ['无法读取文件，请上传 .xlsx 格式的导入模板', 'Not a readable .xlsx file'],
  'no-sheet': ['文件中没有工作表', 'The workbook has no sheet'],
  'too-large': ['文件解压后过大，请删除多余的工作表、格式或空行后重试', 'The workbook is too large once unpacked'],
  'too-slow': ['文件处理超时，请删除多余的工作表、格式或空行后重试', 'Reading the workbook took too long'],
} as const;

/**
 * Reads the data sheet by header names (column order may vary); skips empty rows and the example row.
 * The workbook is read off the main thread with a size budget and stops at the row limit (see
 * platform/xlsx-rows.ts), so a crafted file is refused without stalling the server.
 */
export async function readImportSheet(file: Buffer, maxRows = 20_000): Promise<SheetRow[]> {
  const tooMany = () =>
    new SheetFormatError(`一次最多导入${maxRows}行，请分批导入`, `At most ${maxRows} rows per import`);
  let sheet: { row: number; cells: string[] }[];
  try {
    sheet = (await readSheetRows(file, { sheetName: SHEET_NAME, maxRows, maxColumns: 40 })).rows;
  } catch (err) {
    if (!(err instanceof SheetRefusedError)) throw err;
    if (err.problem === 'too-many-rows') throw tooMany();
    const [zh, en] = problems[err.problem];
    throw new SheetFormatError(zh, en);
  }
  const header = sheet.find((r) => r.row === 1)?.cells ?? [];
  const positions = new Map<ImportColumnKey, number>();
  header.forEach((text, index) => {
    const column = importColumns.find((c) => c.header === normaliseHeader(text));
    if (column && !positions.has(column.key)) positions.set(column.key, index);
  });
  const missing = importColumns.filter((c) => c.required && !positions.has(c.key)).map((c) => c.header);
  if (missing.length)
    throw new SheetFormatError(
      `表头缺少以下列：${missing.join('、')}。请使用下载的导入模板`,
      `Missing columns: ${missing.join(', ')}. Use the downloaded template`,
    );
  const rows: SheetRow[] = [];
  for (const { row, cells } of sheet) {
    if (row < 2) continue;
    const values = Object.fromEntries(
      importColumns.map((c) => [c.key, positions.has(c.key) ? (cells[positions.get(c.key) as number] ?? '') : '']),
    ) as Record<ImportColumnKey, string>;
    if (Object.values(values).every((v) => v === '')) continue;
    if (values.idNumber.toUpperCase() === EXAMPLE_ROW.idNumber) continue;
    rows.push({ row, ...values });
    if (rows.length > maxRows) throw tooMany();
  }
  return rows;
}

export const splitList = (s: string) =>
  s
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export const exportColumns = [
  { header: '志愿者编号', key: 'number', width: 16 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '手机号', key: 'phone', width: 15 },
  { header: '身份证号', key: 'idNumber', width: 22 },
  { header: '所属社区', key: 'region', width: 16 },
  { header: '技能', key: 'skills', width: 28 },
  { header: '状态', key: 'status', width: 8 },
  { header: '登记方式', key: 'channel', width: 10 },
  { header: '登记时间', key: 'createdAt', width: 20 },
] as const;

export type ExportRow = Record<(typeof exportColumns)[number]['key'], string>;

export async function buildExport(rows: ExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Leifeng';
  const sheet = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = exportColumns.map((c) => ({ ...c, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows.map(formulaSafeRow));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

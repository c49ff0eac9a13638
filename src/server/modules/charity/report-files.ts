/** The public report as an Excel workbook and as a PDF (the certificates' CJK font, subset by pdfkit). No database here. */
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { formulaSafe } from '../../platform/spreadsheet.js';
import { yuan } from './labels.js';
import type { CharityReport } from './report.js';

const FONT = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
);

/** Label/amount rows of the report, in the order both files show them. */
function sections(report: CharityReport) {
  return [
    {
      title: '收入（按摊位类别）',
      rows: [
        ...report.incomeByCategory.map((c) => [c.label, c.amountFen] as const),
        ...(report.donationsFen ? [['现场及定向捐赠', report.donationsFen] as const] : []),
      ],
      total: ['收入合计', report.incomeFen] as const,
    },
    {
      title: '支出（按用途）',
      rows: report.outgoingsByPurpose.map((p) => [p.label, p.amountFen] as const),
      total: ['支出合计', report.outgoingsFen] as const,
    },
  ];
}

export async function reportXlsx(report: CharityReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('善款公示');
  sheet.columns = [{ width: 28 }, { width: 16 }];
  sheet.addRow([formulaSafe(report.title)]).font = { bold: true, size: 14 };
  sheet.addRow(['期间', report.period]);
  for (const section of sections(report)) {
    sheet.addRow([]);
    sheet.addRow([section.title, '金额（元）']).font = { bold: true };
    for (const [label, fen] of section.rows) sheet.addRow([formulaSafe(label), fen / 100]);
    sheet.addRow([section.total[0], section.total[1] / 100]).font = { bold: true };
  }
  sheet.addRow([]);
  sheet.addRow(['结余', report.balanceFen / 100]).font = { bold: true };
  sheet.addRow(['帮扶家庭（户）', report.familiesHelped]);
  const people = book.addWorksheet('帮扶对象');
  people.columns = [{ width: 14 }, { width: 20 }, { width: 16 }];
  people.addRow(['姓名', '社区', '金额（元）']).font = { bold: true };
  for (const p of report.beneficiaries) people.addRow([p.maskedName, formulaSafe(p.community), p.amountFen / 100]);
  for (const ws of [sheet, people]) ws.getColumn(ws === sheet ? 2 : 3).numFmt = '0.00';
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function reportPdf(report: CharityReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: report.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(FONT);
  doc.fontSize(20).text(report.title, { align: 'center' });
  doc.moveDown(0.3).fontSize(10).text(`期间：${report.period}`, { align: 'center' });
  if (report.events.length) {
    doc.moveDown(0.3).text(report.events.map((e) => `${e.heldOn} ${e.title}（${e.regionName}）`).join('；'), {
      align: 'center',
    });
  }
  const line = (label: string, amount: string, bold = false) => {
    const y = doc.y;
    doc.fontSize(bold ? 12 : 11).text(label, 72, y, { width: 300 });
    doc.text(amount, 372, y, { width: 150, align: 'right' });
  };
  for (const section of sections(report)) {
    doc.moveDown(1).fontSize(13).text(section.title, 56);
    doc.moveDown(0.3);
    for (const [label, fen] of section.rows) line(label, `${yuan(fen)} 元`);
    line(section.total[0], `${yuan(section.total[1])} 元`, true);
  }
  doc.moveDown(1);
  line('结余', `${yuan(report.balanceFen)} 元`, true);
  line('帮扶家庭', `${report.familiesHelped} 户`, true);
  if (report.beneficiaries.length) {
    doc.moveDown(1).fontSize(13).text('帮扶对象', 56);
    doc.moveDown(0.3);
    for (const p of report.beneficiaries) line(`${p.maskedName}（${p.community}）`, `${yuan(p.amountFen)} 元`);
  }
  doc.moveDown(2).fontSize(9).text('以上数据均由善款账本自动汇总，每一笔收支可追溯。', 56, doc.y, { align: 'center' });
  doc.end();
  return done;
}

/** A round's published results as an Excel workbook. No database here. */
import ExcelJS from 'exceljs';
import { formulaSafe } from '../../platform/spreadsheet.js';
import type { publicResults } from './evaluation-read.js';

type Results = Awaited<ReturnType<typeof publicResults>>;

const METRIC = {
  minutesServed: '服务时长',
  volunteers: '志愿者人数',
  ordersCompleted: '完成订单',
  averageStars: '满意度',
};
const yuan = (fen: number) => Math.round(fen) / 100;

export async function resultsXlsx(results: Results): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('评选结果');
  sheet.addRow([formulaSafe(results.title)]).font = { bold: true, size: 14 };
  sheet.addRow(['级别', results.level === 'district' ? '区级' : '街道/社区级', '年度', results.year]);
  sheet.addRow(['预算（元）', yuan(results.budgetFen), '奖励合计（元）', yuan(results.awardedFen)]);
  sheet.addRow([]);
  const criteria = results.criteria.map(
    (c) => `${formulaSafe(c.name)}（权重${c.weight}${c.metric ? `，${METRIC[c.metric]}` : ''}）`,
  );
  sheet.addRow([
    '名次',
    '项目',
    '申报组织',
    '总分',
    ...criteria,
    '服务时长（小时）',
    '志愿者',
    '完成订单',
    '满意度',
    '荣誉',
    '奖励资金（元）',
  ]).font = { bold: true };
  for (const r of results.ranking) {
    sheet.addRow([
      r.rank,
      formulaSafe(r.project.name),
      formulaSafe(r.project.organisation.name),
      r.total,
      ...results.criteria.map((c) => r.criteria.find((x) => x.criterionId === c.id)?.points ?? 0),
      Math.round(r.results.minutesServed / 6) / 10,
      r.results.volunteers,
      r.results.ordersCompleted,
      r.results.averageStars ?? '',
      r.award ? formulaSafe(r.award.honour) : '',
      r.award ? yuan(r.award.fundingFen) : '',
    ]);
  }
  sheet.columns.forEach((col, i) => {
    col.width = i === 1 || i === 2 ? 30 : 14;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

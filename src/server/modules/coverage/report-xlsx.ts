/** The coverage report as an Excel workbook. No database here. */
import ExcelJS from 'exceljs';
import { formulaSafe } from '../../platform/spreadsheet.js';
import type { getCoverageReport } from './get-coverage-report.js';

type Report = Awaited<ReturnType<typeof getCoverageReport>>;

const percent = (share: number) => Math.round(share * 1000) / 10;

export async function coverageReportXlsx(report: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('概况');
  summary.columns = [{ width: 26 }, { width: 40 }];
  summary.addRow(['15分钟志愿服务圈覆盖报告']).font = { bold: true, size: 14 };
  if (report.synthetic)
    summary.addRow(['人口数据', '合成演示数据（非人口普查数据）']).font = { color: { argb: 'FFCF1322' } };
  summary.addRow(['步行速度（米/分钟）', report.settings.speedMPerMin]);
  summary.addRow(['步行时间（分钟）', report.settings.minutes]);
  summary.addRow(['绕行系数', report.settings.detourFactor]);
  summary.addRow(['直线覆盖半径（米）', Math.round(report.settings.reachM)]);
  summary.addRow(['H3 网格精度', report.settings.resolution]);
  summary.addRow(['总人口', report.population]);
  summary.addRow(['覆盖人口', report.covered]);
  summary.addRow(['覆盖率（%）', percent(report.share)]);
  summary.addRow(['未覆盖网格数', report.uncoveredCount]);

  const communities = book.addWorksheet('社区');
  communities.columns = [{ width: 16 }, { width: 24 }, { width: 12 }, { width: 12 }, { width: 12 }];
  communities.addRow(['社区代码', '社区', '人口', '覆盖人口', '覆盖率（%）']).font = { bold: true };
  for (const c of report.communities) {
    communities.addRow([c.regionCode, formulaSafe(c.name), c.population, c.covered, percent(c.share)]);
  }

  const batches = book.addWorksheet('分批推进');
  batches.columns = [{ width: 18 }, { width: 12 }, { width: 12 }, { width: 12 }];
  batches.addRow(['批次', '服务点数（累计）', '覆盖人口（累计）', '覆盖率（%）']).font = { bold: true };
  for (const b of report.byBatch) {
    const label =
      b.batch === null
        ? '站点（不分批）'
        : b.batch === 1
          ? '试点（第1批）'
          : `第${b.batch}批${b.planned ? '（规划）' : ''}`;
    batches.addRow([label, b.posts, b.covered, percent(b.share)]);
  }

  const cells = book.addWorksheet('未覆盖网格');
  cells.columns = [{ width: 20 }, { width: 12 }, { width: 12 }, { width: 16 }, { width: 10 }];
  cells.addRow(['H3 网格', '纬度', '经度', '社区代码', '人口']).font = { bold: true };
  for (const c of report.uncoveredCells) cells.addRow([c.cell, c.lat, c.lng, c.regionCode, c.population]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

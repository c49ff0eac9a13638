import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/** A CJK font shipped by an npm package, so a fresh machine with only Node and npm renders Chinese; pdfkit subsets it. */
const FONT = createRequire(import.meta.url).resolve(
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
);

export interface CertificateContent {
  number: string;
  issuedOn: string;
  volunteer: { name: string; idType: string; idNumberMasked: string; volunteerNumber: string };
  service: {
    totalMinutes: number;
    periodFrom: string | null;
    periodTo: string | null;
    recordCount: number;
    /** The records it covers (up to 40 listed; the total counts all). */
    items: { date: string; content: string; minutes: number; organisation: string }[];
  };
  issuer: { organisation: string; personInCharge: string; handler: string; contact: string };
  verifyPath: string;
}

export const hoursText = (minutes: number) => `${(minutes / 60).toFixed(1)}小时`;

/** The PDF of an issued certificate; `verifyUrl` is the absolute address the QR code carries. */
export async function renderCertificatePdf(content: CertificateContent, verifyUrl: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(verifyUrl, { margin: 1, width: 240 });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `志愿服务记录证明 ${content.number}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(FONT);
  doc.fontSize(22).text('志愿服务记录证明', { align: 'center' });
  doc.moveDown(0.3).fontSize(10).text(`证明编号：${content.number}`, { align: 'center' });
  doc.moveDown(1.2).fontSize(12);
  const v = content.volunteer;
  const s = content.service;
  const period = s.periodFrom || s.periodTo ? `${s.periodFrom ?? '首次服务'} 至 ${s.periodTo ?? '今'}` : '全部服务期间';
  const lines = [
    `志愿者姓名：${v.name}`,
    `证件类型：${v.idType}    证件号码：${v.idNumberMasked}`,
    `志愿者编号：${v.volunteerNumber}`,
    `服务期间：${period}`,
    `累计服务时长：${hoursText(s.totalMinutes)}（${s.totalMinutes}分钟），共${s.recordCount}次服务`,
  ];
  for (const line of lines) doc.text(line).moveDown(0.3);
  doc.moveDown(0.5).fontSize(12).text('服务明细：');
  doc.fontSize(9);
  for (const item of s.items)
    doc.text(`${item.date}  ${item.content}  ${hoursText(item.minutes)}  ${item.organisation}`);
  if (s.recordCount > s.items.length) doc.text(`……另有${s.recordCount - s.items.length}条记录，详见平台`);
  doc.moveDown(1).fontSize(12);
  doc.text(`特此证明。本证明依据《志愿服务记录与证明出具办法》出具，志愿服务信息如实记录。`).moveDown(0.8);
  const i = content.issuer;
  for (const line of [
    `出具组织：${i.organisation}`,
    `负责人：${i.personInCharge}    经办人：${i.handler}`,
    `联系方式：${i.contact}`,
    `出具日期：${content.issuedOn}`,
  ])
    doc.text(line).moveDown(0.3);
  const y = doc.y + 10;
  doc.image(qr, 56, y, { width: 96 });
  doc.fontSize(9).text(`扫码或访问 ${verifyUrl} 核验本证明真伪（电子签名）`, 164, y + 36, { width: 330 });
  doc.end();
  return done;
}

import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { formatUkDate } from '../payroll/dates';
import type { PendingReportContent, ReportEntry } from './content';

// DejaVu Sans, embedded: PDF's built-in fonts cannot write names outside Windows-1252 (Łukasz, Dvořák).
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const BODY = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#b45309';
const MARGIN = 56;

/** The Pending report as an A4 PDF: an email attachment a client's HR contact can act on line by line. */
export function pendingReportPdf(r: PendingReportContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `Employees waiting for HR details — ${r.company}`,
      Author: 'Bureau Sync',
      Subject: `Pending payroll details in ${r.vendor}`,
    },
  });
  doc.registerFont('body', BODY);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;

  doc.font('bold').fontSize(18).fillColor(INK).text('Employees waiting for HR details');
  doc.moveDown(0.2);
  doc
    .font('body')
    .fontSize(11)
    .fillColor(MUTED)
    .text(`${r.company} · ${r.vendor} · ${formatUkDate(r.date)}`);
  doc.moveDown(0.8);
  doc.fontSize(10).fillColor(INK);
  doc.text(
    r.pending.length === 0
      ? `Every employee is ready for payroll: nothing needs fixing in ${r.vendor} today.`
      : `${r.pending.length === 1 ? 'This employee' : `These ${r.pending.length} employees`} cannot be paid through payroll until the details below are corrected in ${r.vendor}. Each line says what is wrong, what ${r.vendor} holds now and where to correct it. Corrections reach payroll at the next sync; nothing needs sending back.`,
    { width },
  );

  section(doc, `Must be fixed before payroll (${r.pending.length})`, r.pending, r.vendor, width);
  if (r.warnings.length)
    section(doc, `Worth checking — these do not stop payroll (${r.warnings.length})`, r.warnings, r.vendor, width);

  // Page numbers last, once the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `${r.company} — employees waiting for HR details, ${formatUkDate(r.date)} · page ${i + 1} of ${range.count}`,
        MARGIN,
        doc.page.height - MARGIN + 8,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, title: string, entries: ReportEntry[], vendor: string, width: number): void {
  doc.moveDown(1.2);
  keepRoom(doc, 60);
  doc.font('bold').fontSize(13).fillColor(ACCENT).text(title, MARGIN, doc.y, { width });
  doc
    .moveTo(MARGIN, doc.y + 2)
    .lineTo(MARGIN + width, doc.y + 2)
    .strokeColor(ACCENT)
    .lineWidth(0.8)
    .stroke();
  doc.moveDown(0.6);
  for (const e of entries) entry(doc, e, vendor, width);
}

function entry(doc: PDFKit.PDFDocument, e: ReportEntry, vendor: string, width: number): void {
  const inner = width - 14;
  // An employee's first problem stays on the page with their name.
  const first = e.items[0];
  keepRoom(doc, 46 + (first ? itemHeight(doc, first, vendor, inner) : 0));
  doc.moveDown(0.5);
  doc.font('bold').fontSize(11.5).fillColor(INK).text(e.name, MARGIN, doc.y, { width });
  if (e.about) doc.font('body').fontSize(8.5).fillColor(MUTED).text(e.about, { width });
  doc.moveDown(0.25);
  for (const i of e.items) {
    keepRoom(doc, itemHeight(doc, i, vendor, inner));
    const x = MARGIN + 14;
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(INK)
      .text(`• ${i.detail}`, MARGIN + 4, doc.y, { width: width - 4 });
    doc.font('body').fontSize(9.5).fillColor(INK).text(i.problem, x, doc.y, { width: inner });
    doc.fontSize(9).fillColor(MUTED).text(`${vendor} holds: ${i.holds}`, x, doc.y, { width: inner });
    doc.fillColor(INK).text(`Where to fix it: ${i.fix}`, x, doc.y, { width: inner });
    doc.moveDown(0.35);
  }
}

function itemHeight(doc: PDFKit.PDFDocument, i: ReportEntry['items'][number], vendor: string, width: number): number {
  doc.font('body').fontSize(9.5);
  return (
    doc.heightOfString(i.detail, { width }) +
    doc.heightOfString(i.problem, { width }) +
    doc.heightOfString(`${vendor} holds: ${i.holds}`, { width }) +
    doc.heightOfString(`Where to fix it: ${i.fix}`, { width }) +
    8
  );
}

/** Starts a new page unless `height` points fit above the bottom margin. */
function keepRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

import { PayrollExportRepository } from '../db/repositories/payroll-exports';
import { writeFileAtomic } from '../exports/write-file';
import { pendingReportContent } from '../pending-report/content';
import { pendingReportCsv } from '../pending-report/csv';
import { fileSafe, requireEnding } from './exports';
import { requireCompany } from './companies';
import { vendorOf, type CoreContext } from './context';
import type { Handlers } from './types';

let ukToday: Intl.DateTimeFormat | undefined;
/** Today in the UK as YYYY-MM-DD (en-CA writes dates that way); the formatter is made when first needed. */
const todayInUk = (d: Date) =>
  (ukToday ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })).format(d);

export function pendingReportHandler(ctx: CoreContext): Pick<Handlers, 'reports.pending'> {
  const repo = new PayrollExportRepository(ctx.db);
  return {
    'reports.pending': async ({ companyId, format, outFile }) => {
      const c = requireCompany(ctx, companyId);
      const provider = vendorOf(c);
      const today = todayInUk(ctx.clock.now());
      const content = ctx.db.transaction(() =>
        pendingReportContent({
          company: c.name,
          provider,
          // Personio's and Humaans' own record ids are internal; PeopleHR's Employee ID, or a chosen ID field, is the client's.
          showEmployeeId: provider === 'peoplehr' || c.settings.idField !== 'id',
          mapping: ctx.companies.mapping(c.id),
          catalogue: c.catalogue,
          employees: repo.current(c.id),
          problems: repo.problems(c.id),
          today,
        }),
      )();
      // pdfkit and its font load only when a PDF is asked for, not with every command (see README, start-up).
      const bytes =
        format === 'pdf'
          ? await (await import('../pending-report/pdf')).pendingReportPdf(content)
          : pendingReportCsv(content);
      const filename = `${fileSafe(c.name)}-employees-waiting-for-HR-details-${today}.${format}`;
      const path = outFile ? writeFileAtomic(requireEnding(outFile, format), bytes) : null;
      return {
        filename: path ? (path.split(/[\\/]/).at(-1) ?? filename) : filename,
        mimeType: format === 'pdf' ? 'application/pdf' : 'text/csv',
        data: path ? '' : bytes.toString('base64'),
        path,
        pending: content.pending.length,
        warnings: content.warnings.length,
      };
    },
  };
}

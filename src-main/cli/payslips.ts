import type { PayslipSendResult } from '../contract/payslips';
import type { Core } from '../core/app';
import { need, UsageError, type ParsedCli } from './args';
import { call, type Out } from './out';

/**
 * `payslips match|send|retry|history`: a pay run's PDF payslips from a folder into each employee's
 * documents in the HR system. `send` exits 1 when any payslip was not delivered (failed, unclear, or a
 * PDF no employee could be found for), so a scheduled task notices.
 */
function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

/** `--override "FILE=EXTERNAL_ID"` (the HR system's id, as `employees` shows it); `FILE=-` leaves the file out. */
function overrides(core: Core, companyId: string, raw: unknown): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const item of list(raw)) {
    const at = item.lastIndexOf('=');
    if (at <= 0 || at === item.length - 1)
      throw new UsageError(
        `--override "${item}": write it as FILE=EMPLOYEE_EXTERNAL_ID, or FILE=- to leave the file out.`,
      );
    const who = item.slice(at + 1).trim();
    out[item.slice(0, at)] = who === '-' ? null : core.reports.employeeIdByHrId(companyId, who);
  }
  return out;
}

const WORDS: Record<string, string> = {
  delivered: 'delivered',
  alreadyDelivered: 'already delivered',
  failed: 'FAILED',
  unknown: 'UNCLEAR',
  notSent: 'not sent',
};

function sendOut(res: PayslipSendResult): Out {
  const c = res.counts;
  const lines = res.results.map((r) => `${WORDS[r.status]!.padEnd(18)} ${r.file}: ${r.message}`);
  lines.push(
    `${c.delivered} delivered, ${c.alreadyDelivered} already delivered, ${c.failed} failed, ${c.unknown} unclear, ${c.notSent} not sent.`,
  );
  const undelivered = res.results.some(
    (r) =>
      r.status === 'failed' ||
      r.status === 'unknown' ||
      (r.status === 'notSent' && r.matchStatus !== 'notPdf' && r.matchStatus !== 'excluded'),
  );
  return { json: res, text: lines.join('\n'), failed: undelivered };
}

export async function payslipsCommand(core: Core, sub: string | undefined, opts: ParsedCli['opts']): Promise<Out> {
  const companyId = need(opts, 'company', 'the company ID (see `companies list`)');
  const payDate = () => need(opts, 'date', 'the pay date as YYYY-MM-DD');
  const dir = () => need(opts, 'dir', 'the folder that holds the PDF payslips');
  const category = typeof opts.category === 'string' ? { categoryId: opts.category } : {};
  switch (sub) {
    case 'match': {
      const m = await call(core, 'payslips.match', {
        companyId,
        payDate: payDate(),
        dir: dir(),
        overrides: overrides(core, companyId, opts.override),
      });
      const text = m.files
        .map((f) => `${f.status.padEnd(10)} ${f.file}: ${f.message}${f.alreadyDelivered ? ' (already delivered)' : ''}`)
        .join('\n');
      return { json: m, text: text || 'The folder holds no files.' };
    }
    case 'send': {
      const res = await call(core, 'payslips.send', {
        companyId,
        payDate: payDate(),
        dir: dir(),
        overrides: overrides(core, companyId, opts.override),
        ...category,
      });
      return sendOut(res);
    }
    case 'retry':
      return sendOut(await call(core, 'payslips.retry', { companyId, payDate: payDate() }));
    case 'history': {
      const rows = await call(core, 'payslips.history', {
        companyId,
        ...(typeof opts.date === 'string' ? { payDate: opts.date } : {}),
      });
      return {
        json: rows,
        text:
          rows
            .map(
              (r) =>
                `${r.at}  ${r.payDate}  ${r.status.padEnd(9)} ${r.file} → ${r.employee.name}${r.error ? `: ${r.error.message}` : ''}`,
            )
            .join('\n') || 'No payslips sent yet.',
      };
    }
    default:
      throw new UsageError('Use `payslips match|send|retry|history --company ID …`.');
  }
}

import { createHash } from 'node:crypto';
import {
  EXPORT_FORMAT_NAMES,
  payrollTargetSchema,
  type ExportFormat,
  type ExportPreview,
  type PayrollTarget,
} from '../../contract/exports';
import type { CompanyRow } from '../db/repositories/companies';
import { PayrollExportRepository } from '../db/repositories/payroll-exports';
import { AppError } from '../errors';
import { buildFile, type BuiltFile } from '../exports/build';
import { changesPack } from '../exports/changes';
import { toCsv } from '../exports/csv';
import { FORMATS } from '../exports/formats';
import { writeFileAtomic } from '../exports/write-file';
import { requireCompany } from './companies';
import type { CoreContext } from './context';
import type { Handlers } from './types';

/** "Acme Ltd" → "Acme-Ltd", for file names. */
export const fileSafe = (name: string): string =>
  name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'company';

/**
 * A file the core is asked to write (the command line's --out) must end as its format does: the core may be asked
 * over browser mode's HTTP too, and this keeps it from replacing, say, a settings file of the user's.
 */
export function requireEnding(path: string, ext: 'csv' | 'pdf'): string {
  if (!path.toLowerCase().endsWith(`.${ext}`))
    throw new AppError('VALIDATION', `${path}: the file name must end in .${ext}. Nothing was exported.`);
  return path;
}

const DEFAULT_TARGET = (format: ExportFormat): PayrollTarget => payrollTargetSchema.parse({ format });

export function exportHandlers(
  ctx: CoreContext,
  opts: { userName: string },
): Pick<
  Handlers,
  | 'exports.target.get'
  | 'exports.target.set'
  | 'exports.preview'
  | 'exports.create'
  | 'exports.history'
  | 'exports.changes'
  | 'exports.changesCounts'
> {
  const repo = new PayrollExportRepository(ctx.db);

  /** The company's target, with another format's file asked for explicitly (its options still apply). */
  function targetFor(c: CompanyRow, format: ExportFormat | undefined): PayrollTarget {
    const saved = repo.target(c.id);
    if (!format && !saved) {
      throw new AppError(
        'VALIDATION',
        `Choose ${c.name}'s payroll software first: Bureau Sync does not know which file to make for it yet.`,
      );
    }
    const target = saved ? { ...saved, format: format ?? saved.format } : DEFAULT_TARGET(format!);
    if (target.format === 'custom' && !target.customLayout) {
      throw new AppError(
        'VALIDATION',
        `${c.name} has no custom CSV layout yet: choose its columns in the payroll software options first.`,
      );
    }
    return target;
  }

  /** Everything one export decides, read in one transaction so the file and its change mark agree. */
  function prepare(
    companyId: string,
    format: ExportFormat | undefined,
    changesOnly: boolean,
  ): { c: CompanyRow; target: PayrollTarget; built: BuiltFile; mark: number; preview: ExportPreview } {
    const c = requireCompany(ctx, companyId);
    const target = targetFor(c, format);
    const f = FORMATS[target.format];
    return ctx.db.transaction(() => {
      const current = repo.current(c.id);
      const problems = repo.problems(c.id);
      const mark = repo.changeMark(c.id);
      const only = changesOnly ? changesPack(repo, c.id, current, problems).ids : undefined;
      const built = buildFile(f, { target, syncSalaries: c.settings.syncSalaries }, current, problems, only);
      const preview: ExportPreview = {
        companyId: c.id,
        format: target.format,
        formatName: EXPORT_FORMAT_NAMES[target.format],
        changesOnly,
        included: built.rows.length,
        leftOut: built.leftOut,
        notes: f.notes,
        nothingChanged: changesOnly && only !== undefined && only.size === 0,
      };
      return { c, target, built, mark, preview };
    })();
  }

  return {
    'exports.target.get': async ({ companyId }) => repo.target(requireCompany(ctx, companyId).id),
    'exports.target.set': async ({ companyId, target }) => {
      const c = requireCompany(ctx, companyId);
      if (target.format === 'custom' && !target.customLayout) {
        throw new AppError('VALIDATION', 'A custom CSV layout needs its columns: add at least the Employee ID.');
      }
      repo.setTarget(c.id, target, ctx.clock.now().toISOString());
      return repo.target(c.id)!;
    },
    'exports.preview': async ({ companyId, format, changesOnly }) => prepare(companyId, format, changesOnly).preview,
    'exports.create': async ({ companyId, format, changesOnly, outFile }) => {
      const { c, target, built, mark, preview } = prepare(companyId, format, changesOnly);
      const bytes = toCsv(built.header, built.rows);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const at = ctx.clock.now().toISOString();
      const filename = `${fileSafe(c.name)}-${FORMATS[target.format].slug}${changesOnly ? '-changes' : ''}-${at.slice(0, 10)}.csv`;
      // Written before it is recorded: a file that could not be written must not count as loaded into payroll.
      const path = outFile ? writeFileAtomic(requireEnding(outFile, 'csv'), bytes) : null;
      const record = repo.insert({
        companyId: c.id,
        format: target.format,
        changesOnly,
        filename: path ? (path.split(/[\\/]/).at(-1) ?? filename) : filename,
        path,
        at,
        user: opts.userName,
        leftOut: built.leftOut.length,
        sha256,
        mark,
        employees: built.included.map((e) => ({ id: e.id, state: e.state })),
        refused: built.refused.map((e) => ({ id: e.id, state: e.state })),
      });
      ctx.emit('companies.changed', {});
      return { record, preview, data: path ? '' : bytes.toString('base64'), mimeType: 'text/csv' };
    },
    'exports.history': async ({ companyId, limit }) => repo.history(requireCompany(ctx, companyId).id, limit),
    'exports.changes': async ({ companyId }) => {
      const c = requireCompany(ctx, companyId);
      return ctx.db.transaction(() => changesPack(repo, c.id, repo.current(c.id), repo.problems(c.id)).pack)();
    },
    'exports.changesCounts': async () =>
      ctx.companies.list().map((c) => {
        const last = repo.last(c.id);
        if (!last) return { companyId: c.id, count: null, bankChanges: 0, lastExportAt: null };
        const { pack } = ctx.db.transaction(() => changesPack(repo, c.id, repo.current(c.id), repo.problems(c.id)))();
        return {
          companyId: c.id,
          count: pack.total,
          bankChanges: pack.changed.filter((x) => x.flags.some((f) => f.kind === 'bank')).length,
          lastExportAt: last.at,
        };
      }),
  };
}

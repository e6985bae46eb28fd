import Papa from 'papaparse';
import { companySettingsSchema } from '../../contract/companies';
import { notSetUp } from '../../contract/sync';
import type { PayrollField } from '../../contract/payroll';
import { AppError } from '../errors';
import type { Scheduler } from '../sync/scheduler';
import type { SyncEngine } from '../sync/engine';
import { requireCompany } from './companies';
import { vendorOf, type CoreContext } from './context';
import type { Handlers } from './types';

export function syncHandlers(
  ctx: CoreContext,
  engine: SyncEngine,
  scheduler: Scheduler,
): Pick<
  Handlers,
  | 'companies.preview'
  | 'companies.review'
  | 'settings.get'
  | 'settings.set'
  | 'sync.company'
  | 'sync.all'
  | 'sync.employee'
  | 'sync.cancel'
  | 'sync.history'
  | 'sync.runProblemsCsv'
  | 'employees.list'
  | 'employees.get'
> {
  return {
    'companies.preview': async ({ companyId, filters }) => engine.preview(companyId, undefined, filters),
    'companies.review': async ({ companyId }) => {
      const c = requireCompany(ctx, companyId);
      ctx.companies.markReviewed(c.id);
      ctx.emit('companies.changed', {});
      return scheduler.runCompany(c.id, 'first');
    },
    'settings.get': async ({ companyId }) => requireCompany(ctx, companyId).settings,
    'settings.set': async ({ companyId, patch }) => {
      const c = requireCompany(ctx, companyId);
      const next = companySettingsSchema.parse({ ...c.settings, ...patch });
      // payroll-fields.md: PeopleHR and Humaans employees are matched by the HR system's own employee ID;
      // only Personio lets the bureau pick the field.
      if (next.idField !== c.settings.idField && vendorOf(c) !== 'personio') {
        throw new AppError(
          'VALIDATION',
          `${c.name}'s employees are matched by ${c.provider === 'humaans' ? 'Humaans' : 'PeopleHR'}'s own employee ID; the ID field can only be chosen for Personio companies.`,
        );
      }
      if (
        next.idField !== c.settings.idField &&
        c.catalogue.length > 0 &&
        !c.catalogue.some((f) => f.key === next.idField)
      ) {
        throw new AppError(
          'VALIDATION',
          `"${next.idField}" is not a field ${c.name}'s HR system holds; choose the ID field from its fields.`,
        );
      }
      if (next.syncSalaries && !c.canReadSalaries) {
        throw new AppError(
          'VALIDATION',
          `Salaries cannot be synced for ${c.name}: ${c.salaryReason ?? 'these credentials cannot read salaries.'}`,
        );
      }
      ctx.companies.setSettings(c.id, next);
      ctx.emit('companies.changed', {});
      return next;
    },
    'sync.company': async ({ companyId }) => {
      const c = requireCompany(ctx, companyId);
      // Before the review step there are no checked filters or mapping yet: a sync would import everyone,
      // unfiltered. (The command line finishes set-up with its first sync by calling companies.review.)
      if (!c.reviewed) throw new AppError('VALIDATION', notSetUp(c.name));
      return scheduler.runCompany(c.id, 'manual-company');
    },
    'sync.all': async () => scheduler.runAll('manual-all'),
    'sync.employee': async ({ companyId, employeeId }) => {
      const run = await engine.runEmployee(companyId, employeeId);
      ctx.emit('sync.finished', run);
      ctx.emit('employees.changed', { companyId });
      return run;
    },
    'sync.cancel': async ({ companyId }) => ({ cancelled: scheduler.cancel(companyId) }),
    'sync.history': async ({ companyId, limit }) => ctx.runs.history(requireCompany(ctx, companyId).id, limit),
    'sync.runProblemsCsv': async ({ runId }) => {
      const run = ctx.runs.get(runId);
      if (!run) throw new AppError('NOT_FOUND', 'That sync run is not in the history any more.');
      const company = requireCompany(ctx, run.companyId);
      const shown = ctx.employees.shownIds(company.id);
      const rows = ctx.runs.problems(runId).map((p) => ({
        'Employee ID': shown.get(p.identity) ?? p.identity,
        Name: p.name,
        Field: p.field,
        Problem: p.code,
        Severity: p.severity === 'error' ? 'Blocks payroll' : 'Warning',
        Message: p.message,
        'Value in HR system': p.value ?? '',
      }));
      const csv = Papa.unparse(rows.length ? rows : [], {
        columns: ['Employee ID', 'Name', 'Field', 'Problem', 'Severity', 'Message', 'Value in HR system'],
        // Spreadsheet apps execute cells starting with = + - @; payroll staff open these in Excel.
        escapeFormulae: true,
      });
      const safeName = company.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
      return { filename: `${safeName}-sync-problems-${run.startedAt.slice(0, 10)}.csv`, csv };
    },
    'employees.list': async (q) => {
      const res = ctx.employees.list(q);
      return { total: res.total, offset: q.offset, rows: res.rows };
    },
    'employees.get': async ({ companyId, employeeId }) => {
      const c = requireCompany(ctx, companyId);
      const e = ctx.employees.get(c.id, employeeId);
      if (!e) throw new AppError('NOT_FOUND', 'That employee is not in this company any more. Refresh the list.');
      const labels = Object.fromEntries(c.catalogue.map((f) => [f.key, f.label]));
      const sources: Record<string, { kind: string; key?: string; label?: string }> = {};
      for (const [field, src] of Object.entries(e.sources) as Array<[PayrollField, { kind: string; key?: string }]>) {
        sources[field] = src.key ? { ...src, label: labels[src.key] ?? src.key } : src;
      }
      return {
        id: e.id,
        identity: e.identity,
        shownId: e.shownId,
        excludedBy: e.excludedBy,
        firstProblem: null,
        hrId: e.hrId,
        name: e.name,
        state: e.state,
        readiness: e.readiness,
        problemCount: e.problemCount,
        warningCount: e.warningCount,
        lastSyncedAt: e.lastSyncedAt,
        values: e.values,
        sources,
        problems: ctx.employees.problems(e.id),
        changes: ctx.employees.changes(e.id),
      };
    },
  };
}

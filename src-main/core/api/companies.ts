import { randomUUID } from 'node:crypto';
import {
  confirmsCompanyName,
  PROVIDER_ID_FIELD_DEFAULT,
  type CompanyDetail,
  type CompanyRemoval,
  type CompanySettings,
  type CompanySummary,
  type CredentialCheckResult,
} from '../../contract/companies';
import { PROVIDER_NAMES, type Credentials, type Provider } from '../../contract/providers';
import type { CompanyRow } from '../db/repositories/companies';
import { removeCompanyData, type RemovedCounts } from '../db/repositories/company-removal';
import { isBusy, LeaseRepository } from '../db/repositories/leases';
import { eraseAfterRemoval } from '../db/erase';
import { AppError } from '../errors';
import { suggestedMapping } from '../hr/registry';
import type { HrClient } from '../hr/types';
import { secretRefFor, vendorOf, type CoreContext } from './context';
import type { Handlers } from './types';

export function defaultSettings(provider: Provider): CompanySettings {
  return {
    paused: false,
    syncSalaries: false,
    includeHolidayPayInPension: false,
    sendPayslipsViaHr: false,
    frequencyMinutes: 60,
    idField: PROVIDER_ID_FIELD_DEFAULT[provider],
    defaults: {},
  };
}

export function summarise(ctx: CoreContext, c: CompanyRow, running: (id: string) => boolean): CompanySummary {
  return {
    id: c.id,
    name: c.name,
    provider: c.provider,
    paused: c.settings.paused,
    reviewed: c.reviewed,
    lastSuccessfulSyncAt: c.lastSuccessfulSyncAt,
    lastAttempt: c.lastAttempt,
    nextSyncAt: c.nextSyncAt,
    counts: ctx.companies.counts(c.id),
    running: running(c.id),
  };
}

/** Removal refused while another process (another window, browser mode, the command line) syncs the company. */
export const syncingElsewhere = (name: string): string =>
  `${name} is being synced in another Bureau Sync window (or on the command line). Wait for that sync to finish, then remove the company. Nothing has been removed.`;

export function requireCompany(ctx: CoreContext, id: string): CompanyRow {
  const c = ctx.companies.get(id);
  if (!c)
    throw new AppError(
      'NOT_FOUND',
      `No company has the ID "${id}". It may have been removed: check the companies list.`,
    );
  return c;
}

async function check(
  client: HrClient,
): Promise<CredentialCheckResult & { catalogue: Awaited<ReturnType<HrClient['fieldCatalogue']>> }> {
  const res = await client.checkCredentials();
  const catalogue = await client.fieldCatalogue();
  return {
    warnings: res.warnings,
    canReadSalaries: res.canReadSalaries,
    salaryReason: res.salaryReason ?? null,
    employeeCount: null,
    catalogue,
  };
}

export function companyHandlers(
  ctx: CoreContext,
  running: (id: string) => boolean,
): Pick<
  Handlers,
  | 'companies.list'
  | 'companies.get'
  | 'companies.addDemo'
  | 'companies.checkCredentials'
  | 'companies.create'
  | 'companies.fields'
  | 'companies.setCredentials'
  | 'companies.remove'
  | 'mapping.get'
  | 'mapping.set'
  | 'filters.get'
  | 'filters.set'
> {
  async function create(name: string, credentials: Credentials, baseUrl: string | null): Promise<{ id: string }> {
    const client = await ctx.clientForCredentials(credentials, baseUrl);
    const checked = await check(client);
    const id = randomUUID();
    const provider = credentials.provider;
    const secretRef = provider === 'demo' ? null : secretRefFor(id);
    if (secretRef) await ctx.secrets.set(secretRef, JSON.stringify(credentials));
    ctx.companies.insert({
      id,
      name,
      provider,
      baseUrl: provider === 'demo' ? null : baseUrl,
      secretRef,
      settings: defaultSettings(provider),
      catalogue: checked.catalogue,
      canReadSalaries: checked.canReadSalaries,
      salaryReason: checked.salaryReason,
      createdAt: ctx.clock.now().toISOString(),
      mapping: suggestedMapping(vendorOf({ provider }), checked.catalogue),
    });
    ctx.emit('companies.changed', {});
    return { id };
  }

  return {
    'companies.list': async () => ctx.companies.list().map((c) => summarise(ctx, c, running)),
    'companies.get': async ({ companyId }): Promise<CompanyDetail> => {
      const c = requireCompany(ctx, companyId);
      return {
        ...summarise(ctx, c, running),
        baseUrl: c.baseUrl,
        settings: c.settings,
        canReadSalaries: c.canReadSalaries,
        salaryReason: c.salaryReason,
        catalogue: c.catalogue,
        secretStorage: c.provider === 'demo' ? 'no credentials needed (built-in demo)' : ctx.secrets.description,
      };
    },
    'companies.addDemo': async () => {
      const existing = ctx.companies.list().filter((c) => c.provider === 'demo').length;
      return create(existing ? `Demo Company Ltd (${existing + 1})` : 'Demo Company Ltd', { provider: 'demo' }, null);
    },
    'companies.checkCredentials': async ({ credentials, baseUrl }) => {
      const { catalogue: _c, ...res } = await check(await ctx.clientForCredentials(credentials, baseUrl ?? null));
      return res;
    },
    'companies.create': async ({ name, credentials, baseUrl }) => {
      if (ctx.companies.list().some((c) => c.name.toLowerCase() === name.toLowerCase())) {
        throw new AppError('CONFLICT', `There is already a company called "${name}". Choose another name.`);
      }
      return create(name, credentials, baseUrl ?? null);
    },
    'companies.remove': async ({ companyId, confirmName, keepBackups }) => {
      const c = requireCompany(ctx, companyId);
      if (!confirmsCompanyName(confirmName, c.name)) {
        throw new AppError(
          'VALIDATION',
          `To remove ${c.name}, type its name exactly as shown: “${c.name}”. Nothing has been removed.`,
        );
      }
      // A run in progress would write into the rows being deleted; the bureau cancels it or lets it finish.
      const syncingHere = `${c.name} is syncing. Wait for the sync to finish (or cancel it), then remove the company. Nothing has been removed.`;
      if (running(c.id)) throw new AppError('CONFLICT', syncingHere);
      // Another process on the same data folder may be syncing it too (its lease, or its one-employee run).
      const leases = new LeaseRepository(ctx.db);
      let removed: RemovedCounts;
      try {
        removed = removeCompanyData(ctx.db, c.id, () => {
          const active = leases.activeRun(c.id);
          if (active) throw new AppError('CONFLICT', active.mine ? syncingHere : syncingElsewhere(c.name));
        });
      } catch (err) {
        if (!isBusy(err)) throw err;
        throw new AppError(
          'CONFLICT',
          `${c.name} could not be removed just now: another Bureau Sync window (or the command line) is writing to the database. Try again in a moment. Nothing has been removed.`,
        );
      }
      // Gone from the disk too: the file rebuilt without its bytes, and the backups holding it purged.
      const erased = eraseAfterRemoval(ctx.db, ctx.dataDir, c.id, keepBackups);
      ctx.forgetClient(c.id);
      ctx.emit('companies.changed', {});
      let credentials: CompanyRemoval['credentials'] = 'none';
      let warning: string | null = null;
      if (c.secretRef) {
        try {
          await ctx.secrets.delete(c.secretRef);
          credentials = 'deleted';
        } catch (err) {
          credentials = 'not-deleted';
          ctx.logger.error('removing a company: its stored credentials could not be deleted', {
            companyId: c.id,
            message: err instanceof Error ? err.message : String(err),
          });
          warning = `${c.name} is removed, but its stored ${PROVIDER_NAMES[c.provider]} credentials could not be deleted (${err instanceof Error ? err.message : String(err)}). Revoke the API key in ${PROVIDER_NAMES[c.provider]} to be sure it can no longer be used.`;
        }
      }
      if (erased.warnings.length > 0) {
        ctx.logger.error('removing a company: its data could not all be erased from the disk', {
          companyId: c.id,
          warnings: erased.warnings,
        });
        warning = [
          warning ?? `${c.name} is removed, but not yet erased from the disk everywhere.`,
          ...erased.warnings,
        ].join(' ');
      }
      return { name: c.name, ...removed, credentials, backups: erased.backups, warning };
    },
    'companies.setCredentials': async ({ companyId, credentials }) => {
      const c = requireCompany(ctx, companyId);
      if (credentials.provider !== c.provider) {
        throw new AppError(
          'VALIDATION',
          `${c.name} is connected to ${PROVIDER_NAMES[c.provider]}; enter ${PROVIDER_NAMES[c.provider]} credentials.`,
        );
      }
      if (!c.secretRef) throw new AppError('VALIDATION', `${c.name} is the built-in demo: it needs no credentials.`);
      const kept = 'The credentials stored before are still in use; nothing was changed.';
      let checked: Awaited<ReturnType<typeof check>>;
      try {
        checked = await check(await ctx.clientForCredentials(credentials, c.baseUrl));
      } catch (err) {
        // The HR system's own words (as the wizard shows them), and that the working key was not touched.
        if (err instanceof AppError) throw new AppError(err.code, `${err.message} ${kept}`, err.details);
        throw err;
      }
      // A key that cannot do what this company's settings need would break the next sync: it never replaces one.
      if (c.settings.syncSalaries && !checked.canReadSalaries) {
        throw new AppError(
          'FORBIDDEN',
          `These credentials cannot read salaries, and “Sync salaries” is on for ${c.name}: ${checked.salaryReason ?? 'grant salary access in the HR system.'} ${kept}`,
        );
      }
      await ctx.secrets.set(c.secretRef, JSON.stringify(credentials));
      ctx.forgetClient(c.id);
      ctx.companies.setCatalogue(c.id, checked.catalogue, checked);
      ctx.logger.info('credentials replaced', { companyId: c.id, provider: c.provider });
      ctx.emit('companies.changed', {});
      const { catalogue: _c, ...res } = checked;
      return res;
    },
    'companies.fields': async ({ companyId, refresh }) => {
      const c = requireCompany(ctx, companyId);
      if (!refresh && c.catalogue.length > 0) return c.catalogue;
      const catalogue = await (await ctx.clientFor(c)).fieldCatalogue();
      ctx.companies.setCatalogue(c.id, catalogue);
      return catalogue;
    },
    'mapping.get': async ({ companyId }) => ctx.companies.mapping(requireCompany(ctx, companyId).id),
    'mapping.set': async ({ companyId, mapping }) => {
      const c = requireCompany(ctx, companyId);
      ctx.companies.setMapping(c.id, mapping);
      return ctx.companies.mapping(c.id);
    },
    'filters.get': async ({ companyId }) => ctx.companies.filters(requireCompany(ctx, companyId).id),
    'filters.set': async ({ companyId, filters }) => {
      const c = requireCompany(ctx, companyId);
      ctx.companies.setFilters(c.id, filters);
      return ctx.companies.filters(c.id);
    },
  };
}

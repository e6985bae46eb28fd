import { removalSummary } from '../contract/companies';
import { PAYROLL_FIELDS } from '../contract/payroll';
import { PROVIDER_NAMES, providerSchema, type Credentials } from '../contract/providers';
import type { Core } from '../core/app';
import { need, UsageError, type ParsedCli } from './args';
import { readJsonFile } from './json-file';
import { call, type Out } from './out';
import { exportCommand, reportCommand } from './export';
import { payslipsCommand } from './payslips';
import { runScheduler } from './run';
import { readSecret, SECRET_KINDS } from './secrets';
import { syncCommand } from './sync';

function credentialsFrom(opts: ParsedCli['opts'], known?: Credentials['provider']): Credentials {
  const provider = providerSchema.safeParse(known ?? opts.provider);
  if (!provider.success) throw new UsageError('--provider must be one of personio, humaans, peoplehr, demo.');
  switch (provider.data) {
    case 'personio':
      return {
        provider: 'personio',
        clientId: need(opts, 'client-id', 'the Personio API client ID'),
        clientSecret: readSecret(opts, SECRET_KINDS.clientSecret),
      };
    case 'humaans':
      return { provider: 'humaans', token: readSecret(opts, SECRET_KINDS.token) };
    case 'peoplehr':
      return { provider: 'peoplehr', apiKey: readSecret(opts, SECRET_KINDS.apiKey) };
    case 'demo':
      return { provider: 'demo' };
  }
}

export async function runCommand(core: Core, { command, opts }: ParsedCli): Promise<Out> {
  const [verb, sub] = command;
  const companyId = () => need(opts, 'company', 'the company ID (see `companies list`)');
  switch (verb) {
    case 'companies':
      if (sub === 'add') {
        const name = need(opts, 'name', "the client company's name");
        const baseUrl = typeof opts['base-url'] === 'string' ? opts['base-url'] : undefined;
        const res = await call(core, 'companies.create', { name, credentials: credentialsFrom(opts), baseUrl });
        return {
          json: res,
          text: `Added ${name}: ${res.id}\nReview its mapping and filters, then run: sync --company ${res.id}`,
        };
      }
      if (sub === 'list') {
        const list = await call(core, 'companies.list', {});
        const json = list.map((c) => ({
          id: c.id,
          name: c.name,
          provider: c.provider,
          paused: c.paused,
          lastSuccessfulSyncAt: c.lastSuccessfulSyncAt,
          lastAttempt: c.lastAttempt,
          counts: c.counts,
        }));
        const text = list.length
          ? list
              .map(
                (c) =>
                  `${c.id}  ${c.name} (${c.provider})${c.paused ? ' [paused]' : ''}  ready ${c.counts.ready}, pending ${c.counts.pending}, leavers ${c.counts.leaver}; last sync ${c.lastSuccessfulSyncAt ?? 'never'}`,
              )
              .join('\n')
          : 'No companies yet. Add one with: companies add --name NAME --provider demo';
        return { json, text };
      }
      if (sub === 'credentials') {
        // The company's own HR system decides which secret is asked for; --provider would only invite a mismatch.
        if (typeof opts.provider === 'string')
          throw new UsageError(
            '--provider is not needed: the company is already connected to its HR system. Leave it out.',
          );
        const id = companyId();
        const c = await call(core, 'companies.get', { companyId: id });
        if (c.provider === 'demo')
          throw new UsageError(`${c.name} is the built-in demo company: it has no credentials to replace.`);
        const res = await call(core, 'companies.setCredentials', {
          companyId: id,
          credentials: credentialsFrom(opts, c.provider),
        });
        const salaries = res.canReadSalaries
          ? 'salaries can be read'
          : `salaries cannot be read (${res.salaryReason ?? 'not granted'})`;
        const warnings = res.warnings.map((w) => `\nWarning: ${w}`).join('');
        return {
          json: { id, replaced: true, ...res },
          text: `Checked with ${PROVIDER_NAMES[c.provider]} and stored (${c.secretStorage}): ${salaries}. ${c.paused ? `Syncing ${c.name} is paused, so the sync this starts is recorded as skipped.` : `A sync of ${c.name} runs with them now.`}${warnings}`,
        };
      }
      if (sub === 'remove') {
        const confirmName = need(opts, 'confirm', "the company's name, typed out, to confirm the removal");
        const r = await call(core, 'companies.remove', {
          companyId: companyId(),
          confirmName,
          keepBackups: opts['keep-backups'] === true,
        });
        return { json: r, text: `Removed ${r.name}: ${removalSummary(r)}${r.warning ? `\n${r.warning}` : ''}` };
      }
      throw new UsageError(
        'Use `companies add …`, `companies list`, `companies credentials …` or `companies remove …`.',
      );
    case 'fields': {
      const fields = await call(core, 'companies.fields', { companyId: companyId(), refresh: true });
      const json = fields.map((f) => ({ key: f.key, label: f.label, type: f.type, sample: f.sample }));
      return {
        json,
        text: fields
          .map((f) => `${f.key.padEnd(32)} ${f.label} (${f.type})${f.sample ? ` e.g. ${f.sample}` : ''}`)
          .join('\n'),
      };
    }
    case 'mapping': {
      const id = companyId();
      if (typeof opts.set === 'string')
        await call(core, 'mapping.set', { companyId: id, mapping: readJsonFile(opts.set, 'set') });
      const m = await call(core, 'mapping.get', { companyId: id });
      const whole = Object.fromEntries(PAYROLL_FIELDS.map((f) => [f, m[f] ?? null]));
      return { json: whole, text: PAYROLL_FIELDS.map((f) => `${f.padEnd(20)} ← ${m[f] ?? '(do not map)'}`).join('\n') };
    }
    case 'filters': {
      const id = companyId();
      const rules =
        typeof opts.set === 'string'
          ? await call(core, 'filters.set', { companyId: id, filters: readJsonFile(opts.set, 'set') })
          : await call(core, 'filters.get', { companyId: id });
      return {
        json: rules,
        text: rules.length
          ? rules.map((r, i) => `${i + 1}. ${r.mode} ${r.field} ${r.operator} ${r.values.join(', ')}`).join('\n')
          : 'No filters: everyone is synced.',
      };
    }
    case 'settings': {
      const id = companyId();
      const s =
        typeof opts.set === 'string'
          ? await call(core, 'settings.set', { companyId: id, patch: readJsonFile(opts.set, 'set') })
          : await call(core, 'settings.get', { companyId: id });
      return { json: s, text: JSON.stringify(s, null, 2) };
    }
    case 'preview': {
      const p = await call(core, 'companies.preview', { companyId: companyId() });
      const json = { included: p.included, excluded: p.excluded, employees: p.employees };
      return {
        json,
        text: `${p.included} included, ${p.excluded} excluded\n${p.employees.map((e) => `${e.included ? 'IN ' : 'OUT'} ${e.externalId} ${e.name}: ${e.reason}`).join('\n')}`,
      };
    }
    case 'sync':
      return syncCommand(core, opts);
    case 'run':
      return runScheduler(core, opts);
    case 'employees': {
      const id = companyId();
      await call(core, 'companies.get', { companyId: id });
      const list = core.reports.employees(id);
      const json = list.map(({ employeeId: _e, ...rest }) => rest);
      return {
        json,
        text:
          list
            .map(
              (e) =>
                `${e.externalId.padEnd(12)} ${(e.fields.firstName ?? '') + ' ' + (e.fields.lastName ?? '')}  ${e.state}/${e.readiness}${e.problems.length ? `  (${e.problems.length} ${e.problems.length === 1 ? 'problem' : 'problems'})` : ''}`,
            )
            .join('\n') || 'No employees synced yet.',
      };
    }
    case 'history': {
      const runs = await call(core, 'sync.history', { companyId: companyId(), limit: 500 });
      const json = runs.map((r) => ({
        runId: r.runId,
        trigger: r.trigger,
        status: r.status,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        counts: r.counts,
        ...(r.error ? { error: r.error } : {}),
        ...(r.note ? { note: r.note } : {}),
      }));
      return {
        json,
        text:
          runs
            .map(
              (r) =>
                `${r.startedAt}  ${r.trigger.padEnd(14)} ${r.status}${r.error ? `: ${r.error.message}` : r.note && r.status !== 'succeeded' ? `: ${r.note}` : ''}`,
            )
            .join('\n') || 'No syncs yet.',
      };
    }
    case 'changes': {
      const id = companyId();
      await call(core, 'companies.get', { companyId: id });
      const rows = core.reports.changes(id, typeof opts.employee === 'string' ? opts.employee : undefined);
      return {
        json: rows,
        text:
          rows
            .map((c) => `${c.at}  ${c.externalId}  ${c.field}: ${c.from ?? '(blank)'} → ${c.to ?? '(blank)'}`)
            .join('\n') || 'No field changes recorded yet.',
      };
    }
    case 'payslips':
      return payslipsCommand(core, sub, opts);
    case 'export':
      return exportCommand(core, sub, opts);
    case 'report':
      return reportCommand(core, sub, opts);
    default:
      throw new UsageError(
        verb
          ? `Unknown command "${verb}". Run with --help to see the commands.`
          : 'No command given. Run with --help to see the commands.',
      );
  }
}

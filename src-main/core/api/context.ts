import { createHash } from 'node:crypto';
import type { Credentials } from '../../contract/providers';
import type { Db } from '../db/open';
import { CompanyRepository, type CompanyRow } from '../db/repositories/companies';
import { EmployeeRepository } from '../db/repositories/employees';
import { RunRepository } from '../db/repositories/runs';
import { AppError } from '../errors';
import type { HttpOptions } from '../hr/http';
import { createHrClient, type VendorOptions } from '../hr/registry';
import type { HrClient } from '../hr/types';
import type { Clock, Logger, SecretStore } from '../ports';
import { ensureDemoHr, DEMO_VENDOR } from '../demo/demo-hr';
import type { Emit } from './types';

/** What every handler needs: repositories, ports, and a way to reach a company's HR system. */
export interface CoreContext {
  db: Db;
  companies: CompanyRepository;
  employees: EmployeeRepository;
  runs: RunRepository;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  emit: Emit;
  mode: 'desktop' | 'browser' | 'cli';
  dataDir: string;
  version: string;
  http?: Partial<HttpOptions>;
  vendors?: VendorOptions;
  clientFor(company: CompanyRow): Promise<HrClient>;
  clientForCredentials(credentials: Credentials, baseUrl: string | null): Promise<HrClient>;
  /** Drops the company's cached client (and the credentials it holds in memory). */
  forgetClient(companyId: string): void;
}

export function secretRefFor(companyId: string): string {
  return `company:${companyId}`;
}

export function buildContext(
  base: Omit<CoreContext, 'companies' | 'employees' | 'runs' | 'clientFor' | 'clientForCredentials' | 'forgetClient'>,
): CoreContext {
  // One client per company for the life of the core, so a Personio token is reused across syncs and
  // "Sync now" costs one HR call. A change of credentials or address makes a new client.
  const clients = new Map<string, { key: string; client: HrClient }>();
  const { logger, http, vendors } = base;
  const clientOpts = { logger, http, vendors };
  const ctx: CoreContext = {
    ...base,
    companies: new CompanyRepository(base.db),
    employees: new EmployeeRepository(base.db),
    runs: new RunRepository(base.db),
    async clientForCredentials(credentials, baseUrl) {
      if (credentials.provider === 'demo') {
        const demo = await ensureDemoHr();
        return createHrClient(demo.credentials, demo.baseUrl, clientOpts);
      }
      return createHrClient(credentials, baseUrl, clientOpts);
    },
    async clientFor(company) {
      const raw =
        company.provider === 'demo' ? 'demo' : company.secretRef ? await base.secrets.get(company.secretRef) : null;
      const key = createHash('sha256')
        .update(`${raw ?? ''}\u0000${company.baseUrl ?? ''}`)
        .digest('hex');
      const hit = clients.get(company.id);
      if (hit && hit.key === key) return hit.client;
      const client = await makeClient(company, raw);
      clients.set(company.id, { key, client });
      return client;
    },
    forgetClient(companyId) {
      clients.delete(companyId);
    },
  };

  async function makeClient(company: CompanyRow, raw: string | null): Promise<HrClient> {
    if (company.provider === 'demo') return ctx.clientForCredentials({ provider: 'demo' }, null);
    if (!raw) {
      throw new AppError(
        'AUTH_FAILED',
        `Bureau Sync has no credentials stored for ${company.name}. Open the company's settings and enter them again.`,
      );
    }
    return createHrClient(JSON.parse(raw) as Exclude<Credentials, { provider: 'demo' }>, company.baseUrl, clientOpts);
  }
  return ctx;
}

/** The vendor behind a company, for vendor-keyed tables (the demo company is served by a fake of DEMO_VENDOR). */
export function vendorOf(company: Pick<CompanyRow, 'provider'>) {
  return company.provider === 'demo' ? DEMO_VENDOR : company.provider;
}

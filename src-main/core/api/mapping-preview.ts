import type { Mapping } from '../../contract/mapping';
import type { MappingPreview } from '../../contract/index';
import type { ProviderRecord } from '../hr/types';
import { SALARY_PERIOD_KEY } from '../hr/registry';
import { evaluateEmployee } from '../payroll/evaluate';
import { londonDate } from '../sync/dates';
import { requireCompany } from './companies';
import { vendorOf, type CoreContext } from './context';

/**
 * What a changed field matching would do, before it is saved: the payroll rules run again on every current
 * employee's HR record as the last sync saw it, under the new matching, and their readiness is compared with
 * what is stored. Nothing is written; the HR system is not asked (the next sync reads it afresh).
 */
export function previewMapping(ctx: CoreContext, companyId: string, mapping: Mapping): MappingPreview {
  const c = requireCompany(ctx, companyId);
  const today = londonDate(ctx.clock.now());
  const salaryPeriodKey = SALARY_PERIOD_KEY[vendorOf(c)];
  const out: MappingPreview = { employees: 0, toReady: 0, toPending: 0 };
  for (const e of ctx.employees.mapByIdentity(c.id).values()) {
    if (e.state !== 'active') continue;
    const ev = evaluateEmployee({
      record: JSON.parse(e.recordJson) as ProviderRecord,
      mapping,
      previous: e.values,
      defaults: c.settings.defaults,
      syncSalaries: c.settings.syncSalaries && c.canReadSalaries,
      salaryPeriodKey,
      today,
    });
    out.employees += 1;
    if (ev.readiness !== e.readiness) {
      if (ev.readiness === 'ready') out.toReady += 1;
      else out.toPending += 1;
    }
  }
  return out;
}

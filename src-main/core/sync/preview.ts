import type { PreviewResult } from '../../contract/index';
import { evaluateFilters } from '../filters/evaluate';
import type { HrClient } from '../hr/types';
import { rawName, type PlanConfig } from './plan';

/** Who a sync under `cfg` would include and exclude, and why: one read of the HR system, nothing written. */
export async function previewFilters(client: HrClient, cfg: PlanConfig, signal?: AbortSignal): Promise<PreviewResult> {
  const employees: PreviewResult['employees'] = [];
  const res = await client.listEmployees({
    signal,
    includeSalaries: false,
    onPage: (page) => {
      for (const r of page) {
        const v = evaluateFilters(cfg.filters, r.fields, cfg.labels);
        employees.push({
          externalId: r.externalId,
          name: rawName(r, cfg.mapping) || r.externalId,
          included: v.included,
          reason: v.reason,
        });
      }
    },
  });
  const included = employees.filter((e) => e.included).length;
  return { included, excluded: employees.length - included, complete: res.complete, employees };
}

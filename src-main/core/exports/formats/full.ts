import { PAYROLL_FIELDS, PAYROLL_FIELD_LABELS } from '../../../contract/payroll';
import { plain, type Column } from '../encode';
import type { PayrollFormat } from './types';

/** Bureau Sync's own CSV: every payroll field as stored (ISO dates, canonical values), headed by its label. */
export const full: PayrollFormat = {
  id: 'full',
  slug: 'payroll-fields',
  notes: [
    'Every payroll field as Bureau Sync stores it: dates yyyy-mm-dd, the tax code as the HR system holds it (with any W1/M1), gender male/female.',
  ],
  columns() {
    const cols: Column[] = [{ header: 'Status', cell: (e) => (e.state === 'leaver' ? 'Leaver' : 'Active') }];
    for (const f of PAYROLL_FIELDS) cols.push({ header: PAYROLL_FIELD_LABELS[f], cell: plain(f) });
    return cols;
  },
};

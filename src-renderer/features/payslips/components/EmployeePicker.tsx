import { useEffect, useId, useState } from 'react';
import type { EmployeeRow } from '../../../../src-main/contract/employees';
import type { PayslipEmployee } from '../../../../src-main/contract/payslips';
import { api } from '../../../lib/bridge';

type Option = { id: number; label: string };

/**
 * Who an unmatched or ambiguous payslip is for: the candidates matching found, or any employee found by
 * searching the company's list (fine at 50,000: the search runs in the database, 20 results at a time).
 */
export function EmployeePicker({
  companyId,
  file,
  candidates,
  onPick,
}: {
  companyId: string;
  file: string;
  candidates: PayslipEmployee[];
  onPick: (id: number | null) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<EmployeeRow[]>([]);
  useEffect(() => {
    if (query.trim().length < 2) return;
    let live = true;
    const t = setTimeout(async () => {
      const res = await api['employees.list']({ companyId, search: query.trim(), status: 'all', offset: 0, limit: 20 });
      if (live && res.ok) setFound(res.value.rows);
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [companyId, query]);
  const shown = query.trim().length < 2 ? [] : found;
  const options: Option[] = [
    ...candidates.map((c) => ({ id: c.employeeId, label: `${c.name} (${c.identity})` })),
    ...shown
      .filter((r) => !candidates.some((c) => c.employeeId === r.id))
      .map((r) => ({ id: r.id, label: `${r.name} (${r.identity})` })),
  ];
  return (
    <div className="picker">
      <label className="visually-hidden" htmlFor={`${id}-q`}>
        Find the employee for {file}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        placeholder="Find by name or ID"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
      />
      <select
        aria-label={`Employee for ${file}`}
        value=""
        onChange={(e) => {
          if (e.target.value === '__skip__') onPick(null);
          else if (e.target.value) onPick(Number(e.target.value));
        }}
      >
        <option value="">{options.length ? `Choose (${options.length})…` : 'Search to choose…'}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
        <option value="__skip__">Leave this file out</option>
      </select>
    </div>
  );
}

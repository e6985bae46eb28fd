import { useShallow } from 'zustand/react/shallow';
import { STATUS_FILTERS } from '../../../../src-main/contract/employees';
import { formatCount } from '../../../lib/format';
import { STATUS_LABELS } from '../logic';
import { useEmployees } from '../store';

/** Search box and the status filter (All / Ready / Pending / Leaver / Excluded / Missing, with counts). */
export function EmployeeToolbar() {
  const { searchText, status, counts } = useEmployees(
    useShallow((s) => ({ searchText: s.searchText, status: s.status, counts: s.counts })),
  );
  const { setSearchText, setStatus } = useEmployees.getState();
  return (
    <div className="toolbar">
      <div className="search-field">
        <label htmlFor="employee-search">Search</label>
        <input
          id="employee-search"
          type="search"
          placeholder="Name or employee ID"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && searchText) {
              e.preventDefault();
              setSearchText('');
            }
          }}
          data-testid="employee-search"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="segmented" role="group" aria-label="Show employees by status">
        {STATUS_FILTERS.map((f) => {
          const n = counts[f];
          return (
            <button
              key={f}
              type="button"
              className={`segment segment-${f}`}
              aria-pressed={status === f}
              onClick={() => setStatus(f)}
              data-testid={`filter-${f}`}
            >
              {STATUS_LABELS[f]}
              <span className="segment-count" data-testid={`filter-count-${f}`}>
                {n === undefined ? '…' : formatCount(n)}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}

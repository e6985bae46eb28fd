import { useShallow } from 'zustand/react/shallow';
import { openEmployee } from '../../../app/navStore';
import { Badge } from '../../../ui/Badge';
import { useSearch } from '../store';

const MATCHED: Record<string, string> = { name: 'name', employeeId: 'employee ID', niNumber: 'NI number' };

/** Finds an employee in every company by name, employee ID or NI number; a result opens their record. */
export function CrossCompanySearch() {
  const s = useSearch(useShallow((st) => ({ text: st.text, hits: st.hits, status: st.status, message: st.message })));
  const setText = useSearch((st) => st.setText);
  return (
    <section className="cross-search card" aria-label="Search across companies" data-testid="cross-search">
      <label htmlFor="cross-search-input" className="field-label">
        Find an employee in any company
      </label>
      <input
        id="cross-search-input"
        type="search"
        placeholder="Name, employee ID or NI number"
        value={s.text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setText('')}
        autoComplete="off"
        spellCheck={false}
      />
      {s.status === 'error' && <p className="hint">{s.message}</p>}
      {s.status === 'ready' && s.hits.length === 0 && (
        <p className="hint" data-testid="search-empty">
          No employee in any company matches “{s.text.trim()}”.
        </p>
      )}
      {s.hits.length > 0 && (
        <ul className="search-hits" aria-label="Employees found" data-testid="search-hits">
          {s.hits.map((h) => (
            <li key={`${h.companyId}-${h.employeeId}`}>
              <button
                type="button"
                className="search-hit"
                data-testid="search-hit"
                onClick={() => openEmployee(h.companyId, h.employeeId)}
              >
                <strong>{h.name}</strong>
                <span className="muted">
                  {h.companyName} · {h.identity} · matched by {MATCHED[h.matchedBy]}
                </span>
                {h.state === 'active' || h.state === 'leaver' ? (
                  <Badge tone={h.readiness === 'ready' ? 'green' : 'amber'}>
                    {h.state === 'leaver'
                      ? `Leaver, ${h.readiness === 'ready' ? 'Ready' : 'Pending'}`
                      : h.readiness === 'ready'
                        ? 'Ready'
                        : 'Pending'}
                  </Badge>
                ) : (
                  <Badge tone="grey">{h.state === 'excluded' ? 'Excluded' : 'Missing'}</Badge>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

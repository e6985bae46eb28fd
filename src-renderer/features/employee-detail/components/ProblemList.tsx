import type { Problem } from '../../../../src-main/contract/payroll';
import { PAYROLL_FIELD_LABELS } from '../../../../src-main/contract/payroll';
import { Badge } from '../../../ui/Badge';

/** Each problem with the value the HR system actually sent, so the clerk knows what to fix there. */
export function ProblemList({ problems }: { problems: Problem[] }) {
  return (
    <section className="card" aria-labelledby="problems-title" data-testid="problem-list">
      <h2 id="problems-title">
        Problems {problems.length > 0 && <span className="count-pill">{problems.length}</span>}
      </h2>
      {problems.length === 0 ? (
        <p className="muted">No problems: everything payroll needs is present and valid.</p>
      ) : (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={`${p.field}-${p.code}-${i}`} className={`problem problem-${p.severity}`}>
              <div className="problem-head">
                <Badge tone={p.severity === 'error' ? 'amber' : 'grey'}>
                  {p.severity === 'error' ? 'Blocks payroll' : 'Warning'}
                </Badge>
                <strong>{PAYROLL_FIELD_LABELS[p.field]}</strong>
              </div>
              <p className="problem-message">{p.message}</p>
              <p className="problem-value">
                HR system sent:{' '}
                {p.value === null || p.value === '' ? <em className="muted">nothing</em> : <code>{p.value}</code>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import type { FieldChange } from '../../../../src-main/contract/employees';
import { PAYROLL_FIELD_LABELS } from '../../../../src-main/contract/payroll';
import { formatDateTime } from '../../../lib/format';
import { RelativeTime } from '../../../ui/RelativeTime';
import { displayValue } from '../logic';

const show = (c: FieldChange, v: string | null) =>
  v === null || v === '' ? <span className="muted">blank</span> : displayValue(c.field, v, null);

/** What each sync changed for this employee, newest first. */
export function ChangeHistory({ changes }: { changes: FieldChange[] }) {
  return (
    <section className="card" aria-labelledby="changes-title" data-testid="change-history">
      <h2 id="changes-title">Change history</h2>
      {changes.length === 0 ? (
        <p className="muted">No changes recorded yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Field</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c, i) => (
              <tr key={`${c.runId}-${c.field}-${i}`}>
                <td>
                  <span className="nowrap">{formatDateTime(c.at)}</span>{' '}
                  <span className="muted">
                    (<RelativeTime at={c.at} />)
                  </span>
                </td>
                <th scope="row">{PAYROLL_FIELD_LABELS[c.field]}</th>
                <td>{show(c, c.from)}</td>
                <td>{show(c, c.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

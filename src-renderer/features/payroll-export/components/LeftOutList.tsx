import type { LeftOut } from '../../../../src-main/contract/exports';
import { Badge } from '../../../ui/Badge';

/** Everyone the file leaves out, with every reason: Pending employees are never exported silently. */
export function LeftOutList({ leftOut }: { leftOut: LeftOut[] }) {
  if (leftOut.length === 0) return <p className="muted">Nobody is left out: every current employee is Ready.</p>;
  return (
    <table className="table" data-testid="left-out">
      <thead>
        <tr>
          <th scope="col">Employee</th>
          <th scope="col">Employee ID</th>
          <th scope="col">Why they are not in the file</th>
        </tr>
      </thead>
      <tbody>
        {leftOut.map((l) => (
          <tr key={l.employeeId} data-testid="left-out-row">
            <th scope="row">{l.name}</th>
            <td className="mono">{l.identity}</td>
            <td>
              <Badge tone={l.kind === 'pending' ? 'amber' : 'red'}>
                {l.kind === 'pending' ? 'Pending' : 'The payroll software cannot hold a value'}
              </Badge>
              <ul className="reason-list">
                {l.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

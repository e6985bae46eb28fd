import type { EmployeeDetail } from '../../../../src-main/contract/employees';
import { fieldLines } from '../logic';

/** Every payroll field, its value, and where the value came from. */
export function FieldTable({ detail }: { detail: EmployeeDetail }) {
  const lines = fieldLines(detail);
  return (
    <section className="card" aria-labelledby="fields-title">
      <h2 id="fields-title">Payroll fields</h2>
      <table className="table fields-table" data-testid="field-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            <th scope="col">Comes from</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.field} className={l.problem ? `has-${l.problem}` : undefined}>
              <th scope="row">{l.label}</th>
              <td className="field-value">{l.value === '' ? <span className="muted">Blank</span> : l.value}</td>
              <td className="muted">{l.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { formatDate } from '../../../lib/format';
import { Badge } from '../../../ui/Badge';
import { RelativeTime } from '../../../ui/RelativeTime';
import { DELIVERY_LABELS, DELIVERY_TONES } from '../logic';
import { usePayslips } from '../store';

/** Every delivery attempt for this company, newest first. */
export function DeliveryHistory() {
  const history = usePayslips((s) => s.history);
  const rows = history.value ?? [];
  return (
    <section className="card" aria-labelledby="deliveries-title" data-testid="payslip-history">
      <h2 id="deliveries-title">Delivery history</h2>
      {history.status === 'error' && <p className="muted">{history.error?.message}</p>}
      {history.status === 'ready' && rows.length === 0 && (
        <p className="muted">No payslips sent for this company yet.</p>
      )}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Pay date</th>
              <th scope="col">Employee</th>
              <th scope="col">File</th>
              <th scope="col">Result</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-testid="payslip-delivery">
                <td>{formatDate(d.payDate)}</td>
                <td>{d.employee.name}</td>
                <td className="mono small">{d.file}</td>
                <td>
                  <Badge tone={DELIVERY_TONES[d.status]}>{DELIVERY_LABELS[d.status]}</Badge>
                  {d.error && <p className="attempt-error">{d.error.message}</p>}
                </td>
                <td>
                  <RelativeTime at={d.at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

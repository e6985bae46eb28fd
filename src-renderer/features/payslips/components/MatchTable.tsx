import type { PayslipMatchReport } from '../../../../src-main/contract/payslips';
import { Badge } from '../../../ui/Badge';
import { MATCH_LABELS, MATCH_TONES, matchSummary, needsPerson } from '../logic';
import { usePayslips } from '../store';
import { EmployeePicker } from './EmployeePicker';

/** Every file in the folder: who it is for and how that was decided, or what a person must choose. */
export function MatchTable({ report }: { report: PayslipMatchReport }) {
  const { assign } = usePayslips.getState();
  return (
    <section className="card" aria-labelledby="match-title" data-testid="payslip-matches">
      <h2 id="match-title">Files in the folder</h2>
      <p className="muted" data-testid="match-summary">
        {matchSummary(report.counts)}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">For</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {report.files.map((f) => (
            <tr key={f.file} data-testid="payslip-file" data-status={f.status}>
              <th scope="row" className="mono">
                {f.file}
              </th>
              <td>
                <Badge tone={MATCH_TONES[f.status]}>{MATCH_LABELS[f.status]}</Badge>{' '}
                {f.alreadyDelivered && <Badge tone="blue">Already delivered</Badge>}
              </td>
              <td>
                {needsPerson(f) ? (
                  <EmployeePicker
                    companyId={report.companyId}
                    file={f.file}
                    candidates={f.candidates}
                    onPick={(id) => void assign(f.file, id)}
                  />
                ) : (
                  (f.employee?.name ?? '—')
                )}
              </td>
              <td className="small">{f.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

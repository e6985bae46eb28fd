import type { PayslipSendResult } from '../../../../src-main/contract/payslips';
import { Badge } from '../../../ui/Badge';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { DELIVERY_LABELS, DELIVERY_TONES, failedFiles, sendSummary } from '../logic';
import { usePayslips } from '../store';

/** What happened to each file, in words, with "Retry failed" when something did not go through. */
export function SendResults({ result, busy }: { result: PayslipSendResult; busy: boolean }) {
  const summary = sendSummary(result);
  const failed = failedFiles(result);
  return (
    <section className="card" aria-labelledby="send-title" data-testid="payslip-results">
      <h2 id="send-title">Sent{result.category ? ` to “${result.category.name}”` : ''}</h2>
      <Banner
        tone={summary.tone}
        title={summary.title}
        testId="payslip-send-summary"
        action={
          failed.length > 0 ? (
            <Button busy={busy} onClick={() => void usePayslips.getState().retryFailed()}>
              Retry failed
            </Button>
          ) : undefined
        }
      />
      <ul className="result-list">
        {result.results.map((r) => (
          <li key={r.file} data-testid="payslip-result" data-status={r.status}>
            <Badge tone={DELIVERY_TONES[r.status]}>{DELIVERY_LABELS[r.status]}</Badge>{' '}
            <span className="mono">{r.file}</span>
            <span className="small"> — {r.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

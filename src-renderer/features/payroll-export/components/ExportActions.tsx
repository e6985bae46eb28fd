import { Button } from '../../../ui/Button';
import { useExport } from '../store';

/** On the Employees tab: open the export screen, or save the Pending report for the client's HR contact. */
export function ExportActions({ companyId }: { companyId: string }) {
  const busy = useExport((s) => s.busy);
  const { show, pendingReport } = useExport.getState();
  return (
    <div className="export-actions" data-testid="export-actions">
      <Button variant="primary" onClick={() => void show(companyId)}>
        Export for payroll…
      </Button>
      <Button
        busy={busy === 'pdf'}
        disabled={busy !== null}
        onClick={() => void pendingReport(companyId, 'pdf')}
        title="The Pending employees, what to fix and where in the HR system: a PDF to email to the client"
      >
        Pending report (PDF)
      </Button>
      <Button busy={busy === 'csv'} disabled={busy !== null} onClick={() => void pendingReport(companyId, 'csv')}>
        Pending report (CSV)
      </Button>
    </div>
  );
}

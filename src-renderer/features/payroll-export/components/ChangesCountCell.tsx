import { openCompany } from '../../../app/navStore';
import { Badge } from '../../../ui/Badge';
import { useChangesCounts, useExport } from '../store';

/** The home page's "To export" cell: employees awaiting the next pay run, bank-detail changes called out. */
export function ChangesCountCell({ companyId, name }: { companyId: string; name: string }) {
  const c = useChangesCounts((s) => s.byCompany[companyId]);
  const open = () => {
    openCompany(companyId, 'employees');
    void useExport.getState().show(companyId);
  };
  if (!c || c.count === null) {
    return (
      <td className="num muted" data-testid="count-changes" title="No export recorded yet">
        Not exported yet
      </td>
    );
  }
  return (
    <td className="num" data-testid="count-changes">
      <button
        type="button"
        className="count-link"
        onClick={open}
        aria-label={`${c.count} changes awaiting the next pay run for ${name}`}
      >
        {c.count}
      </button>
      {c.bankChanges > 0 && (
        <Badge tone="red" title="Bank details changed: confirm with the employee before paying">
          {c.bankChanges} bank
        </Badge>
      )}
    </td>
  );
}

import { useEffect } from 'react';
import { EXPORT_FORMAT_NAMES } from '../../../../src-main/contract/exports';
import { formatDateTime } from '../../../lib/format';
import { EmptyState } from '../../../ui/EmptyState';
import { useExport } from '../store';

/** Every export of this company: when, what, who, how many, and the file's SHA-256 to prove which file it was. */
export function ExportsHistory({ companyId }: { companyId: string }) {
  const history = useExport((s) => (s.companyId === companyId ? s.history : []));
  const loaded = useExport((s) => s.historyLoaded && s.companyId === companyId);
  useEffect(() => {
    useExport.setState({ companyId, historyLoaded: false, open: false });
    void useExport.getState().loadHistory(companyId);
  }, [companyId]);
  if (loaded && history.length === 0) {
    return (
      <EmptyState title="No exports yet">
        Exports for the payroll software appear here. Use “Export for payroll…” on the Employees tab.
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table exports-table" data-testid="exports-history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Format</th>
            <th scope="col">File</th>
            <th scope="col">By</th>
            <th scope="col" className="num">
              Employees
            </th>
            <th scope="col" className="num">
              Left out
            </th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {history.map((r) => (
            <tr key={r.id} data-testid="export-row">
              <td className="nowrap">{formatDateTime(r.at)}</td>
              <td>
                {EXPORT_FORMAT_NAMES[r.format]}
                {r.changesOnly && <span className="muted"> · changes only</span>}
              </td>
              <td className="mono small">{r.path ?? r.filename}</td>
              <td>{r.user}</td>
              <td className="num">{r.employees}</td>
              <td className="num">{r.leftOut}</td>
              <td className="mono small hash" data-testid="export-hash">
                {r.sha256}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

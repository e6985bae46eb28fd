import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EXPORT_FORMAT_NAMES } from '../../../../src-main/contract/exports';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { Loading } from '../../../ui/Spinner';
import { useExport } from '../store';
import { ChangesPackView } from './ChangesPackView';
import { LeftOutList } from './LeftOutList';
import { PayrollSoftwareForm } from './PayrollSoftwareForm';

/** Export for payroll: the company's payroll software, what changed since the last export, the file, who is left out. */
export function ExportScreen({ companyId }: { companyId: string }) {
  const s = useExport(
    useShallow((st) => ({
      target: st.target,
      loaded: st.loaded,
      editing: st.editing,
      preview: st.preview,
      changesPreview: st.changesPreview,
      pack: st.pack,
      busy: st.busy,
      error: st.error,
      notice: st.notice,
    })),
  );
  const { close, edit, exportFile, dismiss, show } = useExport.getState();
  useEffect(() => {
    if (useExport.getState().companyId !== companyId) void show(companyId);
  }, [companyId, show]);

  const pending = s.preview?.leftOut.filter((l) => l.kind === 'pending').length ?? 0;
  return (
    <div className="export-screen" data-testid="export-screen">
      <div className="export-head">
        <button type="button" className="link-button" onClick={close}>
          ← Back to employees
        </button>
        <h2>Export for payroll</h2>
      </div>
      {s.notice && (
        <Banner tone={s.notice.tone} title={s.notice.title} onDismiss={dismiss} testId="export-notice">
          {s.notice.text}
        </Banner>
      )}
      {s.error && (
        <Banner tone="error" title="Bureau Sync could not prepare the export" testId="export-error">
          {s.error.message}
        </Banner>
      )}
      {!s.loaded && <Loading label="Loading…" />}
      {s.loaded && (
        <section className="card" aria-labelledby="software-title">
          <h3 id="software-title">Payroll software</h3>
          {s.editing || !s.target ? (
            <>
              {!s.target && (
                <p className="hint">
                  Choose once which payroll software this company's employees are loaded into; every export uses it
                  until you change it.
                </p>
              )}
              <PayrollSoftwareForm initial={s.target} />
            </>
          ) : (
            <div className="software-summary">
              <p>
                <strong data-testid="payroll-software">{EXPORT_FORMAT_NAMES[s.target.format]}</strong>{' '}
                <Button size="small" variant="ghost" onClick={() => edit(true)}>
                  Change
                </Button>
              </p>
              {s.preview && s.preview.notes.length > 0 && (
                <ul className="format-notes hint">
                  {s.preview.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>
      )}
      {s.target && !s.editing && s.pack && (
        <section className="card" aria-labelledby="pack-title">
          <h3 id="pack-title">What changed since the last export</h3>
          <ChangesPackView pack={s.pack} />
        </section>
      )}
      {s.target && !s.editing && s.preview && (
        <section className="card" aria-labelledby="file-title">
          <h3 id="file-title">The file</h3>
          <p>
            The full file holds <strong data-testid="export-count">{s.preview.included}</strong> Ready{' '}
            {s.preview.included === 1 ? 'employee' : 'employees'} (active, and leavers with their leave date).
            {pending > 0 &&
              ` ${pending} Pending ${pending === 1 ? 'employee is' : 'employees are'} left out, listed below with the reasons.`}
          </p>
          <div className="form-actions start">
            <Button
              variant="primary"
              busy={s.busy === 'full'}
              disabled={s.busy !== null || s.preview.included === 0}
              onClick={() => void exportFile(false)}
            >
              Export {s.preview.included} Ready {s.preview.included === 1 ? 'employee' : 'employees'}
            </Button>
            {s.pack?.since && s.changesPreview && (
              <Button busy={s.busy === 'changes'} disabled={s.busy !== null} onClick={() => void exportFile(true)}>
                {s.changesPreview.nothingChanged
                  ? 'Export changes only (nothing changed)'
                  : `Export changes only (${s.changesPreview.included})`}
              </Button>
            )}
          </div>
          <h4 className="left-out-title">Left out of the file ({s.preview.leftOut.length})</h4>
          <LeftOutList leftOut={s.preview.leftOut} />
        </section>
      )}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount, formatDate } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { ProgressBar } from '../../../ui/ProgressBar';
import { needsPerson, parseUkDate } from '../logic';
import { usePayslips } from '../store';
import { ChooseFolderButton, useCanChooseFolder } from './ChooseFolderButton';
import { DeliveryHistory } from './DeliveryHistory';
import { MatchTable } from './MatchTable';
import { SendResults } from './SendResults';

/** Payslips: a pay run's PDFs from a folder into each employee's documents in the HR system. */
export function PayslipsPanel({ companyId }: { companyId: string }) {
  const canBrowse = useCanChooseFolder();
  const s = usePayslips(
    useShallow((st) => ({
      payDate: st.payDate,
      dir: st.dir,
      categoryId: st.categoryId,
      categories: st.categories,
      match: st.match,
      send: st.send,
      progress: st.progress,
    })),
  );
  const { open, setField, runMatch, sendAll, enableSending } = usePayslips.getState();
  useEffect(() => open(companyId), [companyId, open]);
  // Typed as dd/mm/yyyy whatever the computer's locale (a date picker would show mm/dd on some).
  const [dateText, setDateText] = useState(() => (s.payDate ? formatDate(s.payDate) : ''));
  const dateInvalid = dateText.trim() !== '' && !parseUkDate(dateText);

  const cats = s.categories.value;
  const switchedOff = s.categories.status === 'error' && s.categories.error?.code === 'VALIDATION';
  const report = s.match.value;
  const sending = s.send.status === 'loading';
  const sendable = report?.files.filter((f) => f.status === 'matched').length ?? 0;
  const waiting = report?.files.filter(needsPerson).length ?? 0;
  const canSend = !!report && sendable > 0 && !sending && (!cats?.required || !!s.categoryId);

  return (
    <div className="payslips" data-testid="payslips-panel">
      {s.categories.status === 'error' && s.categories.error && (
        <Banner
          tone={switchedOff ? 'warning' : 'error'}
          title={
            switchedOff
              ? 'Sending payslips is switched off for this company'
              : 'Could not read the HR system’s document categories'
          }
          action={
            switchedOff ? (
              <Button variant="primary" onClick={() => void enableSending()}>
                Switch it on
              </Button>
            ) : undefined
          }
          testId="payslips-off"
        >
          {s.categories.error.message}
        </Banner>
      )}
      <form
        className="card form payslip-form"
        aria-labelledby="payslip-form-title"
        onSubmit={(e) => {
          e.preventDefault();
          void runMatch();
        }}
      >
        <h2 id="payslip-form-title">Send payslips</h2>
        <div className="form-row">
          <div className="form-field">
            <label htmlFor="pay-date">Pay date</label>
            <input
              id="pay-date"
              className="date-input"
              value={dateText}
              placeholder="dd/mm/yyyy"
              aria-invalid={dateInvalid || undefined}
              aria-describedby="pay-date-hint"
              onChange={(e) => {
                setDateText(e.target.value);
                setField({ payDate: parseUkDate(e.target.value) ?? '' });
              }}
            />
            <p className="hint" id="pay-date-hint">
              {dateInvalid ? 'Enter a real date as dd/mm/yyyy.' : 'dd/mm/yyyy'}
            </p>
          </div>
          <div className="form-field grow">
            <label htmlFor="pay-folder">Folder with the payslip PDFs</label>
            <div className="input-with-button">
              <input
                id="pay-folder"
                className="mono"
                value={s.dir}
                onChange={(e) => setField({ dir: e.target.value })}
                placeholder="e.g. C:\Payroll\2026-03 or /Users/me/Payslips/March"
                autoComplete="off"
                spellCheck={false}
              />
              <ChooseFolderButton onChosen={(dir) => setField({ dir })} />
            </div>
            <p className="hint">
              Type or paste the folder’s full path{canBrowse ? ', or choose it' : ''}. One PDF per employee, named with
              their employee ID or name.
            </p>
          </div>
          {cats && (
            <div className="form-field">
              <label htmlFor="pay-category">Category in the HR system</label>
              {cats.freeText ? (
                <>
                  <input
                    id="pay-category"
                    list="pay-category-list"
                    value={s.categoryId}
                    onChange={(e) => setField({ categoryId: e.target.value })}
                    placeholder="e.g. Payslips"
                  />
                  <datalist id="pay-category-list">
                    {cats.categories.map((c) => (
                      <option key={c.id} value={c.name} />
                    ))}
                  </datalist>
                </>
              ) : (
                <select
                  id="pay-category"
                  value={s.categoryId}
                  onChange={(e) => setField({ categoryId: e.target.value })}
                >
                  {!cats.required && <option value="">No category</option>}
                  {cats.required && !s.categoryId && <option value="">Choose a category…</option>}
                  {cats.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </div>
          )}
        </div>
        <div className="form-actions">
          <Button
            type="submit"
            busy={s.match.status === 'loading'}
            disabled={!s.dir.trim() || !s.payDate || switchedOff}
          >
            Match files
          </Button>
          <Button variant="primary" busy={sending} disabled={!canSend} onClick={() => void sendAll()}>
            {sending ? 'Sending…' : `Send ${formatCount(sendable)} payslip${sendable === 1 ? '' : 's'}`}
          </Button>
        </div>
        {waiting > 0 && (
          <p className="hint">
            {waiting === 1 ? 'One file needs' : `${waiting} files need`} a person chosen before it can be sent; the rest
            can go now.
          </p>
        )}
        {sending && s.progress && (
          <ProgressBar
            value={s.progress.processed}
            total={s.progress.total}
            label={`Sending payslips: ${s.progress.processed} of ${s.progress.total}`}
          />
        )}
      </form>
      {s.match.status === 'error' && s.match.error && (
        <Banner tone="error" title="Could not read the folder" testId="payslip-match-error">
          {s.match.error.message}
        </Banner>
      )}
      {s.send.status === 'error' && s.send.error && (
        <Banner tone="error" title="The payslips were not sent">
          {s.send.error.message}
        </Banner>
      )}
      {s.send.value && <SendResults result={s.send.value} busy={sending} />}
      {report && <MatchTable report={report} />}
      <DeliveryHistory />
    </div>
  );
}

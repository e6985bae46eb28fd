import { useEffect, useState } from 'react';
import { BACKUP_DAYS, type BackupInfo } from '../../../../src-main/contract/database';
import { formatBytes, formatDateTime, plural } from '../../../lib/format';
import { Button } from '../../../ui/Button';
import { useDatabase } from '../../database/store';
import { usePreferences } from '../store';

const KIND: Record<BackupInfo['kind'], string> = {
  daily: 'Daily',
  'pre-upgrade': 'Before an upgrade',
  other: 'Put there by hand (never deleted)',
};

/** Preferences → Backups: how long they are kept, and the ones there are, with their dates and sizes. */
export function BackupsSection({ keepDays, saving }: { keepDays: number; saving: boolean }) {
  const backups = useDatabase((s) => s.backups);
  const error = useDatabase((s) => s.backupsError);
  // What is typed, until it is saved (then the saved preference shows again).
  const [draft, setDraft] = useState<string | null>(null);
  const days = draft ?? String(keepDays);
  useEffect(() => {
    void useDatabase.getState().loadBackups();
  }, []);
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= BACKUP_DAYS.min && n <= BACKUP_DAYS.max;

  return (
    <section className="card form backups-card" aria-labelledby="prefs-backups-title" data-testid="backups-section">
      <h2 id="prefs-backups-title">Backups</h2>
      <p className="hint">
        Once a day, and before each upgrade of Bureau Sync, a copy of the database is made, checked by SQLite, and kept
        {backups ? ` in ${backups.dir}` : ' in the backups folder'}, readable only by your user account. Older copies
        are deleted after the next daily backup; the newest is always kept.
      </p>
      <div className="form-field backup-days">
        <label htmlFor="backup-days">Keep backups for (days)</label>
        <div className="inline-row">
          <input
            id="backup-days"
            type="number"
            inputMode="numeric"
            min={BACKUP_DAYS.min}
            max={BACKUP_DAYS.max}
            value={days}
            aria-invalid={!valid || undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          <Button
            busy={saving}
            disabled={!valid || n === keepDays}
            onClick={() =>
              void usePreferences
                .getState()
                .setBackupDays(n)
                .then(() => setDraft(null))
            }
          >
            Save
          </Button>
        </div>
        {!valid && (
          <p className="hint field-error">
            Enter a whole number of days from {BACKUP_DAYS.min} to {BACKUP_DAYS.max}.
          </p>
        )}
      </div>
      {error && <p className="hint field-error">{error.message}</p>}
      {backups && backups.backups.length === 0 && (
        <p className="hint">No backups yet: the first is made within the hour.</p>
      )}
      {backups && backups.backups.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Backups">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">File</th>
              </tr>
            </thead>
            <tbody>
              {backups.backups.map((b) => (
                <tr key={b.file}>
                  <td>{formatDateTime(b.createdAt)}</td>
                  <td>{KIND[b.kind]}</td>
                  <td className="num">{formatBytes(b.bytes)}</td>
                  <td className="mono">{b.file}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {backups && backups.backups.length > 0 && (
        <p className="hint">{plural(backups.backups.length, 'backup')} kept.</p>
      )}
    </section>
  );
}

import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { useDatabase } from '../store';

/**
 * Above every screen while the database is damaged: what is wrong (the core's own sentence), that it is
 * read-only, and the newest good backup with a one-click restore (the damaged file is kept aside first).
 * After a restore, what was done.
 */
export function DatabaseNotice() {
  const s = useDatabase(useShallow((st) => ({ status: st.status, restoring: st.restoring, result: st.result })));
  useEffect(() => {
    void useDatabase.getState().load();
  }, []);
  const damaged = s.status?.state === 'damaged' ? s.status : null;
  const good = damaged?.newestGoodBackup ?? null;

  return (
    <div className="database-notice">
      {damaged && (
        <Banner
          tone="error"
          title="The database is damaged"
          testId="database-damaged"
          action={
            good && (
              <Button
                variant="primary"
                busy={s.restoring}
                onClick={() => void useDatabase.getState().restore(good.file)}
              >
                Restore the backup of {formatDateTime(good.createdAt)}
              </Button>
            )
          }
        >
          <p>{damaged.message}</p>
          {good && <p className="hint">The backup is {formatBytes(good.bytes)}; restoring it takes a moment.</p>}
        </Banner>
      )}
      {s.result && (
        <Banner
          tone={s.result.tone}
          title={s.result.tone === 'success' ? 'Backup restored' : 'Not restored'}
          testId="database-restore-result"
        >
          {s.result.text}
        </Banner>
      )}
    </div>
  );
}

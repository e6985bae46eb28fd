import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { goHome } from '../../../app/navStore';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { Loading } from '../../../ui/Spinner';
import { Checkbox } from '../../company-settings/components/Checkbox';
import { usePreferences } from '../store';
import { BackupsSection } from './BackupsSection';

/** App preferences (not per company): start at login, which events notify you, and how long backups are kept. */
export function PreferencesPage() {
  const s = usePreferences(
    useShallow((st) => ({ prefs: st.prefs, status: st.status, error: st.error, saving: st.saving, result: st.result })),
  );
  const { load, set } = usePreferences.getState();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="page" aria-labelledby="prefs-title" data-testid="preferences-page">
      <button type="button" className="link-button back-link" onClick={goHome}>
        ← All companies
      </button>
      <header className="page-header">
        <div>
          <h1 id="prefs-title">Preferences</h1>
          <p className="muted">How Bureau Sync behaves on this computer. Each change is saved straight away.</p>
        </div>
      </header>
      {s.status === 'error' && s.error && (
        <Banner
          tone="error"
          title="Could not read your preferences"
          action={<Button onClick={() => void load()}>Try again</Button>}
        >
          {s.error.message}
        </Banner>
      )}
      {!s.prefs && s.status !== 'error' && <Loading label="Loading preferences…" />}
      {s.prefs && (
        <div className="settings-grid">
          <section className="card form" aria-labelledby="prefs-start-title">
            <h2 id="prefs-start-title">Starting up</h2>
            <Checkbox
              label="Start Bureau Sync when I log in"
              checked={s.prefs.startAtLogin ?? false}
              disabled={s.prefs.startAtLogin === null}
              hint={
                s.prefs.startAtLogin === null
                  ? 'Not available here: starting at login works only in the desktop app, not in browser mode.'
                  : 'Scheduled syncs run only while Bureau Sync is open.'
              }
              onChange={(v) => void set('startAtLogin', v)}
            />
          </section>
          <section className="card form" aria-labelledby="prefs-notify-title">
            <h2 id="prefs-notify-title">Notifications</h2>
            <Checkbox
              label="Tell me when a sync fails"
              hint="A notification names the company and why, e.g. the HR system rejected the credentials."
              checked={s.prefs.notifyOnFailure}
              onChange={(v) => void set('notifyOnFailure', v)}
            />
            <Checkbox
              label="Tell me when employees become Pending"
              hint="After a sync, if employees who were Ready now have problems to fix before payroll."
              checked={s.prefs.notifyOnPending}
              onChange={(v) => void set('notifyOnPending', v)}
            />
            <p className="hint">
              Notifications appear in the desktop app; browser mode keeps the choice for when you use it.
            </p>
          </section>
          <BackupsSection keepDays={s.prefs.backupDays} saving={s.saving === 'backupDays'} />
        </div>
      )}
      {s.result && (
        <Banner
          tone={s.result.tone}
          title={s.result.tone === 'error' ? 'Preference not saved' : 'Saved'}
          testId="preferences-result"
        >
          {s.result.text}
        </Banner>
      )}
    </section>
  );
}

import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { useNav } from '../../../app/navStore';
import { useCompanies } from '../store';

/** First run: no companies yet. The demo is the quickest way to see what the app does. */
export function NoCompanies({ starting }: { starting: boolean }) {
  const addDemo = useCompanies((s) => s.addDemo);
  const go = useNav((s) => s.go);
  return (
    <EmptyState
      testId="no-companies"
      title="No client companies yet"
      action={
        <>
          <Button variant="primary" size="large" busy={starting} onClick={() => void addDemo()}>
            {starting ? 'Setting up the demo company…' : 'Try the demo company'}
          </Button>
          <Button size="large" onClick={() => go({ name: 'wizard' })} disabled={starting}>
            Connect a client’s HR system
          </Button>
        </>
      }
    >
      <p>
        Connect a client’s PeopleHR, Humaans or Personio account and Bureau Sync will pull their employees, check them
        against UK payroll rules and show who is ready for payroll.
      </p>
      <p className="muted">
        Not ready to connect a real account? The demo company comes with a few hundred made-up employees, some with
        problems to fix, so you can look around safely.
      </p>
    </EmptyState>
  );
}

import { goHome } from '../../../app/navStore';
import { Button } from '../../../ui/Button';
import { STEP_LABELS, WIZARD_STEPS } from '../logic';
import { useSetup } from '../setupStore';
import { useWizard } from '../store';
import { ChooseProvider } from './ChooseProvider';
import { CredentialsStep } from './CredentialsStep';
import { FiltersStep } from './FiltersStep';
import { MappingStep } from './MappingStep';
import { ReviewStep } from './ReviewStep';

export function leaveWizard(): void {
  useWizard.getState().reset();
  useSetup.getState().reset();
  goHome();
}

/** Connect a client's HR system: choose → credentials → filters → mapping → review and first sync. */
export function ConnectionWizard() {
  const step = useWizard((s) => s.step);
  const current = WIZARD_STEPS.indexOf(step);
  return (
    <section className="page wizard" aria-labelledby="wizard-title" data-testid="wizard">
      <header className="page-header">
        <div>
          <h1 id="wizard-title">Connect a client’s HR system</h1>
          <p className="muted">
            Bureau Sync reads employees from the HR system and never changes their records there. It writes one thing
            only: when “Send payslips through the HR system” is on for a company, the payslip PDFs you send from its
            Payslips tab are uploaded into each employee’s documents.
          </p>
        </div>
        <div className="page-actions">
          <Button onClick={leaveWizard}>{current >= 2 ? 'Finish later' : 'Cancel'}</Button>
        </div>
      </header>
      <ol className="steps" aria-label="Steps">
        {WIZARD_STEPS.map((s, i) => (
          <li
            key={s}
            className={i < current ? 'done' : i === current ? 'current' : ''}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="step-num" aria-hidden="true">
              {i + 1}
            </span>{' '}
            {STEP_LABELS[s]}
          </li>
        ))}
      </ol>
      <div className="wizard-body">
        {step === 'provider' && <ChooseProvider />}
        {step === 'credentials' && <CredentialsStep />}
        {step === 'filters' && <FiltersStep />}
        {step === 'mapping' && <MappingStep />}
        {step === 'review' && <ReviewStep />}
      </div>
    </section>
  );
}

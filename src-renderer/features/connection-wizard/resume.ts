import type { CompanySummary } from '../../../src-main/contract/companies';
import { useNav } from '../../app/navStore';
import { useSetup } from './setupStore';
import { useWizard } from './store';

/** "Resume set-up": the wizard again, at "Who to sync", for a company added but never reviewed. */
export function resumeSetup(company: CompanySummary): void {
  useSetup.getState().reset();
  void useWizard.getState().resume(company);
  useNav.getState().go({ name: 'wizard' });
}

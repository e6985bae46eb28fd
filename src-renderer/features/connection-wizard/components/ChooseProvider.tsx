import type { RealProvider } from '../../../../src-main/contract/providers';
import { PROVIDER_NAMES } from '../../../../src-main/contract/providers';
import { useWizard } from '../store';

const BLURB: Record<RealProvider, string> = {
  personio: 'Uses an API client ID and secret. You choose which field is the payroll Employee ID.',
  humaans: 'Uses an API access token from an Owner or Admin.',
  peoplehr: 'Uses an API key created by a PeopleHR administrator.',
};

export function ChooseProvider() {
  const choose = useWizard((s) => s.chooseProvider);
  return (
    <div className="card">
      <h2 id="choose-title">Which HR system does this client use?</h2>
      <div className="provider-grid" role="group" aria-labelledby="choose-title">
        {(['personio', 'humaans', 'peoplehr'] as const).map((p) => (
          <button key={p} type="button" className="provider-card" onClick={() => choose(p)}>
            <strong>{PROVIDER_NAMES[p]}</strong>
            <span className="muted">{BLURB[p]}</span>
          </button>
        ))}
      </div>
    </div>
  );
}

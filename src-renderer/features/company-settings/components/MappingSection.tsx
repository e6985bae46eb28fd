import { useEffect, useState } from 'react';
import type { CompanyDetail } from '../../../../src-main/contract/companies';
import type { AppErrorShape } from '../../../../src-main/contract/errors';
import type { MappingPreview } from '../../../../src-main/contract/index';
import type { Mapping } from '../../../../src-main/contract/mapping';
import { api } from '../../../lib/bridge';
import { plural } from '../../../lib/format';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { MappingGrid } from '../../connection-wizard/components/MappingStep';
import { useSetup } from '../../connection-wizard/setupStore';
import { savedOutcome } from '../logic';

/**
 * Settings → Field matching: the wizard's mapping grid, showing what is matched now. Before Save it says
 * how many employees the change would move between Ready and Pending (worked out from their last-synced
 * HR records, writing nothing), so a slip does not turn the whole payroll Pending unseen.
 */
export function MappingSection({ detail }: { detail: CompanyDetail }) {
  const mapping = useSetup((s) => s.mapping);
  const saved = useSetup((s) => s.suggested);
  // Tagged with the matching it was worked out for, so a stale answer is never shown for a newer edit.
  const [preview, setPreview] = useState<(MappingPreview & { forMapping: Mapping }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; error?: AppErrorShape } | null>(null);
  const changed = JSON.stringify(mapping) !== JSON.stringify(saved);

  useEffect(() => {
    if (!changed) return;
    let live = true;
    const t = setTimeout(() => {
      void api['mapping.preview']({ companyId: detail.id, mapping }).then(
        (r) => live && r.ok && setPreview({ ...r.value, forMapping: mapping }),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [changed, mapping, detail.id]);

  const save = async () => {
    setBusy(true);
    const res = await api['mapping.set']({ companyId: detail.id, mapping });
    setBusy(false);
    if (!res.ok) return setOutcome({ ok: false, text: 'Field matching not saved', error: res.error });
    // What is saved is now the baseline the grid compares with.
    useSetup.setState({ mapping: res.value, suggested: res.value });
    setOutcome({ ok: true, text: savedOutcome(detail.paused) });
  };

  return (
    <section
      className="card"
      id="settings-mapping"
      aria-labelledby="mapping-settings-title"
      data-testid="settings-mapping"
    >
      <h2 id="mapping-settings-title">Field matching</h2>
      <p className="muted">
        What each payroll field is read from now. “Do not map” leaves a payroll field untouched by syncs.
      </p>
      <MappingGrid catalogue={detail.catalogue} baselineLabel="Matched now" />
      {changed && preview && preview.forMapping === mapping && (
        <Banner tone={preview.toPending > 0 ? 'warning' : 'info'} title="Before you save" testId="mapping-impact">
          {preview.toPending + preview.toReady === 0
            ? `No employee would change between Ready and Pending (${plural(preview.employees, 'current employee')} checked against their last sync).`
            : `${plural(preview.toPending, 'employee')} would become Pending and ${plural(preview.toReady, 'employee')} Ready, of ${plural(preview.employees, 'current employee')}.`}
        </Banner>
      )}
      {outcome && (
        <Banner tone={outcome.ok ? 'success' : 'error'} title={outcome.text} testId="mapping-result">
          {outcome.error?.message}
        </Banner>
      )}
      <div className="form-actions">
        <Button disabled={!changed} onClick={() => useSetup.setState({ mapping: saved })}>
          Discard changes
        </Button>
        <Button variant="primary" busy={busy} disabled={!changed} onClick={() => void save()}>
          Save field matching
        </Button>
      </div>
    </section>
  );
}

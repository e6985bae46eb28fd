import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PAYROLL_FIELDS, PAYROLL_FIELD_LABELS } from '../../../../src-main/contract/payroll';
import type { FieldInfo } from '../../../../src-main/contract/providers';
import { Badge } from '../../../ui/Badge';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { Loading } from '../../../ui/Spinner';
import { REQUIRED_FIELDS } from '../logic';
import { useSetup } from '../setupStore';
import { useWizard } from '../store';

const DO_NOT_MAP = '__none__';

/**
 * The mapping grid: each payroll field matched to one HR field (or "Do not map"), with a searchable picker,
 * labels and sample values, required fields marked and suggestions badged. The wizard and Settings both use it.
 */
/** `baselineLabel`: the badge beside a field still matched as it started (the wizard's suggestion, or what Settings has saved). */
export function MappingGrid({
  catalogue,
  baselineLabel = 'Suggested',
}: {
  catalogue: FieldInfo[];
  baselineLabel?: string;
}) {
  const m = useSetup(useShallow((s) => ({ mapping: s.mapping, suggested: s.suggested, error: s.saveError })));
  const { mapField } = useSetup.getState();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const options = q
    ? catalogue.filter((f) => `${f.label} ${f.key} ${f.sample ?? ''}`.toLowerCase().includes(q))
    : catalogue;
  const byKey = new Map(catalogue.map((f) => [f.key, f]));
  const unmappedRequired = PAYROLL_FIELDS.filter((f) => REQUIRED_FIELDS.has(f) && !m.mapping[f]);
  return (
    <>
      <div className="form-field narrow">
        <label htmlFor="field-search">Search the HR system’s fields</label>
        <input
          id="field-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Label, key or sample value"
        />
      </div>
      {m.error && (
        <Banner tone="error" title="The matching was not saved">
          {m.error.message}
        </Banner>
      )}
      <table className="table mapping-table" data-testid="mapping-grid">
        <thead>
          <tr>
            <th scope="col">Payroll field</th>
            <th scope="col">HR system field</th>
            <th scope="col">Sample value</th>
          </tr>
        </thead>
        <tbody>
          {PAYROLL_FIELDS.map((field) => {
            const key = m.mapping[field] ?? null;
            const info = key ? byKey.get(key) : undefined;
            const shown = info && !options.includes(info) ? [info, ...options] : options;
            return (
              <tr key={field}>
                <th scope="row">
                  {PAYROLL_FIELD_LABELS[field]}{' '}
                  {REQUIRED_FIELDS.has(field) && (
                    <span className="required" title="Needed for Ready">
                      Required
                    </span>
                  )}
                </th>
                <td>
                  <select
                    aria-label={`HR field for ${PAYROLL_FIELD_LABELS[field]}`}
                    value={key ?? DO_NOT_MAP}
                    onChange={(e) => mapField(field, e.target.value === DO_NOT_MAP ? null : e.target.value)}
                  >
                    <option value={DO_NOT_MAP}>Do not map</option>
                    {shown.map((f) => (
                      <option key={f.key} value={f.key}>
                        {f.label} ({f.key})
                      </option>
                    ))}
                  </select>{' '}
                  {key && key === m.suggested[field] && <Badge tone="blue">{baselineLabel}</Badge>}
                </td>
                <td className="muted sample">{info?.sample ?? (key ? '—' : '')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unmappedRequired.length > 0 && (
        <Banner tone="warning" title="Some required fields are not matched">
          Employees will stay Pending for {unmappedRequired.map((f) => PAYROLL_FIELD_LABELS[f]).join(', ')} unless a
          company default supplies it.
        </Banner>
      )}
    </>
  );
}

/** Wizard step 4: the mapping grid, then on to the review. */
export function MappingStep() {
  const companyId = useWizard((s) => s.companyId);
  const catalogue = useWizard((s) => s.catalogue);
  const m = useSetup(useShallow((s) => ({ status: s.mappingStatus, saving: s.saving })));
  const { saveMapping } = useSetup.getState();
  if (!companyId) return null;
  if (m.status === 'loading' || m.status === 'idle') return <Loading label="Loading the HR system’s fields…" />;

  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Match payroll fields to the HR system’s fields</h2>
      <p className="muted">
        Suggestions are filled in. Choose “Do not map” to leave a payroll field untouched by syncs.
      </p>
      <MappingGrid catalogue={catalogue} />
      <div className="form-actions">
        <Button onClick={() => useWizard.getState().setStep('filters')}>Back</Button>
        <Button
          variant="primary"
          busy={m.saving}
          onClick={async () => {
            if (await saveMapping(companyId)) useWizard.getState().setStep('review');
          }}
        >
          Continue to review
        </Button>
      </div>
    </section>
  );
}

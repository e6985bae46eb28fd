import { useEffect } from 'react';
import { ConnectionSection } from '../../company-settings/components/ConnectionSection';
import { FiltersSection } from '../../company-settings/components/FiltersSection';
import { MappingSection } from '../../company-settings/components/MappingSection';
import { RemoveCompany } from '../../company-settings/components/RemoveCompany';
import { SettingsForm } from '../../company-settings/components/SettingsForm';
import { useSettings } from '../../company-settings/store';
import { useSetup } from '../../connection-wizard/setupStore';

/** Every part of a company's set-up, changeable at any time, each part with its own Save. */
export function CompanySettingsPanel({ companyId }: { companyId: string }) {
  const detail = useSettings((s) => (s.detail?.id === companyId ? s.detail : null));
  useEffect(() => {
    void useSetup.getState().enterSettings(companyId);
    return () => useSetup.getState().reset();
  }, [companyId]);
  return (
    <>
      {detail && <ConnectionSection detail={detail} onReplaced={() => void useSettings.getState().load(companyId)} />}
      <SettingsForm companyId={companyId} />
      {detail && detail.reviewed && <MappingSection detail={detail} />}
      {detail && detail.reviewed && <FiltersSection detail={detail} />}
      <RemoveCompany companyId={companyId} />
    </>
  );
}

import { RemoveCompany } from '../../company-settings/components/RemoveCompany';
import { SettingsForm } from '../../company-settings/components/SettingsForm';

export function CompanySettingsPanel({ companyId }: { companyId: string }) {
  return (
    <>
      <SettingsForm companyId={companyId} />
      <RemoveCompany companyId={companyId} />
    </>
  );
}

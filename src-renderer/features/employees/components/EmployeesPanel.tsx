import { ExportActions } from '../../payroll-export/components/ExportActions';
import { ExportScreen } from '../../payroll-export/components/ExportScreen';
import { useExport } from '../../payroll-export/store';
import { EmployeeList } from './EmployeeList';

/** The Employees tab: the list, or the export screen opened from it. */
export function EmployeesPanel({ companyId }: { companyId: string }) {
  const exporting = useExport((s) => s.open && s.companyId === companyId);
  if (exporting) return <ExportScreen companyId={companyId} />;
  return (
    <>
      <ExportActions companyId={companyId} />
      <EmployeeList companyId={companyId} />
    </>
  );
}

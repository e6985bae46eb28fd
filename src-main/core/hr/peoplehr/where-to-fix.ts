/** Which part of a PeopleHR employee record holds a field, by the field's key (docs/hris/README.md). */
function section(key: string): string {
  if (key.startsWith('BankDetail.')) return 'their bank details';
  if (key.startsWith('ContactDetail.')) return 'their contact details';
  if (key.startsWith('EmploymentDetail.')) return 'their employment details';
  if (key.startsWith('Salary.')) return 'their salary';
  if (key.startsWith('APIColumn')) return 'your company’s own API columns';
  return 'their personal details';
}

/** Where a client's HR contact corrects one employee's field in PeopleHR. */
export function peoplehrWhereToFix(field: { label: string; key: string }): string {
  return `In PeopleHR, open the employee's record (Employees, then their name) and correct “${field.label}” in ${section(field.key)}; it reaches payroll at the next sync.`;
}

export function peoplehrCannotRead(): string {
  return 'In PeopleHR go to Settings → API, open the API key Bureau Sync uses and tick "Get All Employee Detail" and "Get Employee Detail By Id" under Employee; save.';
}

import type { SamplePerson } from '../sample-people';
import { addDays, humaansId } from './ids';
import { COMPANY_ID, personId, personRow, stamp } from './person-row';

export { COMPANY_ID, personId, personRow };

export { addDays, humaansId };

/**
 * Turns vendor-neutral sample people into the records a Humaans workspace holds: people, their
 * effective-dated job roles (past, current and future-dated), bank accounts (dashed sort codes, some
 * people with an old account too), compensations (amount as a string, history, future raises,
 * bonuses), and custom fields with values (multi-selects as arrays). Ids are 24-character strings,
 * stable per person, so related records always join (unlike the docs' samples).
 */
export type Row = Record<string, unknown> & { id: string };

export interface FakeCustomField {
  id?: string;
  name: string;
  /** Humaans' custom field type: "text", "select", "multiselect", "date", … */
  type: string;
  section?: string;
  config?: unknown;
  valueOf(p: SamplePerson): string | string[] | null;
}

export interface HumaansDataset {
  people: Row[];
  jobRoles: Row[];
  bankAccounts: Row[];
  compensations: Row[];
  compensationTypes: Row[];
  customFields: Row[];
  customValues: Row[];
}

export interface DatasetOptions {
  today: string;
  customFields: FakeCustomField[];
  /** Sample-person `seq`s who have no bank account in Humaans. */
  withoutBankAccount: Set<number>;
}

export const SALARY_TYPE_ID = humaansId('compensationType', 1);
export const BONUS_TYPE_ID = humaansId('compensationType', 2);

export const DEFAULT_CUSTOM_FIELDS: FakeCustomField[] = [
  {
    name: 'NI category letter',
    type: 'select',
    section: 'personal',
    config: { choices: ['A', 'B', 'C', 'H', 'M', 'Z'] },
    valueOf: (p) => p.niCategory,
  },
  {
    name: 'Title',
    type: 'select',
    section: 'personal',
    config: { choices: ['Mr', 'Mrs', 'Miss', 'Ms', 'Dr'] },
    valueOf: (p) => p.title,
  },
  { name: 'Pay frequency', type: 'select', section: 'employment', valueOf: (p) => p.paymentFrequency },
  { name: 'Starter declaration', type: 'select', section: 'employment', valueOf: (p) => p.starterDeclaration },
  { name: 'Student loan plan', type: 'select', section: 'employment', valueOf: (p) => p.studentLoanPlan },
  {
    name: 'Postgraduate loan',
    type: 'select',
    section: 'employment',
    valueOf: (p) => (p.postgraduateLoan ? 'Yes' : 'No'),
  },
  {
    name: 'Languages at work',
    type: 'multiselect',
    section: 'basics',
    valueOf: (p) => (p.seq % 7 === 0 ? ['English', 'Welsh'] : ['English']),
  },
];

export function buildDataset(people: SamplePerson[], o: DatasetOptions): HumaansDataset {
  const ds: HumaansDataset = {
    people: [],
    jobRoles: [],
    bankAccounts: [],
    compensations: [],
    compensationTypes: [
      {
        id: SALARY_TYPE_ID,
        companyId: COMPANY_ID,
        name: 'Base pay',
        baseType: 'salary',
        createdAt: stamp('2019-01-01'),
        updatedAt: stamp('2019-01-01'),
      },
      // Named "Salary …" on purpose: the salary is found by baseType, not by name.
      {
        id: BONUS_TYPE_ID,
        companyId: COMPANY_ID,
        name: 'Salary bonus',
        baseType: 'bonus',
        createdAt: stamp('2019-01-01'),
        updatedAt: stamp('2019-01-01'),
      },
    ],
    customFields: o.customFields.map((f, i) => ({
      id: f.id ?? humaansId('customField', i + 1),
      companyId: COMPANY_ID,
      name: f.name,
      section: f.section ?? 'basics',
      resourceId: null,
      type: f.type,
      config: f.config ?? null,
      createdAt: stamp('2020-01-01'),
      updatedAt: stamp('2020-01-01'),
    })),
    customValues: [],
  };
  const ids = new Map(people.map((p) => [p.seq, personId(p)]));
  for (const p of people) {
    ds.people.push(personRow(p, o.today));
    addJobRoles(ds, p, o.today, ids.get(p.supervisorSeq ?? -1) ?? null);
    if (!o.withoutBankAccount.has(p.seq)) addBankAccounts(ds, p, o.today);
    addCompensations(ds, p, o.today);
    o.customFields.forEach((f, i) => {
      const value = f.valueOf(p);
      if (value === null) return;
      const fieldId = ds.customFields[i]!.id;
      ds.customValues.push({
        id: humaansId(`customValue:${fieldId}`, p.seq),
        personId: personId(p),
        customFieldId: fieldId,
        resourceId: null,
        value,
        createdAt: stamp(p.startDate, '10:00:00.000'),
        updatedAt: stamp(p.startDate, '10:00:00.000'),
      });
    });
  }
  return ds;
}

function addJobRoles(ds: HumaansDataset, p: SamplePerson, today: string, managerId: string | null): void {
  const role = (
    n: number,
    jobTitle: string,
    effectiveDate: string,
    endDate: string | null,
    createdAt: string,
  ): Row => ({
    id: humaansId(`jobRole${n}`, p.seq),
    personId: personId(p),
    jobTitle,
    department: p.department,
    reportingTo: managerId,
    effectiveDate,
    endDate,
    note: null,
    createdAt,
    updatedAt: createdAt,
  });
  const promoted = addDays(today, -100);
  if (p.seq % 3 === 0 && p.startDate < addDays(promoted, -1) && !p.isLeaver) {
    ds.jobRoles.push(role(1, `Trainee ${p.jobTitle}`, p.startDate, addDays(promoted, -1), stamp(p.startDate)));
    ds.jobRoles.push(role(2, p.jobTitle, promoted, null, stamp(promoted)));
  } else {
    ds.jobRoles.push(role(2, p.jobTitle, p.startDate, null, stamp(p.startDate)));
  }
  // Future-dated promotion, created most recently: "the last role" is not the current one.
  if (p.seq % 4 === 0 && !p.isLeaver)
    ds.jobRoles.push(role(3, `Senior ${p.jobTitle}`, addDays(today, 30), null, stamp(addDays(today, -5))));
}

function addBankAccounts(ds: HumaansDataset, p: SamplePerson, today: string): void {
  const account = (n: number, sortCode: string, accountNumber: string, bankName: string, createdAt: string): Row => ({
    id: humaansId(`bankAccount${n}`, p.seq),
    personId: personId(p),
    bankName,
    nameOnAccount: p.accountName,
    accountNumber,
    swiftCode: null,
    sortCode,
    routingNumber: null,
    createdAt,
    updatedAt: createdAt,
  });
  if (p.seq % 5 === 0) {
    // An old account, replaced later by the current one.
    ds.bankAccounts.push(account(1, '11-22-33', '00000000', 'Old Bank plc', stamp(p.startDate)));
  }
  const current = p.seq % 5 === 0 ? stamp(addDays(today, -60)) : stamp(p.startDate, '09:30:00.000');
  ds.bankAccounts.push(account(2, p.sortCode, p.accountNumber, p.bankName, current));
}

function addCompensations(ds: HumaansDataset, p: SamplePerson, today: string): void {
  const amount = (n: number) => (p.salary.period === 'hourly' ? n.toFixed(2) : String(Math.round(n)));
  const comp = (n: number, typeId: string, amt: string, effectiveDate: string, endDate: string | null): Row => ({
    id: humaansId(`compensation${n}`, p.seq),
    personId: personId(p),
    compensationTypeId: typeId,
    amount: amt,
    currency: p.salary.currency,
    period: typeId === BONUS_TYPE_ID ? 'one-off' : p.salary.period,
    note: null,
    effectiveDate,
    endDate,
    endReason: endDate ? 'Pay review' : null,
    createdAt: stamp(effectiveDate),
    updatedAt: stamp(effectiveDate),
  });
  const review = addDays(today, -150);
  const hasHistory = p.seq % 3 === 1 && p.startDate < addDays(review, -1);
  if (hasHistory)
    ds.compensations.push(comp(1, SALARY_TYPE_ID, amount(p.salary.amount * 0.9), p.startDate, addDays(review, -1)));
  ds.compensations.push(comp(2, SALARY_TYPE_ID, amount(p.salary.amount), hasHistory ? review : p.startDate, null));
  if (p.seq % 4 === 1 && !p.isLeaver)
    ds.compensations.push(comp(3, SALARY_TYPE_ID, amount(p.salary.amount * 1.1), addDays(today, 60), null));
  if (p.seq % 6 === 0) ds.compensations.push(comp(4, BONUS_TYPE_ID, '1500.00', addDays(today, -30), null));
}

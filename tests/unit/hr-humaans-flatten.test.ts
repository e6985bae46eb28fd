import { describe, expect, it } from 'vitest';
import { CurrentRelated } from '../../src-main/core/hr/humaans/current';
import { flattenPerson, leaverSignal, type Related } from '../../src-main/core/hr/humaans/flatten';
import type {
  HumaansBankAccount,
  HumaansCompensation,
  HumaansCompensationType,
  HumaansJobRole,
  HumaansPerson,
} from '../../src-main/core/hr/humaans/schemas';

/** The docs' demo person (docs/hris/humaans.md §10.1), trimmed to what these tests read. */
const kelsey: HumaansPerson = {
  id: 'VMB1yzL5uL8VvNNCJc9rykJz',
  companyId: 'T7uqPFK7am4lFTZm39AmNuay',
  firstName: 'Kelsey',
  middleName: null,
  lastName: 'Wicks',
  email: 'kelsey@acme.com',
  locationId: 'remote',
  gender: 'Female',
  birthday: '1989-07-28',
  nationality: 'British',
  address: '58 Stroude Road',
  postcode: 'SK11 1EN',
  employmentStartDate: '2018-03-10',
  employmentEndDate: null,
  lastWorkingDay: '2018-03-10',
  leavingReason: null,
  contractType: 'Full time',
  employeeId: 'PAY-0042',
  taxId: 'QQ123456C',
  taxCode: '1257L',
  teams: [{ name: 'Moonshot' }, { name: 'Growth Pod' }],
  workingDays: [{ day: 'monday' }, { day: 'tuesday' }],
  foodAllergies: ['Peanuts'],
  profilePhoto: { id: 'x', variants: { '64': 'https://example/64.jpg' } },
  calendarFeedToken: 'bb6LCUqG4BAOZWKXQQB9a8H9',
  status: 'active',
  role: 'user',
  isVerified: true,
  createdAt: '2020-01-28T08:44:42.000Z',
};

const SALARY: HumaansCompensationType = { id: 'typeSalary', name: 'Base pay', baseType: 'salary' };
const BONUS: HumaansCompensationType = { id: 'typeBonus', name: 'Salary bonus', baseType: 'bonus' };
const TODAY = '2026-11-01';

function related(over: Partial<Related> = {}): Related {
  return {
    today: TODAY,
    people: new Map(),
    jobRoles: false,
    bankAccounts: false,
    compensations: false,
    compensationTypes: new Map([
      [SALARY.id, SALARY],
      [BONUS.id, BONUS],
    ]),
    customFields: null,
    customFieldIndex: new Map(),
    ...over,
  };
}

/** The related records of a list read in one pass, reduced as the client reduces them. */
function reduced(rows: {
  jobRoles?: HumaansJobRole[];
  bankAccounts?: HumaansBankAccount[];
  compensations?: HumaansCompensation[];
}): CurrentRelated {
  const current = new CurrentRelated(TODAY);
  current.addJobRoles(rows.jobRoles ?? [], 1);
  current.addBankAccounts(rows.bankAccounts ?? [], 1);
  current.addCompensations(rows.compensations ?? [], 1);
  return current;
}

describe('Humaans person flattening', () => {
  it('keeps person properties under their Humaans keys, with dates exactly as sent', () => {
    const r = flattenPerson(kelsey, related());
    expect(r.externalId).toBe('VMB1yzL5uL8VvNNCJc9rykJz');
    expect(r.fields).toMatchObject({
      firstName: 'Kelsey',
      middleName: null,
      taxId: 'QQ123456C',
      employeeId: 'PAY-0042',
      birthday: '1989-07-28',
      employmentStartDate: '2018-03-10',
      gender: 'Female',
      isVerified: 'true',
      locationId: 'remote',
    });
  });

  it('reads teams, working days and other lists of objects as names', () => {
    const r = flattenPerson(kelsey, related());
    expect(r.fields.teams).toBe('Moonshot, Growth Pod');
    expect(r.fields.workingDays).toBe('monday, tuesday');
    expect(r.fields.foodAllergies).toBe('Peanuts');
  });

  it('never copies the calendar feed token or photo plumbing', () => {
    const r = flattenPerson(kelsey, related());
    expect(r.fields).not.toHaveProperty('calendarFeedToken');
    expect(r.fields).not.toHaveProperty('profilePhoto');
    expect(JSON.stringify(r)).not.toContain('bb6LCUqG4BAOZWKXQQB9a8H9');
  });

  it('leaves out fields Humaans did not send (unknown), and related keys when that collection was not readable', () => {
    const { birthday: _hidden, ...withoutBirthday } = kelsey;
    const r = flattenPerson(withoutBirthday as HumaansPerson, related());
    expect(r.fields).not.toHaveProperty('birthday');
    expect(r.fields).not.toHaveProperty('bankAccount.sortCode');
    expect(r.fields).not.toHaveProperty('compensation.amount');
    expect(r.fields).not.toHaveProperty('jobRole.jobTitle');
  });

  it('sets related keys to null when the collection was read but holds nothing for the person', () => {
    const r = flattenPerson(kelsey, related({ jobRoles: true, bankAccounts: true, compensations: true }));
    expect(r.fields['jobRole.jobTitle']).toBeNull();
    expect(r.fields['bankAccount.sortCode']).toBeNull();
    expect(r.fields['compensation.amount']).toBeNull();
  });

  it('reads custom values by custom field id, multi-selects joined, missing values null', () => {
    const custom = new CurrentRelated(TODAY);
    custom.addCustomValues(
      [
        { id: 'v1', personId: kelsey.id, customFieldId: 'cfNi', value: 'A' },
        { id: 'v2', personId: kelsey.id, customFieldId: 'cfLang', value: ['English', 'Welsh'] },
        // A second value of a field: the first one read is the person's, as before.
        { id: 'v3', personId: kelsey.id, customFieldId: 'cfNi', value: 'B' },
        { id: 'v4', personId: null, customFieldId: 'cfEmpty', value: 'nobody' },
      ],
      1,
    );
    const r = flattenPerson(
      kelsey,
      related({
        customFields: [
          { id: 'cfNi', name: 'NI category letter', type: 'select', section: 'personal' },
          { id: 'cfLang', name: 'Languages', type: 'multiselect', section: 'basics' },
          { id: 'cfEmpty', name: 'Student loan plan', type: 'select', section: 'basics' },
        ],
        people: custom.people,
        customFieldIndex: custom.customFieldIndex,
      }),
    );
    expect(r.fields['custom.cfNi']).toBe('A');
    expect(r.fields['custom.cfLang']).toBe('English, Welsh');
    expect(r.fields['custom.cfEmpty']).toBeNull();
  });
});

describe('Humaans effective-dated history', () => {
  const role = (id: string, jobTitle: string, effectiveDate: string, personId = kelsey.id): HumaansJobRole => ({
    id,
    personId,
    jobTitle,
    department: 'Eng',
    effectiveDate,
    endDate: null,
  });
  const title = (current: CurrentRelated) =>
    flattenPerson(kelsey, related({ jobRoles: true, people: current.people })).fields['jobRole.jobTitle'];

  it('picks the job role with the latest effective date that has started, whatever the list order', () => {
    const roles = [
      role('r3', 'Head of Engineering', '2027-01-01'),
      role('r1', 'Engineer', '2019-01-01'),
      role('r2', 'Senior Engineer', '2024-06-01'),
      role('x1', 'Someone else', '2025-01-01', 'otherPerson'),
    ];
    expect(title(reduced({ jobRoles: roles }))).toBe('Senior Engineer');
    expect(title(reduced({ jobRoles: [...roles].reverse() }))).toBe('Senior Engineer');
    expect(title(reduced({ jobRoles: [role('r3', 'Future', '2027-01-01')] }))).toBeNull();
    // Two roles from the same day: the later one in the list wins, as it did when whole lists were kept.
    expect(title(reduced({ jobRoles: [role('a', 'First', '2024-06-01'), role('b', 'Second', '2024-06-01')] }))).toBe(
      'Second',
    );
  });

  it('gives the same answer whichever pages the rows arrive in', () => {
    const roles = [role('r1', 'Engineer', '2019-01-01'), role('r2', 'Senior Engineer', '2024-06-01')];
    const current = new CurrentRelated(TODAY);
    current.addJobRoles([roles[1]!], 1);
    current.addJobRoles([roles[0]!], 1);
    expect(title(current)).toBe('Senior Engineer');
  });

  it('drops what an earlier pass gave when a collection is read again', () => {
    const current = new CurrentRelated(TODAY);
    current.addJobRoles([role('r2', 'Senior Engineer', '2024-06-01')], 1);
    current.addBankAccounts(
      [
        {
          id: 'b1',
          personId: kelsey.id,
          bankName: 'B',
          nameOnAccount: 'K',
          accountNumber: '1',
          sortCode: '10-00-00',
          swiftCode: null,
          createdAt: '2025-01-01',
        },
      ],
      1,
    );
    // Second pass: the role was deleted in Humaans meanwhile and an older one is all that is left.
    current.addJobRoles([role('r1', 'Engineer', '2019-01-01')], 2);
    current.addJobRoles([], 2);
    expect(title(current)).toBe('Engineer');
    // The other collections keep what their own pass read.
    expect(
      flattenPerson(kelsey, related({ bankAccounts: true, people: current.people })).fields['bankAccount.sortCode'],
    ).toBe('10-00-00');
    const again = new CurrentRelated(TODAY);
    again.addJobRoles([role('r2', 'Senior Engineer', '2024-06-01')], 1);
    again.addJobRoles([], 2);
    expect(title(again)).toBeNull();
  });

  it('picks the salary-type compensation in effect today by baseType, keeping the amount string exact', () => {
    const comp = (
      id: string,
      typeId: string | null,
      amount: string,
      effectiveDate: string,
      endDate: string | null = null,
    ): HumaansCompensation => ({
      id,
      personId: kelsey.id,
      compensationTypeId: typeId,
      amount,
      currency: 'GBP',
      period: 'annual',
      effectiveDate,
      endDate,
    });
    const comps = [
      comp('old', SALARY.id, '30000', '2019-01-01', '2024-12-31'),
      comp('now', SALARY.id, '12345678901234567.89', '2025-01-01'),
      comp('raise', SALARY.id, '99999', '2027-04-01'),
      comp('bonus', BONUS.id, '5000', '2026-10-01'),
      comp('untyped', null, '1', '2026-10-02'),
    ];
    const pay = (current: CurrentRelated, types = related().compensationTypes) =>
      flattenPerson(kelsey, related({ compensations: true, compensationTypes: types, people: current.people })).fields;
    const r = pay(reduced({ compensations: comps }));
    expect(r['compensation.amount']).toBe('12345678901234567.89');
    expect(r['compensation.period']).toBe('annual');
    expect(r['compensation.effectiveDate']).toBe('2025-01-01');
    expect(pay(reduced({ compensations: [...comps].reverse() }))['compensation.amount']).toBe('12345678901234567.89');
    // Without compensation types every compensation in effect counts, typed or not.
    expect(pay(reduced({ compensations: comps }), new Map())['compensation.amount']).toBe('1');
    // An ended salary and a future raise are not the salary today.
    expect(pay(reduced({ compensations: [comps[0]!, comps[2]!] }))['compensation.amount']).toBeNull();
    // Same effective date under two salary types: the later record wins, whatever type it has.
    const SALARY2: HumaansCompensationType = { id: 'typeSalary2', name: 'Pay', baseType: 'salary' };
    const types = new Map([
      [SALARY.id, SALARY],
      [SALARY2.id, SALARY2],
    ]);
    const tie = [comp('a', SALARY2.id, '111', '2025-01-01'), comp('b', SALARY.id, '222', '2025-01-01')];
    expect(pay(reduced({ compensations: tie }), types)['compensation.amount']).toBe('222');
    expect(pay(reduced({ compensations: [...tie].reverse() }), types)['compensation.amount']).toBe('111');
  });

  it('uses the bank account added last when a person holds several', () => {
    const acc = (id: string, sortCode: string, createdAt: string): HumaansBankAccount => ({
      id,
      personId: kelsey.id,
      bankName: 'B',
      nameOnAccount: 'K',
      accountNumber: '12345678',
      sortCode,
      swiftCode: null,
      createdAt,
    });
    const sortCode = (current: CurrentRelated) =>
      flattenPerson(kelsey, related({ bankAccounts: true, people: current.people })).fields['bankAccount.sortCode'];
    const accounts = [
      acc('new', '20-00-00', '2025-02-01T10:00:00.000Z'),
      acc('old', '10-00-00', '2019-01-01T10:00:00.000Z'),
    ];
    expect(sortCode(reduced({ bankAccounts: accounts }))).toBe('20-00-00');
    expect(sortCode(reduced({ bankAccounts: [...accounts].reverse() }))).toBe('20-00-00');
    expect(sortCode(reduced({}))).toBeNull();
  });
});

describe('Humaans leaver signal', () => {
  it('treats offboarded people as leavers with their end date and reason', () => {
    expect(
      leaverSignal(
        {
          ...kelsey,
          status: 'offboarded',
          employmentEndDate: '2026-05-31',
          lastWorkingDay: '2026-05-29',
          leavingReason: 'resigned',
        },
        TODAY,
      ),
    ).toEqual({ isLeaver: true, leaveDate: '2026-05-31', reason: 'resigned' });
  });

  it('treats a passed employment end date as leaving even before Humaans flips the status', () => {
    expect(leaverSignal({ ...kelsey, status: 'active', employmentEndDate: '2026-10-31' }, TODAY).isLeaver).toBe(true);
  });

  it('does not treat a future end date (notice period) or a lone lastWorkingDay as leaving', () => {
    expect(leaverSignal({ ...kelsey, employmentEndDate: '2026-12-31' }, TODAY)).toEqual({
      isLeaver: false,
      leaveDate: '2026-12-31',
      reason: null,
    });
    // The docs sample itself has lastWorkingDay set on an active person.
    expect(leaverSignal(kelsey, TODAY)).toEqual({ isLeaver: false, leaveDate: null, reason: null });
  });
});

import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src-main/core/hr/peoplehr/catalogue';
import { peoplehrSuggestedMapping } from '../../src-main/core/hr/peoplehr/suggest';
import type { ProviderRecord } from '../../src-main/core/hr/types';

const rec = (fields: Record<string, string | null>, isLeaver = false): ProviderRecord => ({
  externalId: fields.EmployeeId ?? 'x',
  fields,
  leaver: { isLeaver, leaveDate: null, reason: null },
});

describe('PeopleHR field catalogue', () => {
  it('lists every key any person has, typed, with a sample from a current employee first', () => {
    const cat = buildCatalogue([
      rec({ EmployeeId: 'L1', StartDate: '2019-01-01', 'Salary.SalaryAmount': '1.00', APIColumn1: 'BR' }, true),
      rec({ EmployeeId: 'E1', StartDate: '2020-02-02', 'BankDetail.BankCode': null, APIColumn1: '1257L' }),
    ]);
    const byKey = new Map(cat.map((f) => [f.key, f]));
    expect(byKey.get('StartDate')).toMatchObject({ type: 'date', sample: '2020-02-02', custom: false });
    expect(byKey.get('Salary.SalaryAmount')).toMatchObject({ type: 'number', label: 'Salary amount' });
    expect(byKey.get('BankDetail.BankCode')).toMatchObject({ label: 'Sort code (bank code)', sample: null });
    expect(byKey.get('APIColumn1')).toMatchObject({ custom: true, label: 'API column 1', sample: '1257L' });
  });

  it('labels API columns with the names the bureau gave them', () => {
    const cat = buildCatalogue([rec({ EmployeeId: 'E1', APIColumn2: 'A' })], { APIColumn2: 'NI category' });
    expect(cat.find((f) => f.key === 'APIColumn2')?.label).toBe('NI category (API column 2)');
  });

  it('an empty company still offers the documented fields so mapping can be set up', () => {
    const keys = buildCatalogue([]).map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining(['EmployeeId', 'BankDetail.BankCode', 'ContactDetail.Address.postcode', 'APIColumn5']),
    );
  });
});

describe('PeopleHR suggested mapping', () => {
  const catalogue = buildCatalogue(
    [
      rec({
        EmployeeId: 'E1',
        FirstName: 'Ann',
        LastName: 'Lee',
        NISNumber: 'AB123456C',
        'BankDetail.BankCode': '12-34-56',
        'BankDetail.AccountNumber': '12345678',
        'ContactDetail.Address.line1': '1 High St',
        'ContactDetail.Address.line3': 'Leeds',
        'ContactDetail.Address.postcode': 'LS1 1AA',
        'ContactDetail.PersonalPhoneNumber': null,
        'ContactDetail.Mobile': '07700 900000',
        'Salary.SalaryAmount': '30000.00',
        'Salary.Currency': 'GBP',
        APIColumn1: '1257L',
        APIColumn2: 'A',
        APIColumn3: 'x',
      }),
    ],
    { APIColumn1: 'Tax code', APIColumn2: 'NI category letter', APIColumn3: 'Shoe size' },
  );

  it('maps the standard fields: sort code from BankDetail.BankCode, address lines to address, town and postcode', () => {
    const m = peoplehrSuggestedMapping(catalogue);
    expect(m).toMatchObject({
      employeeId: 'EmployeeId',
      firstName: 'FirstName',
      niNumber: 'NISNumber',
      sortCode: 'BankDetail.BankCode',
      accountNumber: 'BankDetail.AccountNumber',
      addressLine1: 'ContactDetail.Address.line1',
      city: 'ContactDetail.Address.line3',
      postcode: 'ContactDetail.Address.postcode',
      salary: 'Salary.SalaryAmount',
      currency: 'Salary.Currency',
    });
  });

  it('prefers the phone field the company actually fills in', () => {
    expect(peoplehrSuggestedMapping(catalogue).phone).toBe('ContactDetail.Mobile');
  });

  it('suggests API columns only when their label clearly names a payroll field', () => {
    const m = peoplehrSuggestedMapping(catalogue);
    expect(m.taxCode).toBe('APIColumn1');
    expect(m.niCategory).toBe('APIColumn2');
    expect(Object.values(m)).not.toContain('APIColumn3');
    expect(
      peoplehrSuggestedMapping(buildCatalogue([rec({ EmployeeId: 'E1', APIColumn1: '1257L' })])).taxCode,
    ).toBeUndefined();
  });

  it('never suggests a field the key cannot read', () => {
    const noSalary = catalogue.filter((f) => !f.key.startsWith('Salary.'));
    const m = peoplehrSuggestedMapping(noSalary);
    expect(m.salary).toBeUndefined();
    expect(m.currency).toBeUndefined();
  });
});

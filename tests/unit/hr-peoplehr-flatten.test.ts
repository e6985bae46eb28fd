import { describe, expect, it } from 'vitest';
import { flattenEmployee, splitAddress, dateOnly } from '../../src-main/core/hr/peoplehr/flatten';
import { currentSalaryRow, decimal, currencyCode, salaryFields } from '../../src-main/core/hr/peoplehr/salary';
import { asList, asObject, readEnvelope } from '../../src-main/core/hr/peoplehr/schemas';
import { judgeEnvelope } from '../../src-main/core/hr/peoplehr/errors';

const TODAY = '2026-11-01';

/** PW3 from the real 2023 GetAllEmployeeDetail capture (peoplehr.md §10.1), trimmed of repeated blanks. */
const captured = {
  EmployeeId: { DisplayValue: 'PW3', FieldHistory: [] },
  Title: { DisplayValue: '', FieldHistory: [] },
  FirstName: { DisplayValue: 'Armen', FieldHistory: [] },
  LastName: { DisplayValue: 'Tamzarian', FieldHistory: [] },
  StartDate: { DisplayValue: '2022-05-09', FieldHistory: [] },
  DateOfBirth: { DisplayValue: '1986-12-23', FieldHistory: [] },
  JobRole: { DisplayValue: 'Frontend Developer', FieldHistoryForJobRole: [] },
  Department: { DisplayValue: 'RND', FieldHistoryForEffectiveDate: [] },
  ReportsTo: { DisplayValue: 'Cormac McCarthy', FieldHistoryForEffectiveDate: [] },
  ReportsToEmployeeId: { DisplayValue: 'PW5' },
  EmployeeStatus: { DisplayValue: '1' },
  HolidayAllowanceDays: { DisplayValue: '30.00' },
  Gender: { DisplayValue: 'Male', FieldHistory: [] },
  ContactDetail: {
    Address: {
      DisplayValue:
        'Flat 1, Fountain Court<br />Buckingham Palace Road<br />London<br />London<br />United Kingdom<br />SW1W 9ST',
      FieldHistory: [],
    },
    Mobile: { DisplayValue: '', FieldHistory: [] },
  },
  OtherContact: [],
  RightToWork: [{ DocumentType: { DisplayValue: 'Passport' } }],
  BankDetail: {
    BankCode: { DisplayValue: '12-34-56', FieldHistory: [] },
    AccountNumber: { DisplayValue: '12345678', FieldHistory: [] },
  },
  EmploymentDetail: { PayrollID: { DisplayValue: 'P-77', FieldHistory: [] } },
  LeavingDate: '',
  ReasonForLeaving: '',
  APIColumn1: '1257L',
  APIColumn2: '',
  AdditionalreportsTo: [],
  UniqueKey: '2f9586ab-3f96-4cc2-b930-2da45ac437b1',
  lstFieldHistoryJobrole: null,
};

describe('PeopleHR envelope', () => {
  it('trap 3 IsError vs isError: reads the wire boolean isError and the documented string IsError alike', () => {
    expect(readEnvelope({ isError: true, Status: 2, Message: 'Invalid API Key.', Result: {} })?.isError).toBe(true);
    expect(readEnvelope({ IsError: 'true', Status: '2', Message: 'Invalid API Key.', Result: {} })?.isError).toBe(true);
    expect(readEnvelope({ IsError: 'false', Status: '0', Message: 'ok', Result: [] })?.isError).toBe(false);
    expect(readEnvelope({ isError: false, Message: 'The requested processed successfully.', Result: [] })?.status).toBe(
      0,
    );
    expect(readEnvelope(null)).toBeNull();
    expect(readEnvelope([{ EmployeeId: 'x' }])).toBeNull();
  });

  it('trap 4 Status 10 is not an error: "No records found." with Result "" is an empty list', () => {
    const env = readEnvelope({ isError: false, Status: 10, Message: 'No records found.', Result: '' })!;
    expect(judgeEnvelope(env, 'GetAllEmployeeDetail').kind).toBe('empty');
    expect(asList('')).toEqual([]);
    expect(asList({})).toEqual([]);
    expect(asList(null)).toEqual([]);
    expect(asList({ EmployeeId: 'x' })).toBeNull();
  });

  it('trap 5 Result shape varies: a single employee object is read as one record, an empty {} as none', () => {
    expect(asObject({ EmployeeId: { DisplayValue: 'PW2' } })).toEqual({ EmployeeId: { DisplayValue: 'PW2' } });
    expect(asObject({})).toBeNull();
    expect(asObject('')).toBeNull();
  });

  it('maps PeopleHR statuses to contract codes: bad key, missing grant, server fault, unknown employee', () => {
    const judge = (body: object) => judgeEnvelope(readEnvelope(body)!, 'GetSalaryDetail');
    const bad = judge({ isError: true, Status: 2, Message: 'Invalid API Key.', Result: {} });
    expect(bad.kind === 'fail' && bad.error.code).toBe('AUTH_FAILED');
    const gone = judge({ isError: true, Status: 5, Message: 'API key does not exists.', Result: {} });
    expect(gone.kind === 'fail' && gone.error.code).toBe('AUTH_FAILED');
    const denied = judge({ isError: true, Status: 5, Message: 'No access on salary schema.', Result: {} });
    expect(denied.kind === 'fail' && denied.error.code).toBe('FORBIDDEN');
    expect(denied.kind === 'fail' && denied.error.details?.permission).toBe('Salary: Get Salary Detail');
    expect(judge({ isError: true, Status: 6, Message: 'Oops! Something went wrong.', Result: {} }).kind).toBe('retry');
    expect(judge({ isError: true, Status: 5, Message: 'EmployeeId does not exists.', Result: {} }).kind).toBe(
      'notFound',
    );
  });
});

describe('PeopleHR employee flattening', () => {
  it('trap 7 unwrapping: DisplayValue wrappers, bare strings and nested objects become flat keys; lists are left out', () => {
    const rec = flattenEmployee(captured, TODAY)!;
    expect(rec.externalId).toBe('PW3');
    expect(rec.fields.FirstName).toBe('Armen');
    expect(rec.fields.JobRole).toBe('Frontend Developer');
    expect(rec.fields.Department).toBe('RND');
    expect(rec.fields.ReportsToEmployeeId).toBe('PW5');
    expect(rec.fields['BankDetail.BankCode']).toBe('12-34-56');
    expect(rec.fields['EmploymentDetail.PayrollID']).toBe('P-77');
    expect(rec.fields.APIColumn1).toBe('1257L');
    expect(rec.fields.UniqueKey).toBe('2f9586ab-3f96-4cc2-b930-2da45ac437b1');
    for (const key of [
      'OtherContact',
      'RightToWork',
      'AdditionalreportsTo',
      'lstFieldHistoryJobrole',
      'ContactDetail',
    ]) {
      expect(rec.fields).not.toHaveProperty(key);
    }
    expect(Object.values(rec.fields).some((v) => v !== null && /\[object|FieldHistory|DisplayValue/.test(v))).toBe(
      false,
    );
  });

  it('trap 8 strict schemas break: an old record missing newer keys and a record with unknown new keys both flatten', () => {
    const old = {
      EmployeeId: { DisplayValue: '1', FieldHistory: [] },
      Company: { DisplayValue: 'Acme', FieldHistory: [] },
      LeavingDate: '',
    };
    expect(flattenEmployee(old, TODAY)!.fields).toMatchObject({ EmployeeId: '1', Company: 'Acme' });
    const newer = {
      ...captured,
      PreferredPronouns: { DisplayValue: 'he/him', FieldHistory: [] },
      ContactDetail: { ...captured.ContactDetail, Fax: { DisplayValue: '0207' } },
    };
    const rec = flattenEmployee(newer, TODAY)!;
    expect(rec.fields.PreferredPronouns).toBe('he/him');
    expect(rec.fields['ContactDetail.Fax']).toBe('0207');
  });

  it('trap 9 empty strings, not nulls: "" becomes null and a blank LeavingDate is no leaver', () => {
    const rec = flattenEmployee(captured, TODAY)!;
    expect(rec.fields.Title).toBeNull();
    expect(rec.fields.APIColumn2).toBeNull();
    expect(rec.fields['ContactDetail.Mobile']).toBeNull();
    expect(rec.leaver).toEqual({ isLeaver: false, leaveDate: null, reason: null });
    expect(dateOnly('2019/09/02')).toBe('2019-09-02');
    expect(dateOnly('2023-05-25 13:17:58')).toBe('2023-05-25');
    expect(dateOnly('')).toBeNull();
  });

  it('leaver: a LeavingDate on or before today is a leaver, a future one is not yet', () => {
    const past = flattenEmployee({ ...captured, LeavingDate: '2026-11-01', ReasonForLeaving: 'Resignation' }, TODAY)!;
    expect(past.leaver).toEqual({ isLeaver: true, leaveDate: '2026-11-01', reason: 'Resignation' });
    const future = flattenEmployee({ ...captured, LeavingDate: '2026-11-30' }, TODAY)!;
    expect(future.leaver.isLeaver).toBe(false);
    expect(future.leaver.leaveDate).toBe('2026-11-30');
  });

  it('a row without an Employee ID cannot be a record', () => {
    expect(flattenEmployee({ ...captured, EmployeeId: { DisplayValue: '' } }, TODAY)).toBeNull();
  });

  it('trap 13 address is HTML: <br /> lines in PeopleHR order, entities decoded, postcode found', () => {
    const rec = flattenEmployee(
      {
        ...captured,
        ContactDetail: {
          Address: {
            DisplayValue: 'Smith &amp; Sons Yard<br /><br />Leeds<br />West Yorkshire<br />United Kingdom<br />ls6 2ab',
          },
        },
      },
      TODAY,
    )!;
    expect(rec.fields['ContactDetail.Address.line1']).toBe('Smith & Sons Yard');
    expect(rec.fields['ContactDetail.Address.line2']).toBeNull();
    expect(rec.fields['ContactDetail.Address.line3']).toBe('Leeds');
    expect(rec.fields['ContactDetail.Address.line4']).toBe('West Yorkshire');
    expect(rec.fields['ContactDetail.Address.line5']).toBe('United Kingdom');
    expect(rec.fields['ContactDetail.Address.postcode']).toBe('ls6 2ab');
    expect(rec.fields['ContactDetail.Address']).toBe(
      'Smith & Sons Yard, Leeds, West Yorkshire, United Kingdom, ls6 2ab',
    );
    expect(splitAddress('10 Downing Street<br><br/>London')).toEqual(['10 Downing Street', null, 'London']);
  });

  it('an overseas address has no UK postcode to offer', () => {
    const rec = flattenEmployee(
      {
        ...captured,
        ContactDetail: { Address: { DisplayValue: 'Calle Mayor 5<br /><br />Madrid<br /><br />Spain<br />28013' } },
      },
      TODAY,
    )!;
    expect(rec.fields['ContactDetail.Address.postcode']).toBeNull();
    expect(rec.fields['ContactDetail.Address.line6']).toBe('28013');
  });
});

describe('PeopleHR salary rows', () => {
  const rows = [
    {
      EffectiveFrom: '2020-01-01',
      SalaryType: 'Annual',
      PaymentFrequency: 'Monthly',
      SalaryAmount: '25000.0000',
      Currency: '£',
    },
    {
      EffectiveFrom: '2027-01-01',
      SalaryType: 'Annual',
      PaymentFrequency: 'Monthly',
      SalaryAmount: '40000.0000',
      Currency: '£',
    },
    {
      EffectiveFrom: '2024-04-06',
      SalaryType: 'Annual',
      PaymentFrequency: 'Monthly',
      SalaryAmount: '31000.5000',
      Currency: '£',
    },
  ];

  it('picks the current row: latest EffectiveFrom on or before today, whatever order PeopleHR sends', () => {
    expect(currentSalaryRow(rows, TODAY)?.SalaryAmount).toBe('31000.5000');
    expect(currentSalaryRow([rows[1]], TODAY)).toBeNull();
    expect(salaryFields(null)['Salary.SalaryAmount']).toBeNull();
  });

  it('trap 10 numbers as strings: money stays an exact decimal string', () => {
    expect(decimal('250000.0000')).toBe('250000.00');
    expect(decimal('1234567.8950')).toBe('1234567.895');
    expect(decimal('0.1000')).toBe('0.10');
    expect(decimal('25,000.00')).toBe('25000.00');
    expect(decimal('12')).toBe('12.00');
    expect(salaryFields(currentSalaryRow(rows, TODAY))['Salary.SalaryAmount']).toBe('31000.50');
  });

  it('trap 11 currency is a symbol: £ becomes GBP, ISO codes pass through', () => {
    expect(currencyCode('£')).toBe('GBP');
    expect(currencyCode('$')).toBe('USD');
    expect(currencyCode('eur')).toBe('EUR');
    expect(salaryFields(currentSalaryRow(rows, TODAY))['Salary.Currency']).toBe('GBP');
  });
});

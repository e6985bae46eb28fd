// The en_GB entry point, not the package root: the root loads every locale faker has (~35 MB of memory
// in whichever process imports it, the app's included, for a demo that needs one).
import { faker } from '@faker-js/faker/locale/en_GB';

/**
 * Generated UK staff for the fake HR servers (the demo company, tests and benchmarks).
 * Vendor-neutral: each fake server turns a SamplePerson into its own vendor's payload shape.
 * Most people are payroll-ready; a realistic few are not, for the reasons bureaus meet every month.
 */
export interface SamplePerson {
  /** 1-based position; stable for a given seed. */
  seq: number;
  /** The HR system's employee number, e.g. "E00042". */
  employeeNumber: string;
  title: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  /** Exactly what the HR system holds (some not payroll-valid on purpose: "Diverse", null). */
  gender: string | null;
  dateOfBirth: string;
  email: string;
  personalEmail: string;
  phone: string;
  address: {
    line1: string;
    line2: string | null;
    city: string;
    county: string | null;
    postcode: string;
    country: string;
  };
  startDate: string;
  /** Set for leavers (in the past) and a few people with a notice period (in the future). */
  leaveDate: string | null;
  leavingReason: string | null;
  isLeaver: boolean;
  jobTitle: string;
  department: string;
  office: string;
  team: string;
  supervisorSeq: number | null;
  employmentType: 'Permanent' | 'Fixed term' | 'Contractor';
  /** "United Kingdom" for most; overseas staff live and are paid abroad. */
  workCountry: string;
  niNumber: string | null;
  niCategory: string | null;
  taxCode: string | null;
  starterDeclaration: 'A' | 'B' | 'C' | null;
  studentLoanPlan: '1' | '2' | '4' | '5' | null;
  postgraduateLoan: boolean;
  paymentFrequency: string;
  sortCode: string;
  accountNumber: string;
  accountName: string;
  bankName: string;
  salary: { amount: number; currency: string; period: 'annual' | 'monthly' | 'hourly' };
  /** ISO timestamp of the last change in the HR system. */
  updatedAt: string;
  /** Why this person is generated not-ready (for tests to assert on), empty when they should be Ready. */
  expectedProblems: Array<'niCategory' | 'sortCode' | 'gender'>;
}

const DEPARTMENTS = [
  'Finance',
  'Operations',
  'Sales',
  'Customer Service',
  'Engineering',
  'People',
  'Marketing',
  'Warehouse',
];
const TITLES: Record<string, string[]> = {
  Finance: ['Accounts Assistant', 'Finance Manager', 'Credit Controller'],
  Operations: ['Operations Coordinator', 'Office Manager', 'Facilities Assistant'],
  Sales: ['Account Executive', 'Sales Manager', 'Business Development Rep'],
  'Customer Service': ['Customer Service Advisor', 'Team Leader', 'Complaints Handler'],
  Engineering: ['Software Engineer', 'QA Analyst', 'Engineering Manager'],
  People: ['HR Advisor', 'Recruiter', 'People Partner'],
  Marketing: ['Marketing Executive', 'Content Writer', 'Designer'],
  Warehouse: ['Warehouse Operative', 'Forklift Driver', 'Shift Supervisor'],
};
const PLACES: Array<{ city: string; county: string | null; outward: string[] }> = [
  { city: 'London', county: null, outward: ['SW1A', 'EC1V', 'N1', 'SE15', 'E14', 'W2'] },
  { city: 'Manchester', county: 'Greater Manchester', outward: ['M1', 'M14', 'M20'] },
  { city: 'Leeds', county: 'West Yorkshire', outward: ['LS1', 'LS6', 'LS17'] },
  { city: 'Bristol', county: null, outward: ['BS1', 'BS8', 'BS16'] },
  { city: 'Birmingham', county: 'West Midlands', outward: ['B1', 'B15', 'B29'] },
  { city: 'Glasgow', county: null, outward: ['G1', 'G12', 'G41'] },
  { city: 'Cardiff', county: null, outward: ['CF10', 'CF14', 'CF24'] },
  { city: 'Norwich', county: 'Norfolk', outward: ['NR1', 'NR2', 'NR4'] },
];
const OFFICES = ['London HQ', 'Manchester', 'Leeds', 'Remote'];
const BANKS = ['Barclays', 'HSBC UK', 'Lloyds Bank', 'NatWest', 'Santander UK', 'Nationwide', 'Monzo', 'Starling Bank'];
const OVERSEAS = ['Spain', 'Ireland', 'Germany', 'Portugal'];
const NI_FIRST = 'ABCEGHJKLMNOPRSTWXYZ'.replace('O', '');
const NI_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** "Today" for leaver dates and ages; injected so tests are repeatable. */
  today?: Date;
}

export function generatePeople({
  count,
  seed = 42,
  today = new Date('2026-11-01T00:00:00Z'),
}: GenerateOptions): SamplePerson[] {
  // The module's one instance, seeded afresh: generation is synchronous, so no other caller can interleave.
  const f = faker;
  f.seed(seed);
  const people: SamplePerson[] = [];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  for (let seq = 1; seq <= count; seq++) {
    const roll = f.number.float({ min: 0, max: 1 });
    const sex = f.helpers.arrayElement(['male', 'female'] as const);
    const firstName = f.person.firstName(sex);
    const lastName = f.person.lastName();
    const middleName = f.number.float() < 0.25 ? f.person.firstName(sex) : null;
    const department = f.helpers.arrayElement(DEPARTMENTS);
    const place = f.helpers.arrayElement(PLACES);
    const dob = f.date.birthdate({ mode: 'age', min: 18, max: 66, refDate: today });
    const start = f.date.between({ from: new Date('2012-01-01'), to: new Date(today.getTime() - 7 * 864e5) });
    const isLeaver = roll < 0.06;
    const isContractor = roll >= 0.06 && roll < 0.14;
    const isOverseas = roll >= 0.14 && roll < 0.18;
    const expectedProblems: SamplePerson['expectedProblems'] = [];
    let gender: string | null =
      sex === 'male'
        ? f.helpers.arrayElement(['Male', 'male', 'M'])
        : f.helpers.arrayElement(['Female', 'female', 'F']);
    let niCategory: string | null = f.helpers.weightedArrayElement([
      { weight: 90, value: 'A' },
      { weight: 4, value: 'C' },
      { weight: 3, value: 'H' },
      { weight: 3, value: 'M' },
    ]);
    let sortCode = `${f.string.numeric(2)}-${f.string.numeric(2)}-${f.string.numeric(2)}`;
    // Realistic reasons a person is not payroll-ready (only among current, UK staff).
    if (!isLeaver && !isContractor && !isOverseas) {
      if (roll >= 0.18 && roll < 0.24) {
        niCategory = null;
        expectedProblems.push('niCategory');
      } else if (roll >= 0.24 && roll < 0.27) {
        sortCode = `${f.string.numeric(2)}-${f.string.numeric(3)}`;
        expectedProblems.push('sortCode');
      } else if (roll >= 0.27 && roll < 0.3) {
        gender = f.helpers.arrayElement(['Diverse', 'Not Specified', 'Other']);
        expectedProblems.push('gender');
      }
    }
    const leaveDate = isLeaver
      ? iso(
          f.date.between({
            from: new Date(Math.max(start.getTime(), today.getTime() - 400 * 864e5)),
            to: new Date(today.getTime() - 864e5),
          }),
        )
      : null;
    const period = f.helpers.weightedArrayElement([
      { weight: 85, value: 'annual' as const },
      { weight: 10, value: 'monthly' as const },
      { weight: 5, value: 'hourly' as const },
    ]);
    const amount =
      period === 'annual'
        ? f.number.int({ min: 22, max: 95 }) * 1000
        : period === 'monthly'
          ? f.number.int({ min: 1900, max: 7000 })
          : f.number.float({ min: 11.5, max: 30, fractionDigits: 2 });
    const title =
      f.number.float() < 0.7 ? (sex === 'male' ? 'Mr' : f.helpers.arrayElement(['Ms', 'Mrs', 'Miss'])) : null;
    people.push({
      seq,
      employeeNumber: `E${String(seq).padStart(5, '0')}`,
      title,
      firstName,
      middleName,
      lastName,
      gender,
      dateOfBirth: iso(dob),
      email: `${firstName}.${lastName}.${seq}@example.co.uk`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      personalEmail: f.internet.email({ firstName, lastName, provider: 'example.com' }).toLowerCase(),
      phone: `07${f.string.numeric(3)} ${f.string.numeric(6)}`,
      address: isOverseas
        ? {
            line1: f.location.streetAddress(),
            line2: null,
            city: f.location.city(),
            county: null,
            postcode: f.string.numeric(5),
            country: f.helpers.arrayElement(OVERSEAS),
          }
        : {
            line1: `${f.number.int({ min: 1, max: 220 })} ${f.location.street()}`,
            line2: f.number.float() < 0.2 ? `Flat ${f.number.int({ min: 1, max: 40 })}` : null,
            city: place.city,
            county: place.county,
            postcode: `${f.helpers.arrayElement(place.outward)} ${f.number.int({ min: 1, max: 9 })}${f.string.fromCharacters(INWARD_LETTERS, 2)}`,
            country: 'United Kingdom',
          },
      startDate: iso(start),
      leaveDate,
      leavingReason: isLeaver
        ? f.helpers.arrayElement(['Resignation', 'End of contract', 'Retirement', 'Redundancy'])
        : null,
      isLeaver,
      jobTitle: f.helpers.arrayElement(TITLES[department] ?? ['Associate']),
      department,
      office: isOverseas ? 'Remote' : f.helpers.arrayElement(OFFICES),
      team: `${department} ${f.helpers.arrayElement(['North', 'South', 'Core'])}`,
      supervisorSeq: seq > 5 ? f.number.int({ min: 1, max: 5 }) : null,
      employmentType: isContractor ? 'Contractor' : f.number.float() < 0.1 ? 'Fixed term' : 'Permanent',
      workCountry: isOverseas ? 'Spain' : 'United Kingdom',
      niNumber: isOverseas
        ? null
        : `${f.string.fromCharacters(NI_FIRST)}${f.string.fromCharacters(NI_SECOND)}${f.string.numeric(6)}${f.string.fromCharacters('ABCD')}`,
      niCategory,
      taxCode: f.helpers.weightedArrayElement([
        { weight: 80, value: '1257L' },
        { weight: 6, value: 'BR' },
        { weight: 5, value: 'S1257L' },
        { weight: 4, value: 'C1257L' },
        { weight: 3, value: 'K475' },
        { weight: 2, value: '0T M1' },
      ]),
      starterDeclaration: f.helpers.arrayElement(['A', 'B', 'C', null] as const),
      studentLoanPlan: f.helpers.arrayElement([null, null, null, '1', '2', '4', '5'] as const),
      postgraduateLoan: f.number.float() < 0.05,
      paymentFrequency: f.helpers.weightedArrayElement([
        { weight: 85, value: 'Monthly' },
        { weight: 10, value: 'Weekly' },
        { weight: 5, value: '4 weekly' },
      ]),
      sortCode,
      accountNumber: f.string.numeric(8),
      accountName: `${firstName} ${lastName}`,
      bankName: f.helpers.arrayElement(BANKS),
      salary: { amount, currency: 'GBP', period },
      updatedAt: new Date(today.getTime() - f.number.int({ min: 1, max: 90 }) * 864e5).toISOString(),
      expectedProblems,
    });
  }
  return people;
}

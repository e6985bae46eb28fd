import type { SamplePerson } from '../sample-people';
import type { Row } from './dataset';
import { addDays, humaansId } from './ids';

/** One sample person as a Humaans Person object: every documented property, nulls sent, not omitted. */
export const COMPANY_ID = humaansId('company', 1);

const COUNTRY_CODES: Record<string, [string, string]> = {
  'United Kingdom': ['GB', 'British'],
  Spain: ['ES', 'Spanish'],
  Ireland: ['IE', 'Irish'],
  Germany: ['DE', 'German'],
  Portugal: ['PT', 'Portuguese'],
};
const CONTRACT_TYPES: Record<SamplePerson['employmentType'], string> = {
  Permanent: 'Full time',
  'Fixed term': 'Fixed term',
  Contractor: 'Contractor',
};
const LEAVING_REASONS: Record<string, string> = {
  Resignation: 'resigned',
  'End of contract': 'contractEnded',
  Redundancy: 'redundancy',
  Retirement: 'other',
};
const OFFICES = ['London HQ', 'Manchester', 'Leeds'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
export const stamp = (date: string, time = '09:00:00.000') => `${date}T${time}Z`;

export function personId(p: SamplePerson): string {
  return humaansId('person', p.seq);
}

export function personStatus(p: SamplePerson, today: string): string {
  if (p.leaveDate && p.leaveDate <= today) return 'offboarded';
  return p.startDate > today ? 'newHire' : 'active';
}

export function personRow(p: SamplePerson, today: string): Row {
  const [countryCode, nationality] = COUNTRY_CODES[p.address.country] ?? ['GB', 'British'];
  const remote = p.office === 'Remote';
  const phoneDigits = p.phone.replace(/\s+/g, '');
  return {
    id: personId(p),
    companyId: COMPANY_ID,
    firstName: p.firstName,
    middleName: p.middleName,
    lastName: p.lastName,
    preferredName: null,
    email: p.email,
    locationId: remote ? 'remote' : humaansId('location', OFFICES.indexOf(p.office) + 1),
    remoteCity: remote ? p.address.city : null,
    remoteRegionCode: null,
    remoteCountryCode: remote ? countryCode : null,
    remoteTimezone: remote ? (countryCode === 'GB' ? 'Europe/London' : 'Europe/Madrid') : null,
    personalEmail: p.personalEmail,
    phoneNumber: `+44${phoneDigits.slice(1)}`,
    formattedPhoneNumber: `+44 ${phoneDigits.slice(1, 5)} ${phoneDigits.slice(5)}`,
    personalPhoneNumber: null,
    formattedPersonalPhoneNumber: null,
    gender: p.gender,
    birthday: p.dateOfBirth,
    profilePhotoId: null,
    profilePhoto: null,
    nationality,
    nationalities: [nationality],
    spokenLanguages: ['English'],
    dietaryPreference: null,
    foodAllergies: [],
    address: [p.address.line1, p.address.line2].filter(Boolean).join(', '),
    city: p.address.city,
    state: p.address.county,
    postcode: p.address.postcode,
    countryCode,
    country: p.address.country,
    bio: null,
    linkedIn: null,
    twitter: null,
    github: null,
    employmentStartDate: p.startDate,
    firstWorkingDay: p.startDate,
    employmentEndDate: p.leaveDate,
    lastWorkingDay: p.leaveDate,
    probationEndDate: addDays(p.startDate, 90),
    turnoverImpact: p.isLeaver ? 'regrettable' : null,
    workingDays: WEEKDAYS.map((day) => ({ day })),
    publicHolidayCalendarId: countryCode === 'GB' ? 'GB-ENG' : `${countryCode}-MD`,
    leavingReason: p.leavingReason ? (LEAVING_REASONS[p.leavingReason] ?? 'other') : null,
    leavingNote: null,
    leavingFileId: null,
    contractType: CONTRACT_TYPES[p.employmentType],
    employeeId: p.employeeNumber,
    taxId: p.niNumber,
    taxCode: p.taxCode,
    teams: [{ name: p.team }, ...(p.seq % 5 === 0 ? [{ name: 'Social Committee' }] : [])],
    status: personStatus(p, today),
    isVerified: true,
    isWorkEmailHidden: false,
    calendarFeedToken: humaansId('calendarFeed', p.seq),
    role: p.seq === 1 ? 'owner' : 'user',
    seenDocumentsAt: null,
    source: null,
    sourceId: null,
    timezone: 'Europe/London',
    payrollProvider: null,
    createdAt: stamp(p.startDate),
    updatedAt: p.updatedAt,
  };
}

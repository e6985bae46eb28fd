import type { HumaansDataset, Row } from './dataset';

/**
 * Which Humaans collections exist, the scope each needs to read and to write, and the fields a
 * filter may use. `private:read` includes public data; the write scopes are not needed for a sync
 * but the fake enforces them so a client that writes by accident is caught.
 */
export interface Collection {
  rows(ds: HumaansDataset): Row[];
  read: string;
  write: string;
  filters: string[];
  /** `$asOf` keeps the latest record per these fields. */
  asOfGroup?: string[];
}

const STAMPS = ['id', 'createdAt', 'updatedAt'];
const none = (): Row[] => [];

export const COLLECTIONS: Record<string, Collection> = {
  people: {
    rows: (ds) => ds.people,
    read: 'public:read',
    write: 'private:write',
    filters: [
      ...STAMPS,
      'status',
      'email',
      'personalEmail',
      'firstName',
      'lastName',
      'preferredName',
      'employeeId',
      'teamId',
      'spaceId',
      'locationId',
    ],
  },
  'job-roles': {
    rows: (ds) => ds.jobRoles,
    read: 'public:read',
    write: 'private:write',
    filters: [...STAMPS, 'personId', 'effectiveDate', 'endDate', 'department'],
    asOfGroup: ['personId'],
  },
  'bank-accounts': {
    rows: (ds) => ds.bankAccounts,
    read: 'private:read',
    write: 'private:write',
    filters: [...STAMPS, 'personId'],
  },
  compensations: {
    rows: (ds) => ds.compensations,
    read: 'compensations:read',
    write: 'compensations:write',
    filters: [...STAMPS, 'personId', 'compensationTypeId', 'effectiveDate', 'endDate'],
    asOfGroup: ['personId', 'compensationTypeId'],
  },
  'compensation-types': {
    rows: (ds) => ds.compensationTypes,
    read: 'public:read',
    write: 'compensations:write',
    filters: [...STAMPS, 'baseType', 'name'],
  },
  'custom-fields': {
    rows: (ds) => ds.customFields,
    read: 'public:read',
    write: 'private:write',
    filters: [...STAMPS, 'section', 'type', 'name', 'resourceId'],
  },
  'custom-values': {
    rows: (ds) => ds.customValues,
    read: 'private:read',
    write: 'private:write',
    filters: [...STAMPS, 'personId', 'customFieldId', 'resourceId'],
  },
  documents: {
    rows: none,
    read: 'documents:read',
    write: 'documents:write',
    filters: [...STAMPS, 'personId', 'documentTypeId'],
  },
  'identity-documents': {
    rows: none,
    read: 'documents:read',
    write: 'documents:write',
    filters: [...STAMPS, 'personId'],
  },
};

/** Person fields only `private:read` may see (Merge: gender, DOB, address, phone, …). */
export const PRIVATE_PERSON_FIELDS = [
  'personalEmail',
  'phoneNumber',
  'formattedPhoneNumber',
  'personalPhoneNumber',
  'formattedPersonalPhoneNumber',
  'gender',
  'birthday',
  'address',
  'city',
  'state',
  'postcode',
  'countryCode',
  'country',
  'nationality',
  'nationalities',
  'taxId',
  'taxCode',
  'employeeId',
  'leavingReason',
  'leavingNote',
  'dietaryPreference',
  'foodAllergies',
];

export function hasScope(scopes: Set<string>, needed: string): boolean {
  if (scopes.has(needed)) return true;
  return needed === 'public:read' && scopes.has('private:read');
}

/** Hides fields by leaving them out or sending null: Humaans' behaviour here is unverified, so both are playable. */
export function hideFields(row: Row, fields: Iterable<string>, mode: 'omit' | 'null'): Row {
  const out: Row = { ...row };
  for (const f of fields) {
    if (!(f in out)) continue;
    if (mode === 'omit') delete out[f];
    else out[f] = null;
  }
  return out;
}

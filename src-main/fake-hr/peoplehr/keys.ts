/**
 * The fake PeopleHR's API keys and actions. Like the real one, a key is granted individual actions per
 * application (Settings → API → the key), and a call to an action it lacks is refused with Status 5
 * "No access on <area> schema." inside an HTTP 200.
 */

/** Full access: what the demo company uses. */
export const PEOPLEHR_FAKE_API_KEY = '7d3f0c52-9a1e-4b6d-8f27-3c5e1a9b0d44';
/** Employee actions only, no Salary grant. */
export const PEOPLEHR_FAKE_EMPLOYEE_ONLY_KEY = '2b8e6f1a-0c4d-4e9b-a7f3-5d1c9e2a6b80';
/** Everything except the Document application. */
export const PEOPLEHR_FAKE_NO_DOCUMENT_KEY = 'e91a4c07-6d2b-4f58-b3e0-8a7c2d5f1e96';

/** Resource path (matched case-insensitively) → the actions it serves and the wording of its grant refusal. */
export const RESOURCES: Record<string, { area: string; actions: string[] }> = {
  employee: {
    area: 'employee',
    actions: ['GetAllEmployeeDetail', 'GetEmployeeDetailById', 'GetCompanyInformation', 'CheckAuthentication'],
  },
  salary: { area: 'salary', actions: ['GetSalaryDetail'] },
  employeedocument: { area: 'document', actions: ['GetAllDocument', 'GetDocumentById', 'UploadEmployeeDocument'] },
  query: { area: 'Query Builder', actions: ['GetQueryResultByQueryName'] },
  holiday: { area: 'holiday', actions: ['GetHolidayDetail'] },
  absence: { area: 'absence', actions: ['GetAbsenceDetail'] },
  customscreen: { area: 'custom screen', actions: ['GetCustomScreenDetail', 'GetCustomScreenByEmployeeId'] },
};

export const ALL_ACTIONS = Object.values(RESOURCES).flatMap((r) => r.actions);

export interface FakeKey {
  /** Actions the key may call. */
  actions: string[];
  /** When set, only callers from this address may use the key (the fake's callers are all 127.0.0.1). */
  allowedIp?: string;
}

export function defaultKeys(fullKey: string): Record<string, FakeKey> {
  return {
    [fullKey]: { actions: [...ALL_ACTIONS] },
    [PEOPLEHR_FAKE_EMPLOYEE_ONLY_KEY]: { actions: [...RESOURCES.employee!.actions] },
    [PEOPLEHR_FAKE_NO_DOCUMENT_KEY]: {
      actions: ALL_ACTIONS.filter((a) => !RESOURCES.employeedocument!.actions.includes(a)),
    },
  };
}

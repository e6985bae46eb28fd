import type { FieldInfo, RealProvider } from '../../contract/providers';
import type { PayrollField } from '../../contract/payroll';
import type { RecordJson } from './record-json';

/**
 * One person as an HR system holds them, flattened to provider field keys (docs/hris/README.md).
 * A key that is absent means "unknown" (e.g. the credential may not read it), never "blank";
 * a key present with null or '' means the HR system holds nothing there.
 */
export interface ProviderRecord {
  /** The vendor's own id for the person (Personio id, Humaans id, PeopleHR EmployeeId). */
  externalId: string;
  fields: Record<string, string | null>;
  /** The vendor's own leaver signal (Personio status, Humaans offboarded/end dates, PeopleHR LeavingDate). */
  leaver: { isLeaver: boolean; leaveDate: string | null; reason: string | null };
}

export interface FetchProgress {
  fetched: number;
  /** null when the HR system does not say how many there are. */
  total: number | null;
}

export interface ListOptions {
  signal?: AbortSignal;
  /** Read salaries too (the company's "Sync salaries" is on). */
  includeSalaries: boolean;
  /**
   * Called for each page, in order; awaited, so the caller can apply back-pressure. `serialised`, when the client
   * has it (it read the records off the core's thread), is each record's JSON.stringify and its sha1, in order.
   */
  onPage(records: ProviderRecord[], progress: FetchProgress, serialised?: readonly RecordJson[]): void | Promise<void>;
  /** When this read started, by the app's clock (default: now): a client whose cursor is a time takes it from here. */
  startedAt?: string;
  /** Resume from the last complete read: the client may read only what changed since (see ListResult.covers). */
  since?: Since;
}

/** What the last complete read left to resume from. */
export interface Since {
  /** The cursor that read returned (ListResult.cursor), exactly as returned: only its client knows what it means. */
  cursor: string;
  /** Everyone the HR system held at that read (their externalId), so a client may confirm a roll call cheaply. */
  lastRollCall(): ReadonlySet<string>;
}

/**
 * How much of the HR system a read covers. `all`: everyone went to onPage. `changes` (only with `since`): only the
 * people changed since the cursor went to onPage, and `present` lists everyone the HR system holds now, so someone
 * deleted is still noticed. `same` (only with `since`): the HR system answered exactly as when the cursor was made,
 * so nothing changed; usually nobody went to onPage, but a client may have handed on everyone before it knew.
 */
export type ListCoverage = 'all' | 'changes' | 'same';

export interface ListResult {
  /** True only when the client is sure it received everyone; false when the fetch was cut short. */
  complete: boolean;
  /** Why it is not complete, in words a clerk understands. */
  incompleteReason?: string;
  fetched: number;
  covers: ListCoverage;
  /** With `changes`: the externalId of everyone the HR system holds now (the roll call). */
  present?: string[];
  /** Handed back as `since.cursor` next time; null when this read leaves nothing to resume from. */
  cursor: string | null;
}

export interface CredentialCheck {
  /** Facts worth telling the user even though the credentials work, e.g. salaries not readable. */
  warnings: string[];
  /** Whether this credential can read salaries (decides whether "Sync salaries" can be switched on). */
  canReadSalaries: boolean;
  /** Why not, in the HR system's own words, when it cannot. */
  salaryReason?: string;
}

export interface GetOptions {
  signal?: AbortSignal;
  includeSalaries: boolean;
}

/**
 * A vendor client. Every failure is thrown as an AppError with a contract code
 * (AUTH_FAILED, FORBIDDEN with details.permission and details.howToGrant, HR_UNREACHABLE, HR_ERROR,
 * RATE_LIMITED) and a sentence a bureau clerk understands.
 */
export interface HrClient {
  readonly provider: RealProvider;
  checkCredentials(signal?: AbortSignal): Promise<CredentialCheck>;
  /**
   * Reads the company's people, page by page. Given `since`, a client that can say what changed since that
   * cursor reads only that (plus a roll call), or says nothing did; one that cannot reads everyone.
   */
  listEmployees(opts: ListOptions): Promise<ListResult>;
  /** One person by the vendor's id, for "Sync now"; null when the HR system no longer has them. */
  getEmployee(externalId: string, opts: GetOptions): Promise<ProviderRecord | null>;
  fieldCatalogue(signal?: AbortSignal): Promise<FieldInfo[]>;
  /** Delivering documents (payslips) into people's HR records, where the vendor client supports it. */
  readonly documents?: HrDocuments;
}

/** Per-vendor suggested mapping from its catalogue (custom fields by label). */
export type SuggestMapping = (catalogue: FieldInfo[]) => Partial<Record<PayrollField, string>>;

/** A folder of documents in the HR system (Personio category, Humaans document type, PeopleHR category). */
export interface HrDocumentCategory {
  id: string;
  name: string;
}

export interface HrDocumentUpload {
  /** The vendor's id for the person (ProviderRecord.externalId). */
  employeeHrId: string;
  /** The name the document gets in the HR system, extension included ("E00042 March.pdf"). */
  fileName: string;
  bytes: Uint8Array;
  /** Null lets the HR system choose (where it may). */
  categoryId: string | null;
  /** The pay date, `YYYY-MM-DD`. */
  date: string;
  description: string;
  signal?: AbortSignal;
}

export interface HrDocumentEntry {
  documentId: string | null;
  name: string;
  category: string | null;
  /** `YYYY-MM-DD` when the HR system says (issue date or the day it was added). */
  date: string | null;
}

export interface HrDocumentLimits {
  maxBytes: number;
  maxNameLength: number;
  /** File extensions the HR system accepts, lower case without the dot. */
  extensions: string[];
  /** Whether an upload must name a category (Personio) or may leave it out. */
  categoryRequired: boolean;
  /** Whether a category is free text (PeopleHR) rather than one of `categories()`. */
  freeTextCategory: boolean;
  /** Whether `list` can tell what a person already has (not Personio's v1 API). */
  canList: boolean;
}

/**
 * Putting documents (payslips) into a person's documents in the HR system. Uploads are never retried
 * once they may have reached the HR system, so a lost answer cannot become a second copy; failures are
 * AppErrors, and `details.deliveryUnknown` marks those after which the document may or may not be there.
 */
export interface HrDocuments {
  readonly limits: HrDocumentLimits;
  categories(signal?: AbortSignal): Promise<HrDocumentCategory[]>;
  upload(doc: HrDocumentUpload): Promise<{ documentId: string | null }>;
  /** The person's documents; null when the HR system offers no way to list them (Personio's v1 API). */
  list(employeeHrId: string, signal?: AbortSignal): Promise<HrDocumentEntry[] | null>;
}

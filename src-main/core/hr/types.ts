import type { FieldInfo, RealProvider } from '../../contract/providers';
import type { PayrollField } from '../../contract/payroll';

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
  /** Called for each page, in order; awaited, so the caller can apply back-pressure. */
  onPage(records: ProviderRecord[], progress: FetchProgress): void | Promise<void>;
  /**
   * The digest of the staff list reply an earlier read took (ListResult.reply): a reply with exactly that
   * text is not read at all, and the result says `same` (one too long to hold is read as it arrives, then says it).
   */
  lastReply?: string;
  /**
   * For listChanges: everyone the HR system held at the last complete read (their externalId, as the roll
   * call lists them). A client that can count the HR system's people in one request may then skip listing
   * them when the count shows nobody left (see ChangesResult.ids).
   */
  lastRollCall?: () => ReadonlySet<string>;
}

/** The one reply a whole staff list came in, where one reply alone makes every record (PeopleHR without salaries). */
export interface ListReply {
  /** sha1 of the reply's text. */
  digest: string;
  /**
   * It was exactly the reply ListOptions.lastReply came from. Usually it was then not read, and no page was
   * handed on; a reply too long to hold unread was read as it came, every page handed on, and the caller may
   * drop them and repeat the last outcome.
   */
  same: boolean;
}

export interface ListResult {
  /** True only when the client is sure it received everyone; false when the fetch was cut short. */
  complete: boolean;
  /** Why it is not complete, in words a clerk understands. */
  incompleteReason?: string;
  fetched: number;
  /** Set by a client whose staff list is one reply that alone makes every record, when it read it whole. */
  reply?: ListReply;
}

export interface ChangesResult extends ListResult {
  /** Every person the HR system holds (their externalId); only meaningful when complete. */
  ids: string[];
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
  listEmployees(opts: ListOptions): Promise<ListResult>;
  /**
   * The hourly check, where the vendor has a change feed that covers everything a sync reads: only the
   * people changed since `since` go to `onPage`, and `ids` is everyone the HR system holds now (a cheap
   * roll call), so someone deleted is still noticed. Null (before anything reached `onPage`) means this
   * HR system cannot say what changed this time: read everyone. Vendors without such a feed leave this out.
   */
  listChanges?(since: Date, opts: ListOptions): Promise<ChangesResult | null>;
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

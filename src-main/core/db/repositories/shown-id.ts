/**
 * The Employee ID a clerk sees, searches by and finds in every CSV: the ID the HR system itself shows.
 *
 * For PeopleHR and Personio that is the identity employees are matched on. Humaans matches people on its
 * internal person id (stable, never reused, what its roll call lists), but shows staff their `employeeId`
 * (e.g. HU0162): that is the ID a bureau is given and asks about, so it is what the app shows, falling back
 * to the internal id for someone whose Employee ID is blank in Humaans. The identity stays the key.
 */
export const HUMAANS_SHOWN_ID_KEY = 'employeeId';

/** SQL for the shown ID of a row of `employees` (aliased `alias`), for lists, searches and exports in one query. */
export function shownIdSql(alias = 'employees'): string {
  return `CASE WHEN (SELECT provider FROM companies sc WHERE sc.id = ${alias}.company_id) = 'humaans'
    THEN COALESCE(NULLIF(TRIM(${alias}.record_json ->> '$.fields.${HUMAANS_SHOWN_ID_KEY}'), ''), ${alias}.identity)
    ELSE ${alias}.identity END`;
}

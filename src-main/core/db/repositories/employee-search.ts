import type { SearchHit } from '../../../contract/exports';
import type { Db } from '../open';

const NI_LIKE = /^[A-Z]{2}\d{0,6}[A-D]?$/;

/**
 * Finds employees in every company by name, employee ID or NI number (a bureau's phone call: "it's about
 * Jane Smith at Acme"). Names and IDs match anywhere in them; an NI number is matched from its start, written
 * with or without spaces. One query, at most `limit` rows, current employees first.
 */
export function searchAllCompanies(db: Db, query: string, limit = 50): SearchHit[] {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const compact = query.replace(/\s+/g, '').toUpperCase();
  const ni = NI_LIKE.test(compact) && compact.length >= 4 ? `${compact}%` : null;
  const rows = db
    .prepare(
      `SELECT e.company_id, c.name AS company_name, e.id, e.identity, e.display_name, e.state, e.readiness,
         CASE WHEN e.identity LIKE @like ESCAPE '\\' THEN 'employeeId'
              WHEN e.display_name LIKE @like ESCAPE '\\' THEN 'name' ELSE 'niNumber' END AS matched_by
       FROM employees e JOIN companies c ON c.id = e.company_id
       WHERE e.display_name LIKE @like ESCAPE '\\' OR e.identity LIKE @like ESCAPE '\\'
          OR (@ni IS NOT NULL AND json_extract(e.values_json, '$.niNumber') LIKE @ni)
       ORDER BY e.state NOT IN ('active', 'leaver'), e.display_name COLLATE NOCASE, c.name COLLATE NOCASE, e.id
       LIMIT @limit`,
    )
    .all({ like, ni, limit }) as Array<{
    company_id: string;
    company_name: string;
    id: number;
    identity: string;
    display_name: string;
    state: SearchHit['state'];
    readiness: SearchHit['readiness'];
    matched_by: SearchHit['matchedBy'];
  }>;
  return rows.map((r) => ({
    companyId: r.company_id,
    companyName: r.company_name,
    employeeId: r.id,
    identity: r.identity,
    name: r.display_name,
    state: r.state,
    readiness: r.readiness,
    matchedBy: r.matched_by,
  }));
}

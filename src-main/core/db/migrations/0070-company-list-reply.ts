import type Database from 'better-sqlite3';

export const name = 'company-list-reply';

/**
 * The staff list reply a company's last complete read took, for a vendor whose whole list is one reply
 * (PeopleHR): list_reply_digest is the sha1 of its text, list_reply_key the set-up it was decided under
 * (SyncEngine), list_reply_run_id the run whose outcome it gave. An hourly run that receives the very same
 * text under the same set-up repeats that outcome instead of reading everyone again. Any other run that
 * changes employees clears all three.
 */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE companies ADD COLUMN list_reply_digest TEXT;
    ALTER TABLE companies ADD COLUMN list_reply_key TEXT;
    ALTER TABLE companies ADD COLUMN list_reply_run_id TEXT;
  `);
}

import type Database from 'better-sqlite3';

export const name = 'company-sync-cursor';

/**
 * One vendor-neutral "since last time" cursor per company, in place of the staff-list reply digest that only
 * PeopleHR's hourly run used: whatever the HR system's client returned with the last complete read (a reply
 * digest, a time), the set-up it was decided under, and the run whose outcome it gave. A stored digest carries
 * over as that company's cursor, so its next hourly run still recognises an unchanged list.
 */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE companies RENAME COLUMN list_reply_digest TO sync_cursor;
    ALTER TABLE companies RENAME COLUMN list_reply_key TO sync_cursor_key;
    ALTER TABLE companies RENAME COLUMN list_reply_run_id TO sync_cursor_run_id;
  `);
}

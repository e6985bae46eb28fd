import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './fixtures';

/**
 * The database file in the browser: a damaged database shown read-only with the newest good backup and a
 * one-click restore; the backups in Preferences with their dates and sizes and how long they are kept; and
 * Remove this company saying how many backups hold the company, which it rewrites without it.
 */
type Seeded = { companyId: string; backup: string; niNumbers: string[] };
const seeded = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!) as Seeded;

test.describe('a damaged database', () => {
  test.use({ seed: { script: 'tests/e2e/support/seed-backed-up.ts', args: ['damaged'] } });

  test('is shown as damaged, read-only, with the newest good backup; one click restores it and keeps the damaged file aside', async ({
    page,
    server,
  }) => {
    const { backup } = seeded(server.seedOutput);
    const damagedBytes = readFileSync(join(server.dataDir, 'bureau-sync.sqlite'));
    await page.goto(server.url);
    const notice = page.getByTestId('database-damaged');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('The database is damaged');
    await expect(notice).toContainText("failed SQLite's check");
    await expect(notice).toContainText(
      'Bureau Sync has opened it read-only, so nothing more is written to it, and syncs are stopped.',
    );
    await expect(notice).toContainText(`Restore the newest good backup, ${backup} (`);
    // What it holds can still be read.
    await expect(page.getByRole('button', { name: 'Demo Company Ltd', exact: true })).toBeVisible();
    await shot(page, 'database-damaged');

    await notice.getByRole('button', { name: /^Restore the backup of \d\d\/\d\d\/\d{4} \d\d:\d\d$/ }).click();
    const result = page.getByTestId('database-restore-result');
    await expect(result).toContainText('Backup restored');
    await expect(result).toContainText(`Restored ${backup}, the backup of`);
    await expect(result).toContainText('The file it replaced is kept in');
    await expect(page.getByTestId('database-damaged')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Demo Company Ltd', exact: true })).toBeVisible();
    await shot(page, 'database-restored');

    // On disk: the damaged file, byte for byte, in set-aside/<time>/.
    const aside = join(server.dataDir, 'set-aside');
    expect(existsSync(aside)).toBe(true);
    const [stamp] = readdirSync(aside);
    expect(readFileSync(join(aside, stamp!, 'bureau-sync.sqlite')).equals(damagedBytes)).toBe(true);
  });
});

test.describe('with a backup holding the company', () => {
  test.use({ seed: { script: 'tests/e2e/support/seed-backed-up.ts' } });

  test('Preferences lists the backups with dates and sizes, and keeps them the days chosen', async ({
    page,
    server,
  }) => {
    const { backup } = seeded(server.seedOutput);
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Preferences' }).click();
    const section = page.getByTestId('backups-section');
    await expect(section).toContainText(
      'Once a day, and before each upgrade of Bureau Sync, a copy of the database is made',
    );
    const rows = section.getByRole('table', { name: 'Backups' }).locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(backup);
    await expect(rows.first()).toContainText('Daily');
    await expect(rows.first()).toContainText(/\d\d\/\d\d\/\d{4} \d\d:\d\d/);
    await expect(rows.first()).toContainText(/\d+(\.\d)? (KB|MB)/);

    const days = section.getByLabel('Keep backups for (days)');
    await expect(days).toHaveValue('14');
    await days.fill('0');
    await expect(section).toContainText('Enter a whole number of days from 1 to 365.');
    await expect(section.getByRole('button', { name: 'Save' })).toBeDisabled();
    await days.fill('7');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('preferences-result')).toContainText('Backups are kept for 7 days');
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'preferences-backups');
    await page.reload();
    await page.getByRole('button', { name: 'Preferences' }).click();
    await expect(page.getByLabel('Keep backups for (days)')).toHaveValue('7');
  });

  test('Remove this company says how many backups hold it, and rewrites them without it', async ({ page, server }) => {
    const { backup, niNumbers } = seeded(server.seedOutput);
    expect(niNumbers.length).toBeGreaterThan(0);
    const backupFile = join(server.dataDir, 'backups', backup);
    const holds = () => niNumbers.filter((n) => readFileSync(backupFile).toString('latin1').includes(n)).length;
    expect(holds()).toBe(niNumbers.length);

    await page.goto(server.url);
    await page.getByRole('button', { name: 'Demo Company Ltd', exact: true }).click();
    await page.getByRole('tab', { name: 'Settings' }).click();
    const card = page.getByTestId('remove-company');
    const copies = card.getByTestId('remove-company-backups');
    await expect(copies).toContainText(
      '1 backup (in the backups folder beside the database) holds Demo Company Ltd’s staff data.',
    );
    await expect(copies).toContainText('It is rewritten without Demo Company Ltd');
    const keep = copies.getByLabel('Keep this backup as it is');
    await keep.check();
    await expect(copies).toContainText('It stays as it is, with that data.');
    await keep.uncheck();
    await card.getByLabel('Type the company’s name to confirm').fill('Demo Company Ltd');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'remove-company-backups');
    await card.getByRole('button', { name: 'Remove Demo Company Ltd' }).click();

    const notice = page.getByTestId('home-notice');
    await expect(notice).toContainText('Demo Company Ltd removed');
    await expect(notice).toContainText('1 backup rewritten without it.');
    await shot(page, 'remove-company-backups-done');
    // Read back: the backup is still there, and holds none of the company's NI numbers.
    expect(existsSync(backupFile)).toBe(true);
    expect(holds()).toBe(0);
  });
});

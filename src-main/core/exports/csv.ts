import Papa from 'papaparse';

/**
 * Cells a spreadsheet would run as a formula start with = + - @, a tab or a return; payroll staff open these
 * files in Excel, so such cells get a leading apostrophe, as the problems CSV does. A plain number or phone
 * number ("-1", Sage's "no student loan"; "+44 7700 900123") is left alone: digits, spaces, dots, dashes and
 * brackets cannot form a formula that does anything, and the payroll software must receive them unchanged.
 */
export const FORMULA_START = /^(?![-+][\d\s().-]*$)[=+\-@\t\r]/;

/** A CSV file as the payroll software reads it: UTF-8 without a byte-order mark (which would spoil the first heading), CRLF lines. */
export function toCsv(header: string[], rows: string[][], opts: { bom?: boolean } = {}): Buffer {
  const text = Papa.unparse({ fields: header, data: rows }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  return Buffer.from(`${opts.bom ? '\ufeff' : ''}${text}\r\n`, 'utf8');
}

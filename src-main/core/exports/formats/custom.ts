import type { CustomLayout, CustomValue } from '../../../contract/exports';
import type { PayrollField } from '../../../contract/payroll';
import {
  dateAs,
  genderAs,
  frequencyWords,
  niNumber,
  salaryInPounds,
  splitTaxCode,
  yesNo,
  atMost,
  type Cell,
  type ExportEmployee,
} from '../encode';
import type { PayrollFormat } from './types';
import { AppError } from '../../errors';

const DATE_FIELDS = new Set<PayrollField>(['dateOfBirth', 'startDate', 'leaveDate']);
const NAME_FIELDS = new Set<PayrollField>(['firstName', 'middleName', 'lastName']);

/** One custom column's cell, in the layout's chosen spellings. */
function cellFor(value: CustomValue, layout: CustomLayout): (e: ExportEmployee) => Cell {
  const yn = (b: boolean) => yesNo(layout.booleanStyle, b);
  switch (value) {
    case 'taxCodeOnly':
      return (e) => (e.values.taxCode ? splitTaxCode(e.values.taxCode).code : '');
    case 'taxCodeBasis':
      return (e) => (e.values.taxCode ? yn(splitTaxCode(e.values.taxCode).week1Month1) : '');
    case 'state':
      return (e) => yn(e.state === 'leaver');
    case 'gender':
      return (e) => genderAs(layout.genderStyle, e.values.gender);
    case 'postgraduateLoan':
      return (e) => yn(e.values.postgraduateLoan === 'true');
    case 'paymentFrequency':
      return (e) => frequencyWords(e.values.paymentFrequency);
    case 'niNumber':
      return niNumber;
    case 'salary':
      return salaryInPounds('The payroll software');
    case 'addressLine1':
    case 'addressLine2':
    case 'addressLine3':
      return (e) => atMost(35, 'An address line', e.values[value]);
    default:
      if (DATE_FIELDS.has(value)) return (e) => dateAs(layout.dateStyle, e.values[value]);
      if (NAME_FIELDS.has(value)) return (e) => atMost(35, 'A name', e.values[value]);
      return (e) => e.values[value] ?? '';
  }
}

/**
 * The bureau's own layout (Moneysoft, IRIS Earnie, anything else): columns chosen, named and ordered per
 * company, values in the encodings chosen for the layout.
 */
export const custom: PayrollFormat = {
  id: 'custom',
  slug: 'custom',
  notes: ["Columns, headings and spellings as set in this company's custom layout."],
  columns({ target }) {
    const layout = target.customLayout;
    if (!layout)
      throw new AppError(
        'VALIDATION',
        'This company has no custom CSV layout yet: set its columns in the payroll software options first.',
      );
    return layout.columns.map((c) => ({ header: c.header, cell: cellFor(c.value, layout) }));
  },
};

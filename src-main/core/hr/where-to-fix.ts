import type { RealProvider } from '../../contract/providers';
import { humaansCannotRead, humaansWhereToFix } from './humaans/where-to-fix';
import { peoplehrCannotRead, peoplehrWhereToFix } from './peoplehr/where-to-fix';
import { personioCannotRead, personioWhereToFix } from './personio/where-to-fix';

/** Each HR system's own words for where a field is corrected, and for letting Bureau Sync read a field it cannot. */
export const WHERE_TO_FIX: Record<
  RealProvider,
  { fix(field: { label: string; key: string; custom: boolean }): string; cannotRead(label: string): string }
> = {
  personio: { fix: personioWhereToFix, cannotRead: personioCannotRead },
  humaans: { fix: humaansWhereToFix, cannotRead: () => humaansCannotRead() },
  peoplehr: { fix: peoplehrWhereToFix, cannotRead: () => peoplehrCannotRead() },
};

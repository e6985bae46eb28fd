import { createHash } from 'node:crypto';
import type { ProviderRecord } from './types';

/**
 * A record's JSON and its sha1, which the sync stores and compares (the record's "raw hash"). A client
 * that read its records off the core's thread had them serialised and hashed there too, and hands them on
 * with the records, so the core's thread does not do that work again. Only records nobody changes after
 * reading are remembered (a PeopleHR salary run, which adds salary fields, is not).
 */
export interface RecordJson {
  json: string;
  hash: string;
}

export const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

const known = new WeakMap<ProviderRecord, RecordJson>();

/** Remembers that `json` is JSON.stringify(record) and `hash` its sha1; the record must not change after. */
export function rememberJson(record: ProviderRecord, json: string, hash: string): void {
  known.set(record, { json, hash });
}

/** The record's JSON and sha1: as remembered when it was read, else worked out now. */
export function recordJson(record: ProviderRecord): RecordJson {
  const remembered = known.get(record);
  if (remembered) return remembered;
  const json = JSON.stringify(record);
  return { json, hash: sha1(json) };
}

import { createHash } from 'node:crypto';
import type { ProviderRecord } from './types';

/**
 * A record's JSON and its sha1, which the sync stores and compares (the record's "raw hash"). A client
 * that read its records off the core's thread had them serialised and hashed there too, and hands them on
 * beside the records' page (ListOptions.onPage), so the core's thread does not do that work again. Only
 * records nobody changes after reading come with them (a PeopleHR salary run, which adds salary fields, does not).
 */
export interface RecordJson {
  json: string;
  hash: string;
}

export const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/** The record's JSON and sha1: as handed on with it, else worked out now. */
export function recordJson(record: ProviderRecord, given?: RecordJson): RecordJson {
  if (given) return given;
  const json = JSON.stringify(record);
  return { json, hash: sha1(json) };
}

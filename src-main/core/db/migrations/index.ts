import type Database from 'better-sqlite3';
import * as m0010 from './0010-initial-schema';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** In version order; numbered in tens so a hotfix fits between two. Never edit a released migration. */
export const MIGRATIONS: Migration[] = [{ version: 10, ...m0010 }];

import { userInfo } from 'node:os';

/** The operating-system user running the app: who an export is recorded as made by. */
export function osUserName(): string {
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // No passwd entry (some containers): fall back to what the environment says.
  }
  return process.env.USER ?? process.env.USERNAME ?? 'unknown user';
}

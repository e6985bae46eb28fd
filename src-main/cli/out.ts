import type { CommandName, CommandOutputs } from '../contract/index';
import type { Core } from '../core/app';
import { AppError } from '../core/errors';

/** What a command hands back to main(): its JSON and its text, and whether it ran and failed (exit 1). */
export type Out = {
  json: unknown;
  text: string;
  failed?: boolean;
  /** One line of JSON, after the lines it printed as it went (`run --json` writes one object per line). */
  jsonLine?: boolean;
};

/** A contract command through the core, its error thrown as an AppError for main() to report. */
export async function call<K extends CommandName>(core: Core, name: K, input: unknown): Promise<CommandOutputs[K]> {
  const r = await core.invoke(name, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
  return r.value;
}

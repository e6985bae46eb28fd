import type { CommandName, CommandOutputs, ParsedInput, PushEvents, EventName } from '../../contract/index';

/** The core's implementation of every contract command (input already validated by the binding). */
export type Handlers = { [K in CommandName]: (input: ParsedInput<K>) => Promise<CommandOutputs[K]> };

export type Emit = <E extends EventName>(event: E, payload: PushEvents[E]) => void;

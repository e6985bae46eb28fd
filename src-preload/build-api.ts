import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  channelFor,
  COMMAND_NAMES,
  eventChannelFor,
  EVENT_NAMES,
  type BureauApi,
  type EventName,
  type PushEvents,
} from '../src-main/contract/index';

/** Turns the contract into named functions over IPC; the IPC event object never reaches the page. */
export function buildApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): BureauApi {
  const api: Record<string, unknown> = {};
  for (const name of COMMAND_NAMES) api[name] = (input: unknown) => ipc.invoke(channelFor(name), input ?? {});
  api.on = <E extends EventName>(event: E, listener: (payload: PushEvents[E]) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${event}`);
    const channel = eventChannelFor(event);
    const wrapped = (_e: IpcRendererEvent, payload: PushEvents[E]) => listener(payload);
    ipc.on(channel, wrapped);
    return () => ipc.removeListener(channel, wrapped);
  };
  return api as BureauApi;
}

import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { channelFor, COMMAND_NAMES, eventChannelFor, type EventName } from '../contract/index';
import type { Core } from '../core/app';

/** Same idea as Bruno's IpcMainLike: tests can pass a fake, production passes ipcMain. */
export interface IpcMainLike {
  handle(channel: string, fn: (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>): void;
}

/**
 * Binds every contract command to IPC. Each call is answered only for the app's own window's main
 * frame (sender check), and the core validates the input against the contract's schema.
 */
export function bindContract(ipc: IpcMainLike, core: Core, isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  for (const name of COMMAND_NAMES) {
    ipc.handle(channelFor(name), async (event, raw) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'VALIDATION', message: 'This request did not come from the Bureau Sync window.' },
        };
      }
      return core.invoke(name, raw);
    });
  }
}

/** Forwards the core's push events to the window. */
export function forwardEvents(core: Core, target: () => WebContents | null): () => void {
  return core.subscribe((event: EventName, payload) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(eventChannelFor(event), payload);
  });
}

import type { Logger } from '../../ports';
import { ListPieces, type PieceRows } from './list-pieces';
import { sharedListThread } from './list-thread';

/**
 * Reads the staff list's reply into employee records as it arrives (see list-pieces.ts), handing each
 * piece's rows to `deliver` in reply order. Normally the list thread reads it, beside the core's thread:
 * parsing, flattening and serialising 10,000 people there (some 0.45 s) overlaps the core's own work on the
 * rows already read (rules, staging), where before the two queued on one thread. Where the thread cannot
 * run, the core's thread reads it, exactly as before the thread existed.
 */
export interface ListReader {
  /** Feeds the next piece of text; resolves once there is room for more (a slow sync holds the reply back). */
  write(piece: string): Promise<void>;
  /** The text has ended: resolves, once every row has been delivered, with the reply's other members. */
  end(): Promise<{ members: Map<string, unknown>; streamed: boolean }>;
  /**
   * Stops reading (the reply failed or was cancelled): nothing more is delivered, and it resolves once a
   * delivery under way has finished, so nothing reaches the sink after the caller has moved on.
   */
  close(): Promise<void>;
}

/** Where a piece's rows go; awaited before the next piece's rows go. */
export type Deliver = (rows: PieceRows) => Promise<void>;

export interface ListReading {
  /** Today as `YYYY-MM-DD`, for leaver dates. */
  today: string;
  /**
   * Whether each record's JSON and sha1 may be worked out where it is read and remembered with it
   * (record-json.ts): only for records nobody changes after reading.
   */
  precompute: boolean;
  /** false: read on the core's thread even where the list thread could run (tests compare the two). */
  onThread?: boolean;
  logger: Logger;
}

/** A reader on the core's thread: each piece's rows are delivered before write() resolves. */
export function readHere(today: string, deliver: Deliver): ListReader {
  const pieces = new ListPieces(today);
  return {
    write: (piece) => deliver(pieces.read(piece)),
    end: async () => pieces.end(),
    close: async () => undefined,
  };
}

/** A reader for one reply: on the list thread when it runs (it is started on first use), else here. */
export async function openListReader(o: ListReading, deliver: Deliver): Promise<ListReader> {
  const thread = o.onThread === false ? null : await sharedListThread(o.logger);
  return thread ? thread.open(o.today, o.precompute, deliver) : readHere(o.today, deliver);
}

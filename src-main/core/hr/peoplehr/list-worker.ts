import { parentPort } from 'node:worker_threads';
import { JsonStreamError } from '../json-stream';
import { sha1 } from '../record-json';
import { ListPieces } from './list-pieces';
import type { FromThread, ToThread } from './list-thread';

/**
 * The list thread's code (see list-thread.ts): reads pieces of PeopleHR staff lists for the core's thread.
 * Several lists may be read at once (one per company syncing), each under the id the core gave it; every
 * message is answered in the order it came, one answer per piece and one for the end.
 */
const port = parentPort;
if (!port) throw new Error('list-worker.ts runs only as a worker thread');

const readers = new Map<number, { pieces: ListPieces; hash: boolean }>();
const send = (m: FromThread) => port.postMessage(m);

port.on('message', (m: ToThread) => {
  if (m.op === 'open') {
    readers.set(m.id, { pieces: new ListPieces(m.today), hash: m.hash });
    return;
  }
  const reader = readers.get(m.id);
  if (!reader) return; // dropped, or failed already
  if (m.op === 'drop') {
    readers.delete(m.id);
    return;
  }
  try {
    if (m.op === 'piece') {
      const { records, skipped, arrayStart } = reader.pieces.read(m.text);
      // Text, not objects: a string crosses threads as one copy, where a record would be rebuilt field by field.
      const jsons = records.map((r) => JSON.stringify(r));
      send({ id: m.id, kind: 'rows', jsons, hashes: reader.hash ? jsons.map(sha1) : null, skipped, arrayStart });
    } else {
      readers.delete(m.id);
      const { members, streamed } = reader.pieces.end();
      send({ id: m.id, kind: 'end', members: [...members], streamed });
    }
  } catch (err) {
    readers.delete(m.id);
    const message = err instanceof Error ? err.message : String(err);
    send({ id: m.id, kind: 'error', message, jsonKind: err instanceof JsonStreamError ? err.kind : null });
  }
});

send({ id: 0, kind: 'ready' });

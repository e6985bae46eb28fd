import { JsonObjectStream, type StreamedObject } from '../json-stream';
import type { ProviderRecord } from '../types';
import { flattenEmployee, isPlainObject } from './flatten';
import type { RecordJson } from '../record-json';

/**
 * The staff list's reply, piece by piece as it arrives, turned into employee records: each element of
 * `Result` is parsed and flattened as soon as it is complete. The same reader runs on the core's thread
 * for a short reply and on the list thread (list-worker.ts) for a long one, so both read alike.
 */
export interface PieceRows {
  records: ProviderRecord[];
  /** Elements of Result that are not an employee with an Employee ID. */
  skipped: number;
  /** When Result opened in this piece: the members read before it (isError, Status, Message…), in order. */
  arrayStart: Array<[string, unknown]> | null;
  /** Each record's JSON and sha1, where they were worked out as the piece was read (the list thread). */
  serialised?: RecordJson[];
}

export class ListPieces {
  readonly #splitter: JsonObjectStream;
  #arrayStart: Array<[string, unknown]> | null = null;

  constructor(private readonly today: string) {
    this.#splitter = new JsonObjectStream('Result', {
      onArrayStart: (members) => {
        this.#arrayStart = [...members];
      },
    });
  }

  /** Reads one more piece; throws JsonStreamError when the text is not the JSON it should be. */
  read(piece: string): PieceRows {
    const rows = this.#splitter.write(piece);
    const records: ProviderRecord[] = [];
    let skipped = 0;
    for (const row of rows) {
      const rec = isPlainObject(row) ? flattenEmployee(row, this.today) : null;
      if (rec) records.push(rec);
      else skipped += 1;
    }
    const arrayStart = this.#arrayStart;
    this.#arrayStart = null;
    return { records, skipped, arrayStart };
  }

  /** The text has ended: the object's other members, or JsonStreamError if it was cut short. */
  end(): StreamedObject {
    return this.#splitter.end();
  }
}

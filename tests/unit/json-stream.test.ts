import { describe, expect, it } from 'vitest';
import { JsonObjectStream, JsonStreamError } from '../../src-main/core/hr/json-stream';

// The splitter must agree with JSON.parse of the whole text, however the text is cut into pieces:
// same elements, same other members, and a failure wherever JSON.parse fails (never a "complete" read).

function readIn(pieces: string[], key = 'Result') {
  const splitter = new JsonObjectStream(key);
  const elements: unknown[] = [];
  for (const p of pieces) elements.push(...splitter.write(p));
  const { members, streamed, elements: count } = splitter.end();
  return { elements, members: Object.fromEntries(members), streamed, count };
}

/** Every way of cutting `text` in two, plus one character at a time. */
function cuts(text: string): string[][] {
  const out: string[][] = [[text], [...text]];
  for (let i = 1; i < text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

function expectSameAsJsonParse(text: string) {
  const whole = JSON.parse(text) as Record<string, unknown>;
  const { Result, ...rest } = whole;
  for (const pieces of cuts(text)) {
    const got = readIn(pieces);
    if (Array.isArray(Result)) {
      expect(got.streamed).toBe(true);
      expect(got.elements).toEqual(Result);
      expect(got.count).toBe(Result.length);
      expect(got.members).toEqual(rest);
    } else {
      expect(got.streamed).toBe(false);
      expect(got.elements).toEqual([]);
      expect(got.members).toEqual(whole);
    }
  }
}

function expectFails(text: string) {
  expect(() => JSON.parse(text)).toThrow();
  for (const pieces of cuts(text)) expect(() => readIn(pieces)).toThrow(JsonStreamError);
}

describe('JsonObjectStream', () => {
  it('hands on the array elements and keeps the other members, wherever they stand', () => {
    expectSameAsJsonParse('{"isError":false,"Status":0,"Message":"ok","Result":[{"a":1},{"b":[2,3]}]}');
    expectSameAsJsonParse('{"Result":[{"a":1},{"b":2}],"isError":true,"Status":6,"Message":"Oops"}');
    expectSameAsJsonParse('{"Status":10,"Result":"","Message":"No records found."}');
    expectSameAsJsonParse('{"isError":true,"Result":{},"Status":2}');
    expectSameAsJsonParse('{"Result":null}');
    expectSameAsJsonParse('{"Result":[]}');
    expectSameAsJsonParse('{}');
  });

  it('reads strings holding brackets, quotes, escapes and non-ASCII text as JSON.parse does', () => {
    expectSameAsJsonParse(
      String.raw`{"Message":"a \"quoted\" ] } word","Result":[{"s":"[{\"}]"},{"t":"back\\"},{"u":"\\\"]"},{"v":"\u005d\u007b"}]}`,
    );
    expectSameAsJsonParse('{"Result":[{"name":"Zoë Ødegård 😀 £ € 中文","addr":"1 Road<br />Town"}],"Message":"é"}');
    expectSameAsJsonParse('{"Result":["x\\\\","\\\\\\"",""]}');
  });

  it('reads nested objects and lists, numbers, literals and whitespace anywhere', () => {
    expectSameAsJsonParse(
      ' \n{ "Status" : 10 , "Result" : [ 1 , -2.5e3 , true , false , null , "s" , [ [ ] , { } ] , { "a" : { "b" : [ { "c" : [ 1 ] } ] } } ] } \r\n\t',
    );
  });

  it('a number cut at a piece boundary is read whole (Status 1 then 0 is 10, not 1)', () => {
    const got = readIn(['{"Status":1', '0,"Result":[12', '34]}']);
    expect(got.members).toEqual({ Status: 10 });
    expect(got.elements).toEqual([1234]);
  });

  it('recognises the key however it is written, and a repeated member keeps its last value like JSON.parse', () => {
    const got = readIn(['{"Res\\u0075lt":[1,2],"Status":1,"Status":2}']);
    expect(got).toMatchObject({ streamed: true, elements: [1, 2], members: { Status: 2 } });
    // Members named like Object.prototype properties stay plain data.
    const proto = readIn(['{"__proto__":{"x":1},"Result":[]}']);
    expect(Object.getOwnPropertyNames(proto.members)).toEqual(['__proto__']);
  });

  it('tells onArrayStart the members read before the array opens', () => {
    const seen: unknown[] = [];
    const splitter = new JsonObjectStream('Result', { onArrayStart: (m) => seen.push(Object.fromEntries(m)) });
    splitter.write('{"isError":true,"Status":6,"Res');
    splitter.write('ult":[{"a":1}],"Message":"late"}');
    splitter.end();
    expect(seen).toEqual([{ isError: true, Status: 6 }]);
  });

  it('never reads a cut-off text as complete, wherever it was cut', () => {
    const text = '{"isError":false,"Status":0,"Message":"a \\"b\\" ]","Result":[{"a":"x]}"},{"b":[1,{"c":null}]},3]}';
    expect(readIn([text]).count).toBe(3);
    for (let i = 0; i < text.length; i++) {
      const prefix = text.slice(0, i);
      expect(() => readIn([prefix]), prefix).toThrow(JsonStreamError);
      expect(() => readIn([...prefix]), prefix).toThrow(JsonStreamError);
    }
  });

  it('says "truncated" for a text that stops early and "syntax" for one that is wrong', () => {
    const kindOf = (pieces: string[]) => {
      try {
        readIn(pieces);
        return 'read';
      } catch (err) {
        return err instanceof JsonStreamError ? err.kind : 'other';
      }
    };
    expect(kindOf(['{"Result":[{"a":1},'])).toBe('truncated');
    expect(kindOf(['{"Result":[{"a":1}]'])).toBe('truncated');
    expect(kindOf([''])).toBe('truncated');
    expect(kindOf(['{"Result":[{"a":1}}'])).toBe('syntax');
    expect(kindOf(['<html>'])).toBe('syntax');
  });

  it('fails wherever JSON.parse fails', () => {
    for (const bad of [
      '{"Result":[1,]}',
      '{"Result":[,1]}',
      '{"Result":[1 2]}',
      '{"a":1,}',
      '{"a" 1}',
      '{a:1}',
      "{'a':1}",
      '{"Result":[{"a":[}]]}',
      '{"Result":[{"a":1]]}',
      '{"Result":[tru]}',
      '{"Result":[01]}',
      '{"Result":["bad \\x escape"]}',
      '{"Result":["raw\nnewline"]}',
      '{"Status":1}}',
      '{"Status":1} x',
      '{"Status":1}{}',
      '\uFEFF{"Status":1}',
    ])
      expectFails(bad);
  });

  it('refuses JSON it cannot stream: a top level that is not an object, or the streamed list twice', () => {
    for (const odd of ['[{"Status":1}]', '"text"', '{"Result":[1],"Result":[2]}', '{"Result":[1],"Result":""}'])
      for (const pieces of cuts(odd)) expect(() => readIn(pieces)).toThrow(JsonStreamError);
    // A repeated member that is not streamed keeps its last value, as JSON.parse does.
    expect(readIn(['{"Result":"","Result":[3]}'])).toMatchObject({ streamed: true, elements: [3], members: {} });
  });

  it('agrees with JSON.parse on random documents cut at random places', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const strings = ['', 'a', '"', '\\', ']', '}', '[{', ',:', 'é', '😀', '\u2028', '\u0000'];
    const value = (depth: number): unknown => {
      switch (rnd(depth > 3 ? 4 : 6)) {
        case 0:
          return rnd(1000) - 500 + rnd(100) / 100;
        case 1:
          return [true, false, null][rnd(3)];
        case 2:
        case 3:
          return Array.from({ length: rnd(4) }, () => strings[rnd(strings.length)]).join('');
        case 4:
          return Array.from({ length: rnd(4) }, () => value(depth + 1));
        default:
          return Object.fromEntries(
            Array.from({ length: rnd(4) }, (_, i) => [`k${i}${strings[rnd(strings.length)]}`, value(depth + 1)]),
          );
      }
    };
    for (let round = 0; round < 200; round++) {
      const doc: Record<string, unknown> = { Status: rnd(20), Message: value(3) };
      doc.Result = rnd(5) === 0 ? value(1) : Array.from({ length: rnd(6) }, () => value(1));
      if (rnd(2)) doc.After = value(2);
      const text = JSON.stringify(doc, null, rnd(2) ? 1 : undefined);
      const pieces: string[] = [];
      for (let i = 0; i < text.length;) {
        const n = 1 + rnd(12);
        pieces.push(text.slice(i, i + n));
        i += n;
      }
      const got = readIn(pieces);
      const { Result, ...rest } = doc;
      if (Array.isArray(Result)) {
        expect(got.elements).toEqual(JSON.parse(JSON.stringify(Result)));
        expect(got.members).toEqual(JSON.parse(JSON.stringify(rest)));
      } else {
        expect(got.members).toEqual(JSON.parse(text));
      }
    }
  });
});

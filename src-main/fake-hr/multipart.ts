/**
 * A small multipart/form-data reader for the fake HR servers' upload endpoints. The shared fake server
 * hands handlers the body as UTF-8 text, so file bytes survive exactly when they are valid UTF-8 (tests
 * build their PDFs that way).
 */
export interface FormPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  /** The part's bytes. */
  data: Buffer;
  text: string;
}

/** The parts, or null when the request is not multipart/form-data with a boundary. */
export function parseMultipart(body: string, contentType: string | undefined): FormPart[] | null {
  const m = /^multipart\/form-data\s*;.*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return null;
  const parts: FormPart[] = [];
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const part = chunk.replace(/^\r\n/, '').replace(/\r\n$/, '');
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return null;
    const head = part.slice(0, split);
    const text = part.slice(split + 4);
    const disposition = /content-disposition:\s*form-data([^\r\n]*)/i.exec(head)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return null;
    parts.push({
      name,
      filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null,
      contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? null,
      data: Buffer.from(text, 'utf8'),
      text,
    });
  }
  return parts;
}

/**
 * A small multipart/form-data reader for the fake HR servers' upload endpoints. It works on the raw bytes
 * (read as latin1, which maps every byte to one character and back), so binary PDFs arrive exactly.
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
export function parseMultipart(raw: Buffer | string, contentType: string | undefined): FormPart[] | null {
  const body = typeof raw === 'string' ? Buffer.from(raw, 'utf8').toString('latin1') : raw.toString('latin1');
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
    const bytes = Buffer.from(part.slice(split + 4), 'latin1');
    const disposition = /content-disposition:\s*form-data([^\r\n]*)/i.exec(head)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return null;
    parts.push({
      name,
      filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null,
      contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? null,
      data: bytes,
      text: bytes.toString('utf8'),
    });
  }
  return parts;
}

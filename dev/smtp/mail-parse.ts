/**
 * Just enough of MIME (RFC 2045–2047) to read what a test sent: the headers, the subject and the
 * first text/plain part, through base64 and quoted-printable, in the part's charset. Not a general
 * mail parser: no attachments, no HTML, no address lists.
 */

export interface ParsedMail {
  /** Names in lower case; a repeated header keeps its last value; encoded words decoded. */
  headers: Record<string, string>;
  subject: string;
  /** Line ends as `\n`, without the one ending the part. */
  text: string;
}

interface Part {
  headers: Record<string, string>;
  /** The body's bytes, one character per byte (latin1), as they were sent. */
  body: string;
}

export function parseMail(raw: Buffer): ParsedMail {
  const part = splitPart(raw.toString('latin1'));
  const headers = Object.fromEntries(
    Object.entries(part.headers).map(([name, value]) => [name, decodeWords(fromLatin1(value, 'utf-8'))]),
  );
  return { headers, subject: headers.subject ?? '', text: plainText(part) ?? '' };
}

function splitPart(source: string): Part {
  const match = /\r?\n\r?\n/.exec(source);
  const head = match ? source.slice(0, match.index) : source;
  const body = match ? source.slice(match.index + match[0].length) : '';
  const headers: Record<string, string> = {};
  // Unfolding: a line that starts with white space continues the header before it.
  for (const line of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** `text/plain; charset="utf-8"` → type `text/plain` and its parameters. */
function contentType(part: Part): { type: string; params: Record<string, string> } {
  const [type = '', ...rest] = (part.headers['content-type'] ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    params[param.slice(0, eq).trim().toLowerCase()] = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { type: type.trim().toLowerCase(), params };
}

function plainText(part: Part): string | undefined {
  const { type, params } = contentType(part);
  if (type.startsWith('multipart/')) {
    if (!params.boundary) return undefined;
    for (const child of multipartChildren(part.body, params.boundary)) {
      const text = plainText(child);
      if (text !== undefined) return text;
    }
    return undefined;
  }
  if (type !== 'text/plain' || /^\s*attachment/i.test(part.headers['content-disposition'] ?? ''))
    return undefined;
  const bytes = decodeTransfer(part.body, part.headers['content-transfer-encoding']);
  return fromLatin1(bytes, params.charset ?? 'utf-8')
    .replace(/\r\n/g, '\n')
    .replace(/\n$/, '');
}

function multipartChildren(body: string, boundary: string): Part[] {
  const delimiter = `--${boundary}`;
  const parts: Part[] = [];
  let current: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    if (line.startsWith(delimiter)) {
      if (current) parts.push(splitPart(current.join('\r\n')));
      const closing = line.slice(delimiter.length).startsWith('--');
      if (closing) return parts;
      current = [];
    } else {
      current?.push(line);
    }
  }
  if (current) parts.push(splitPart(current.join('\r\n')));
  return parts;
}

/** base64 and quoted-printable to their bytes (as latin1 characters); 7bit, 8bit and binary as they are. */
function decodeTransfer(body: string, encoding = '7bit'): string {
  switch (encoding.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('latin1');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

function decodeQuotedPrintable(body: string): string {
  return body
    .replace(/[ \t]+(?=\r?\n|$)/g, '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Bytes held as latin1 characters, read in `charset` (UTF-8 when Node does not know it). */
function fromLatin1(bytes: string, charset: string): string {
  const buffer = Buffer.from(bytes, 'latin1');
  try {
    return new TextDecoder(charset).decode(buffer);
  } catch {
    return buffer.toString('utf8');
  }
}

/** RFC 2047 encoded words (`=?UTF-8?Q?Caf=C3=A9?=`, `=?utf-8?B?...?=`); white space between two of them goes. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('latin1')
          : decodeQuotedPrintable(text.replace(/_/g, ' '));
      return fromLatin1(bytes, charset.replace(/\*.*$/, ''));
    });
}

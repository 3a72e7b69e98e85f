import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/server/http/app-error';

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Request bodies are capped: 10 MB (a produced message is at most the topic's max.message.bytes, 1 MB by
 * default; the rest is headroom for JSON escaping), sign-in much less. Route handlers read bodies only
 * after handler() has checked the session.
 */
const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

const tooLarge = (limit: number) =>
  new AppError(
    'payload_too_large',
    `The request body is larger than ${limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${limit / 1024} KB`}, the limit for this request`,
  );

/** The body as text, refused as soon as it is longer than `limit` bytes: by Content-Length, or while streaming. */
export async function readBodyText(request: Request, limit = BODY_LIMIT_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `application/json`, `application/merge-patch+json` and the like, with or without a charset. */
const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

/**
 * Bodies are JSON, and say so: a form or `text/plain` body (which a cross-site form can send without
 * a preflight) is refused with a 415 before it is read.
 */
function checkJsonContentType(request: Request): void {
  const type = request.headers.get('content-type');
  if (type === null || !JSON_MEDIA_TYPE.test(type.trim()))
    throw new AppError(
      'unsupported_media_type',
      `The request body must be JSON, sent with Content-Type: application/json${type ? ` (not ${type.slice(0, 100)})` : ''}`,
    );
}

/**
 * The path of the first `__proto__` key in a parsed body, if any. JSON.parse keeps it as a plain key,
 * but zod drops it when it builds objects and records, so `{ "configs": { "__proto__": … } }` would
 * lose that entry and apply the rest: such a body is refused as a whole instead.
 */
function protoKeyPath(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (!Array.isArray(node) && Object.hasOwn(node, '__proto__')) return `${path}__proto__`;
    for (const [key, child] of Object.entries(node)) stack.push({ value: child, path: `${path}${key}.` });
  }
  return null;
}

export interface BodyOptions {
  limitBytes?: number;
}

/** The request's JSON body, not yet validated: a 413 when too large, a 415 when not JSON, a 400 when it does not parse. */
export async function readJsonBody(
  request: Request,
  { limitBytes = BODY_LIMIT_BYTES }: BodyOptions = {},
): Promise<unknown> {
  checkJsonContentType(request);
  const text = await readBodyText(request, limitBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('validation_failed', 'The request body must be JSON');
  }
  const proto = protoKeyPath(body);
  if (proto !== null)
    throw new AppError('validation_failed', `${proto}: "__proto__" is not an accepted name`);
  return body;
}

/** `value` as `schema` has it, or a 400 naming each bad field. */
export function validated<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('validation_failed', describe(parsed.error));
  return parsed.data;
}

/** The request's JSON body, validated: a 400 naming each bad field otherwise, a 413 when too large, a 415 when not JSON. */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options?: BodyOptions,
): Promise<z.infer<S>> {
  return validated(schema, await readJsonBody(request, options));
}

export function parseQuery<S extends z.ZodType>(query: URLSearchParams, schema: S): z.infer<S> {
  return validated(schema, Object.fromEntries(query));
}

export function parseIntParam(
  value: string | undefined,
  name: string,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const number = Number(value);
  if (!value || !/^\d+$/.test(value) || !Number.isSafeInteger(number) || number > max)
    throw new AppError(
      'validation_failed',
      `${name} must be a non-negative integer${max < Number.MAX_SAFE_INTEGER ? ` of at most ${max}` : ''}`,
    );
  return number;
}

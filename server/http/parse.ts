import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/server/http/app-error';

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** The request's JSON body, validated: a 400 naming each bad field otherwise. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError('validation_failed', 'The request body must be JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError('validation_failed', describe(parsed.error));
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(query: URLSearchParams, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw new AppError('validation_failed', describe(parsed.error));
  return parsed.data;
}

export function parseIntParam(value: string | undefined, name: string): number {
  const number = Number(value);
  if (!value || !Number.isInteger(number) || number < 0)
    throw new AppError('validation_failed', `${name} must be a non-negative integer`);
  return number;
}

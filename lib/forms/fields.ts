import type { z } from 'zod';

/** A whole number typed into a form field, or NaN (which the schema then rejects with a message). */
export function parseWholeNumber(text: string): number {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

function humanize(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? `Must be at least ${issue.minimum}` : issue.message;
    case 'too_big':
      return issue.origin === 'number' ? `Must be at most ${issue.maximum}` : issue.message;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? 'Enter a whole number' : issue.message;
    default:
      return issue.message;
  }
}

/**
 * The first message per field of a failed parse, keyed by the field's path (`name`, `configs.retention.ms`
 * joins with a dot only for nested records, so look fields up by their first segment).
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in out)) out[key] = humanize(issue);
  }
  return out;
}

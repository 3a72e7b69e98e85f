import 'server-only';
import { audit, type AuditEntry } from '@/server/audit';
import { clientAddress } from '@/server/auth/client-address';
import { AppError } from '@/server/http/app-error';

type AuthAction = 'auth.login' | 'auth.logout' | 'auth.oidc';

/** What a caller got from a failed sign-in, as the audit log records it: the error code and status. */
export function outcomeOf(error: unknown): { result: string; status: number } {
  if (error instanceof AppError) return { result: error.code, status: error.status };
  return { result: 'internal', status: 500 };
}

/** One audit line for a sign-in or sign-out, allowed or refused. */
export function auditAuth(
  request: Request,
  started: number,
  entry: Pick<AuditEntry, 'user' | 'role' | 'via' | 'result' | 'status'> & { action: AuthAction },
): void {
  audit({
    ...entry,
    // Whatever was typed into the user name field, bounded: an audit line is not a place for a novel.
    user: entry.user === null ? null : entry.user.slice(0, 200),
    cluster: null,
    durationMs: Math.round(performance.now() - started),
    ip: clientAddress(request),
  });
}

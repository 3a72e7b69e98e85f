/**
 * Which worker URL of a Connect cluster a call goes to, and when it moves on to the next. Pure, so
 * that its rules are tested alone (failover.test.ts); http.ts keeps the state and makes the calls.
 *
 * A call starts at the URL that answered last (the first configured one at start) and tries the
 * others in their configured order after it. It moves on only when a worker did not answer at all:
 * the connection was refused or broke before an answer, or, for a read, the worker did not answer in
 * time. A worker that answered, even with an error (a 404, a 409 while its group rebalances, a 500),
 * speaks for the whole group, and its answer is the call's. A write that timed out is not sent again
 * elsewhere: the first worker may have applied it.
 */

/** The URLs' indexes in the order to try them, starting at the one that answered last. */
export function tryOrder(count: number, lastGood: number): number[] {
  if (count <= 0) return [];
  const start = lastGood >= 0 && lastGood < count ? lastGood : 0;
  return Array.from({ length: count }, (_, i) => (start + i) % count);
}

/** How a call to one URL ended, as far as choosing the next URL is concerned. */
export type Outcome = 'answered' | 'unreachable' | 'timeout';

/** Whether a call that ended so may be sent to the next URL. */
export function mayTryNext(outcome: Outcome, method: string): boolean {
  if (outcome === 'unreachable') return true;
  if (outcome === 'timeout') return method === 'GET';
  return false;
}

/** The reason a Connect cluster is down when none of its URLs answered: each URL's own reason. */
export function allDownMessage(name: string, reasons: string[]): string {
  if (reasons.length === 1) return reasons[0]!;
  return `no worker of Connect cluster "${name}" answered (${reasons.length} URLs): ${reasons.join('; ')}`;
}

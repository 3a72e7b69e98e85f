import { describe, expect, it } from 'vitest';
import {
  MAX_CONCURRENT_CHECKS,
  backoffBaseMs,
  beginAttempt,
  recordFailure,
  recordSuccess,
  retryAfterMs,
} from '@/server/auth/throttle';

describe('sign-in backoff', () => {
  it('starts at KAFKASCOPE_SIGNIN_BACKOFF_SECONDS, 1 s by default, and refuses nonsense', () => {
    expect(backoffBaseMs({})).toBe(1_000);
    expect(backoffBaseMs({ KAFKASCOPE_SIGNIN_BACKOFF_SECONDS: '60' })).toBe(60_000);
    for (const bad of ['0', '-1', '1.5', 'soon', '301'])
      expect(() => backoffBaseMs({ KAFKASCOPE_SIGNIN_BACKOFF_SECONDS: bad })).toThrow(/1 to 300/);
  });

  it('lets 4 failures pass, then doubles the wait, per user name and address, until a success', () => {
    const now = 1_000_000;
    for (let i = 0; i < 4; i++) recordFailure('Ann', '10.0.0.1', now);
    expect(retryAfterMs('ann', '10.0.0.1', now)).toBe(0);
    recordFailure('ann', '10.0.0.1', now);
    expect(retryAfterMs('ann', '10.0.0.1', now)).toBe(1_000);
    recordFailure('ann', '10.0.0.1', now);
    expect(retryAfterMs('ann', '10.0.0.1', now)).toBe(2_000);
    expect(retryAfterMs('ann', '10.0.0.2', now)).toBe(0);
    expect(retryAfterMs('bob', '10.0.0.1', now)).toBe(0);
    expect(retryAfterMs('ann', '10.0.0.1', now + 2_000)).toBe(0);
    recordSuccess('ann', '10.0.0.1');
    recordFailure('ann', '10.0.0.1', now);
    expect(retryAfterMs('ann', '10.0.0.1', now)).toBe(0);
  });

  it('blocks a user name guessed from many addresses, whatever the address', () => {
    const now = 2_000_000;
    for (let i = 0; i < 19; i++) recordFailure('carl', `10.1.0.${i}`, now);
    expect(retryAfterMs('carl', '10.9.9.9', now)).toBe(0);
    recordFailure('carl', '10.1.0.19', now);
    expect(retryAfterMs('carl', '10.9.9.9', now)).toBe(1_000);
    expect(retryAfterMs('carl', '192.168.0.1', now)).toBe(1_000);
    expect(retryAfterMs('dora', '10.9.9.9', now)).toBe(0);
  });

  it('counts parallel attempts before their passwords are checked', () => {
    const now = 3_000_000;
    // Twenty guesses arrive together; none has finished hashing when the next is admitted.
    const attempts = Array.from({ length: 20 }, () => beginAttempt('erin', '10.0.0.1', now));
    const admitted = attempts.filter((a) => a.ok);
    expect(admitted).toHaveLength(5);
    expect(attempts.slice(5).every((a) => !a.ok && a.reason === 'blocked')).toBe(true);
    for (const a of admitted) if (a.ok) a.release();
    // The one that turns out right forgives the count.
    recordSuccess('erin', '10.0.0.1');
    const again = beginAttempt('erin', '10.0.0.1', now);
    expect(again.ok).toBe(true);
    if (again.ok) again.release();
  });

  it('caps the password checks running at once, across user names', () => {
    const now = 4_000_000;
    const running = Array.from({ length: MAX_CONCURRENT_CHECKS }, (_, i) =>
      beginAttempt(`busy-${i}`, '10.0.0.1', now),
    );
    expect(running.every((a) => a.ok)).toBe(true);
    expect(beginAttempt('frank', '10.0.0.1', now)).toEqual({ ok: false, reason: 'busy' });
    // A refused-for-busy attempt is not counted against the user.
    expect(retryAfterMs('frank', '10.0.0.1', now)).toBe(0);
    const first = running[0]!;
    if (first.ok) {
      first.release();
      first.release();
    }
    expect(beginAttempt('frank', '10.0.0.1', now).ok).toBe(true);
    expect(beginAttempt('gina', '10.0.0.1', now)).toEqual({ ok: false, reason: 'busy' });
  });
});

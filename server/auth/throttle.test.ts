import { describe, expect, it } from 'vitest';
import { recordFailure, recordSuccess, retryAfterMs } from '@/server/auth/throttle';

describe('sign-in backoff', () => {
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
});

import { describe, expect, it } from 'vitest';
import { allDownMessage, mayTryNext, tryOrder } from '@/server/connect/failover';

describe('choosing a Connect worker URL', () => {
  it('starts at the URL that answered last and tries the others in their configured order', () => {
    expect(tryOrder(3, 0)).toEqual([0, 1, 2]);
    expect(tryOrder(3, 1)).toEqual([1, 2, 0]);
    expect(tryOrder(3, 2)).toEqual([2, 0, 1]);
    expect(tryOrder(1, 0)).toEqual([0]);
    // A remembered index the configuration no longer has starts at the first URL.
    expect(tryOrder(2, 5)).toEqual([0, 1]);
    expect(tryOrder(2, -1)).toEqual([0, 1]);
    expect(tryOrder(0, 0)).toEqual([]);
  });

  it('moves on only when a worker did not answer, and never sends a write that timed out twice', () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
      expect(mayTryNext('unreachable', method)).toBe(true);
    expect(mayTryNext('timeout', 'GET')).toBe(true);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(mayTryNext('timeout', method)).toBe(false);
    for (const method of ['GET', 'POST']) expect(mayTryNext('answered', method)).toBe(false);
  });

  it("names each URL's reason when none answered", () => {
    expect(allDownMessage('etl', ['a refused'])).toBe('a refused');
    expect(allDownMessage('etl', ['a refused', 'b timed out'])).toBe(
      'no worker of Connect cluster "etl" answered (2 URLs): a refused; b timed out',
    );
  });
});

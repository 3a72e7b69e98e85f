import { describe, expect, it } from 'vitest';
import { eachLimited } from '@/lib/async/each-limited';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('eachLimited', () => {
  it('runs every item with no more than the limit at once', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await eachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await tick(5);
      done.push(n);
      inFlight--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('starts nothing new after a failure, lets the calls in flight finish, then throws it', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = eachLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('refused: 2');
      await tick(10);
      finished++;
    });
    await expect(run).rejects.toThrow('refused: 2');
    expect(started).toEqual([1, 2]);
    expect(finished).toBe(1);
  });

  it('does nothing for no items', async () => {
    await expect(eachLimited([], 4, async () => Promise.reject(new Error('never')))).resolves.toBeUndefined();
  });
});

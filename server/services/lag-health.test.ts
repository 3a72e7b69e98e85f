import { describe, expect, it } from 'vitest';
import { groupHealth, isStalled } from '@/server/services/lag-health';

const now = 1_000_000;
const point = (secondsAgo: number, committed: number, totalLag: number) => ({
  t: now - secondsAgo * 1000,
  committed,
  logEnd: committed + totalLag,
  totalLag,
});

describe('lag health', () => {
  it('is stalled when committed offsets stay put for 30 s while lag grows', () => {
    expect(isStalled([point(40, 100, 5), point(20, 100, 9), point(0, 100, 15)], now)).toBe(true);
    expect(isStalled([point(20, 100, 5), point(0, 100, 15)], now)).toBe(false); // too short to tell
    expect(isStalled([point(40, 90, 5), point(20, 95, 9), point(0, 100, 15)], now)).toBe(false); // moving
    expect(isStalled([point(40, 100, 5), point(0, 100, 5)], now)).toBe(false); // not growing
  });

  it('ranks expired over stopped over stalled over lagging', () => {
    const base = { expiredPartitions: 0, members: 2, state: 'Stable', totalLag: 10, history: [] };
    expect(groupHealth({ ...base, expiredPartitions: 1, members: 0 })).toBe('expired');
    expect(groupHealth({ ...base, members: 0, state: 'Empty' })).toBe('stopped');
    expect(groupHealth(base)).toBe('lagging');
    expect(groupHealth({ ...base, totalLag: 0 })).toBe('caught_up');
    expect(
      groupHealth({
        ...base,
        history: [point(40, 1, 1), point(0, 1, 10)].map((p) => ({ ...p, t: Date.now() - (now - p.t) })),
      }),
    ).toBe('stalled');
  });
});

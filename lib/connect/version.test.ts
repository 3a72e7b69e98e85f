import { describe, expect, it } from 'vitest';
import { workerAtLeast } from '@/lib/connect/version';

describe('workerAtLeast', () => {
  it('compares major and minor, whatever follows them', () => {
    expect(workerAtLeast('3.4.1', 3, 5)).toBe(false);
    expect(workerAtLeast('3.5.0', 3, 5)).toBe(true);
    expect(workerAtLeast('3.10.0', 3, 6)).toBe(true);
    expect(workerAtLeast('4.3.1-SNAPSHOT', 3, 6)).toBe(true);
    expect(workerAtLeast('2.8.2', 3, 5)).toBe(false);
  });

  it('does not refuse what it cannot read', () => {
    expect(workerAtLeast(null, 3, 6)).toBe(true);
    expect(workerAtLeast('trunk', 3, 6)).toBe(true);
  });
});

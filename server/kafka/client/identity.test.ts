import { describe, expect, it } from 'vitest';
import { clusterChange } from '@/server/kafka/client/identity';

const v = (max: number) => ({ 0: { minVersion: 3, maxVersion: 12 }, 3: { minVersion: 0, maxVersion: max } });

describe('clusterChange', () => {
  it('names a new cluster id', () => {
    expect(clusterChange({ clusterId: 'a', versions: null }, { clusterId: 'b' })).toBe(
      'cluster id changed from a to b',
    );
  });

  it('names an API whose version range moved, or that appeared or went', () => {
    expect(clusterChange({ clusterId: 'a', versions: v(12) }, { versions: v(13) })).toBe(
      'API 3 versions changed from 0-12 to 0-13',
    );
    expect(
      clusterChange(
        { clusterId: null, versions: v(12) },
        { versions: { ...v(12), 68: { minVersion: 0, maxVersion: 0 } } },
      ),
    ).toBe('API 68 versions changed from none to 0-0');
  });

  it('sees no change in the same cluster, nor when nothing is known yet', () => {
    expect(
      clusterChange({ clusterId: 'a', versions: v(12) }, { clusterId: 'a', versions: v(12) }),
    ).toBeNull();
    expect(
      clusterChange({ clusterId: null, versions: null }, { clusterId: 'a', versions: v(12) }),
    ).toBeNull();
    expect(clusterChange({ clusterId: 'a', versions: v(12) }, {})).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/server/config/clusters';
import { DEFAULT_LAG_MAX_SERIES, loadLagMetricsSettings } from '@/server/config/metrics';

describe('lag metrics settings', () => {
  it('export per group and topic, up to the default budget, when nothing is set', () => {
    expect(loadLagMetricsSettings({})).toEqual({ partitions: false, maxSeries: DEFAULT_LAG_MAX_SERIES });
    expect(loadLagMetricsSettings({ KAFKASCOPE_METRICS_LAG_MAX_SERIES: ' ' }).maxSeries).toBe(
      DEFAULT_LAG_MAX_SERIES,
    );
  });

  it('read the per-partition switch and the budget (0: off)', () => {
    expect(
      loadLagMetricsSettings({
        KAFKASCOPE_METRICS_LAG_PARTITIONS: 'TRUE',
        KAFKASCOPE_METRICS_LAG_MAX_SERIES: '250',
      }),
    ).toEqual({ partitions: true, maxSeries: 250 });
    expect(loadLagMetricsSettings({ KAFKASCOPE_METRICS_LAG_PARTITIONS: 'no' }).partitions).toBe(false);
    expect(loadLagMetricsSettings({ KAFKASCOPE_METRICS_LAG_MAX_SERIES: '0' }).maxSeries).toBe(0);
  });

  it('refuse what they cannot read, naming the variable', () => {
    for (const [name, value] of [
      ['KAFKASCOPE_METRICS_LAG_PARTITIONS', 'sometimes'],
      ['KAFKASCOPE_METRICS_LAG_MAX_SERIES', '-1'],
      ['KAFKASCOPE_METRICS_LAG_MAX_SERIES', '1.5'],
      ['KAFKASCOPE_METRICS_LAG_MAX_SERIES', '10k'],
      ['KAFKASCOPE_METRICS_LAG_MAX_SERIES', '2000000'],
    ] as const) {
      expect(() => loadLagMetricsSettings({ [name]: value })).toThrow(ConfigError);
      expect(() => loadLagMetricsSettings({ [name]: value })).toThrow(name);
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  byGroupId,
  cutToBudget,
  groupSeries,
  lagSeries,
  renderLagSeries,
  seriesBounds,
  type ClusterLagInput,
  type GroupLagInput,
  type PartitionLagInput,
} from '@/server/ops/lag-series';

const part = (
  topic: string,
  partition: number,
  committed: number,
  high: number,
  extra = {},
): PartitionLagInput => ({
  topic,
  partition,
  committed,
  low: 0,
  high,
  lag: high - committed,
  timeLagMs: high === committed ? 0 : null,
  member: null,
  ...extra,
});

function group(
  groupId: string,
  partitions: PartitionLagInput[],
  extra: Partial<GroupLagInput> = {},
): GroupLagInput {
  const lags = partitions.map((p) => p.lag!);
  return {
    groupId,
    simple: false,
    health: 'lagging',
    topics: [...new Set(partitions.map((p) => p.topic))].sort(),
    totalLag: lags.reduce((s, l) => s + l, 0),
    maxLag: Math.max(...lags),
    maxTimeLagMs: null,
    partitions,
    ...extra,
  };
}

const cluster = (clusterId: string, groups: GroupLagInput[], up = true): ClusterLagInput => ({
  clusterId,
  up,
  readSeconds: 0.25,
  errorsTotal: up ? 0 : 3,
  groups,
});

const names = (series: { name: string }[]) => series.map((s) => s.name);

describe('lag series of one group', () => {
  const g = group(
    'orders',
    [
      part('a', 0, 5, 10, {
        timeLagMs: 1_500,
        member: { host: '/10.0.0.7', consumerId: 'c-1', clientId: 'app' },
      }),
      part('a', 1, 10, 10),
      part('b', 0, 0, 4),
    ],
    { maxTimeLagMs: 1_500 },
  );

  it('per group and topic: health, sum, max, max seconds with is_simple_consumer, topic sums', () => {
    const series = groupSeries('prod', g, false, new Set());
    expect(series).toEqual([
      {
        name: 'kafkascope_consumergroup_health',
        labels: { cluster_name: 'prod', group: 'orders', state: 'lagging' },
        value: 1,
      },
      {
        name: 'kafka_consumergroup_group_sum_lag',
        labels: { cluster_name: 'prod', group: 'orders' },
        value: 9,
      },
      {
        name: 'kafka_consumergroup_group_max_lag',
        labels: { cluster_name: 'prod', group: 'orders', is_simple_consumer: 'false' },
        value: 5,
      },
      {
        name: 'kafka_consumergroup_group_max_lag_seconds',
        labels: { cluster_name: 'prod', group: 'orders', is_simple_consumer: 'false' },
        value: 1.5,
      },
      {
        name: 'kafka_consumergroup_group_topic_sum_lag',
        labels: { cluster_name: 'prod', group: 'orders', topic: 'a' },
        value: 5,
      },
      {
        name: 'kafka_consumergroup_group_topic_sum_lag',
        labels: { cluster_name: 'prod', group: 'orders', topic: 'b' },
        value: 4,
      },
    ]);
  });

  it("per partition: kafka-lag-exporter's labels, unknown members, time lag only where read, watermarks once per partition", () => {
    const seen = new Set(['b\u00000']); // another group of the cluster exported b/0's watermarks
    const series = groupSeries('prod', g, true, seen).slice(6);
    const owned = {
      cluster_name: 'prod',
      group: 'orders',
      topic: 'a',
      partition: '0',
      member_host: '/10.0.0.7',
      consumer_id: 'c-1',
      client_id: 'app',
    };
    expect(series.slice(0, 5)).toEqual([
      { name: 'kafka_consumergroup_group_offset', labels: owned, value: 5 },
      { name: 'kafka_consumergroup_group_lag', labels: owned, value: 5 },
      { name: 'kafka_consumergroup_group_lag_seconds', labels: owned, value: 1.5 },
      {
        name: 'kafka_partition_latest_offset',
        labels: { cluster_name: 'prod', topic: 'a', partition: '0' },
        value: 10,
      },
      {
        name: 'kafka_partition_earliest_offset',
        labels: { cluster_name: 'prod', topic: 'a', partition: '0' },
        value: 0,
      },
    ]);
    const b0 = series.filter((s) => s.labels.topic === 'b');
    // Lag known, time lag not read: no lag_seconds; watermarks already exported by the other group.
    expect(names(b0)).toEqual(['kafka_consumergroup_group_offset', 'kafka_consumergroup_group_lag']);
    expect(b0[0]!.labels).toMatchObject({
      member_host: 'unknown',
      consumer_id: 'unknown',
      client_id: 'unknown',
    });
    // Caught up: 0 s.
    expect(
      series.find((s) => s.name === 'kafka_consumergroup_group_lag_seconds' && s.labels.partition === '1')
        ?.value,
    ).toBe(0);
  });

  it('a group whose lag is unknown exports its health alone; a simple group says so', () => {
    const unknown = group('g', [{ ...part('a', 0, 1, 2), lag: null, high: null }], {
      totalLag: null,
      maxLag: null,
      health: 'unknown',
      simple: true,
    });
    expect(names(groupSeries('c', unknown, false, new Set()))).toEqual(['kafkascope_consumergroup_health']);
    const simple = group('s', [part('a', 0, 1, 2)], { simple: true });
    expect(groupSeries('c', simple, false, new Set())[2]!.labels.is_simple_consumer).toBe('true');
  });
});

describe('cardinality budget', () => {
  it('bounds count what each group can export, watermarks once per partition of the cluster', () => {
    const shapes = [
      {
        topics: ['a'],
        partitions: [
          { topic: 'a', partition: 0 },
          { topic: 'a', partition: 1 },
        ],
      },
      {
        topics: ['a', 'b'],
        partitions: [
          { topic: 'a', partition: 0 },
          { topic: 'b', partition: 0 },
        ],
      },
    ];
    expect(seriesBounds(shapes, false)).toEqual([5, 6]);
    // 4 + topics + 3 per partition + 2 per partition not seen before.
    expect(seriesBounds(shapes, true)).toEqual([5 + 6 + 4, 6 + 6 + 2]);
  });

  it('the first group that does not fit is left out with all after it, across clusters', () => {
    const { kept, dropped } = cutToBudget(
      [
        { groups: ['a', 'b', 'c'], bounds: [5, 5, 20] },
        { groups: ['d'], bounds: [1] },
      ],
      15,
    );
    // 'd' would fit in what is left, but it comes after the cut: a scrape keeps a stable prefix.
    expect(kept).toEqual([['a', 'b'], []]);
    expect(dropped).toEqual([
      { groups: 1, series: 20 },
      { groups: 1, series: 1 },
    ]);
    expect(cutToBudget([{ groups: ['a'], bounds: [5] }], 5)).toEqual({
      kept: [['a']],
      dropped: [{ groups: 0, series: 0 }],
    });
    expect(cutToBudget([{ groups: ['a'], bounds: [5] }], 0).kept).toEqual([[]]);
  });

  it('orders groups by id, code unit by code unit, whatever order they came in', () => {
    const ids = ['b', 'B', 'a-2', 'a-10', 'ä'].map((groupId) => ({ groupId }));
    expect([...ids].sort(byGroupId).map((g) => g.groupId)).toEqual(['B', 'a-10', 'a-2', 'b', 'ä']);
  });

  it("a scrape exports the groups within the budget and each cluster's gauges; a cluster not read exports only those", () => {
    const groups = ['g1', 'g2', 'g3'].map((id) => group(id, [part('t', 0, 0, 3)]));
    // Each group: health, sum, max, max seconds and one topic = 5.
    const series = lagSeries([cluster('one', groups), cluster('two', [], false)], false, 12);
    const health = series
      .filter((s) => s.name === 'kafkascope_consumergroup_health')
      .map((s) => s.labels.group);
    expect(health).toEqual(['g1', 'g2']);
    const value = (name: string, c: string) =>
      series.find((s) => s.name === name && s.labels.cluster_name === c)?.value;
    expect(value('kafkascope_metrics_lag_series_dropped', 'one')).toBe(5);
    expect(value('kafkascope_metrics_lag_groups_dropped', 'one')).toBe(1);
    expect(value('kafkascope_consumergroup_lag_up', 'one')).toBe(1);
    expect(value('kafkascope_consumergroup_lag_up', 'two')).toBe(0);
    expect(value('kafkascope_metrics_lag_series_dropped', 'two')).toBeUndefined();
    expect(series.filter((s) => s.labels.cluster_name === 'two').map((s) => s.name)).toEqual([
      'kafkascope_consumergroup_lag_up',
      'kafkascope_consumergroup_lag_read_seconds',
    ]);
  });
});

describe('rendering', () => {
  it('writes Prometheus text with escaped label values and the failed-read counter', async () => {
    const odd = group('we"ird\\group\nname', [part('t', 0, 1, 3)]);
    const clusters = [cluster('one', [odd]), cluster('two', [], false)];
    const text = await renderLagSeries(lagSeries(clusters, false, 100), clusters);
    expect(text).toContain('# TYPE kafka_consumergroup_group_sum_lag gauge');
    expect(text).toContain(
      'kafka_consumergroup_group_sum_lag{cluster_name="one",group="we\\"ird\\\\group\\nname"} 2',
    );
    expect(text).toContain('# TYPE kafkascope_consumergroup_scrape_errors_total counter');
    expect(text).toContain('kafkascope_consumergroup_scrape_errors_total{cluster_name="two"} 3');
    expect(text).toContain('kafkascope_consumergroup_lag_up{cluster_name="two"} 0');
    // Every sample line is name{labels} value.
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#')))
      expect(line).toMatch(/^[a-z_]+\{.*\} -?[\d.e+-]+$/);
  });
});

import { z } from 'zod';
import { lagMetrics, lagRanges } from '@/lib/chart/lag-window';
import {
  HistoryTimeSchema,
  MAX_HISTORY_SERIES,
  MAX_HISTORY_SPAN_MS,
  SeriesSpecSchema,
  seriesSpec,
} from '@/lib/schemas/lag-series';
import { defineView, listItems } from '@/lib/url-state/core';
import { digits } from '@/lib/url-state/params';

/**
 * Lag charts in the address: the range (`range=24h`), a zoom dragged on the chart (`from` and `to`,
 * epoch milliseconds, which win over the range until reset), the metric and the series, so that a
 * link shows the same chart.
 */
const chartParams = {
  range: z.enum(lagRanges).default('1h'),
  metric: z.enum(lagMetrics).default('lag'),
  from: digits(HistoryTimeSchema.optional()),
  to: digits(HistoryTimeSchema.optional()),
};

/** A zoom needs both ends, in order and at most the API's span apart; else it is dropped whole. */
function settleZoom<T extends { from?: number; to?: number }>(values: T): T {
  const { from, to } = values;
  const valid = from !== undefined && to !== undefined && to > from && to - from <= MAX_HISTORY_SPAN_MS;
  return valid ? values : { ...values, from: undefined, to: undefined };
}

const unique = (items: string[]) => [...new Set(items)].slice(0, MAX_HISTORY_SERIES);

/** On a group's page a series is `*` (the group), a topic, or `topic:partition`; names hold no `:` or `*`. */
const groupToken = /^(\*|[a-zA-Z0-9._-]{1,249}(:\d{1,6})?)$/;

/** The group page's Lag tab: its series as tokens of that group, the group's total when none is valid. */
export const groupLagView = defineView(
  {
    series: z
      .string()
      .transform((text) => unique(text.split(',').filter((t) => groupToken.test(t))))
      .pipe(z.array(z.string()).min(1))
      .default(['*']),
    ...chartParams,
  },
  settleZoom,
);
export type GroupLagState = typeof groupLagView.defaults;

/** The lag compare page: up to 12 series of any groups, each `<topic>:<partition>:<group>`. */
export const lagCompareView = defineView(
  {
    series: z
      .string()
      .transform((text) => unique(listItems(text).filter((s) => SeriesSpecSchema.safeParse(s).success)))
      .default([]),
    ...chartParams,
  },
  settleZoom,
);
export type LagCompareState = typeof lagCompareView.defaults;

/** A group page's token as the API's series spec. */
export function groupTokenSpec(groupId: string, token: string): string {
  if (token === '*') return seriesSpec({ groupId });
  const [topic, partition] = token.split(':');
  return seriesSpec({ groupId, topic, partition: partition === undefined ? undefined : Number(partition) });
}

/** The token of a topic (`orders`) or a partition (`orders:3`) of the group page's picker. */
export const groupTokenOf = (topic?: string, partition?: number) =>
  topic === undefined ? '*' : partition === undefined ? topic : `${topic}:${partition}`;

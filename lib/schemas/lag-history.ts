import { z } from 'zod';
import {
  HistoryTimeSchema,
  MAX_HISTORY_SERIES,
  MAX_HISTORY_SPAN_MS,
  SeriesSpecSchema,
} from '@/lib/schemas/lag-series';

export {
  HistoryTimeSchema,
  MAX_HISTORY_SERIES,
  MAX_HISTORY_SPAN_MS,
  SeriesSpecSchema,
  seriesSpec,
  type SeriesSpec,
} from '@/lib/schemas/lag-series';

export const LagHistoryQuerySchema = z
  .object({
    series: z.array(SeriesSpecSchema).min(1, 'name at least one series').max(MAX_HISTORY_SERIES),
    /** Epoch milliseconds; `to` defaults to now and `from` to an hour before it. */
    from: HistoryTimeSchema.optional(),
    to: HistoryTimeSchema.optional(),
    points: z.coerce.number().int().min(10).max(4_000).default(1_000),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined) {
      if (q.to <= q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
      else if (q.to - q.from > MAX_HISTORY_SPAN_MS)
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'a chart spans at most 31 days' });
    }
  });
export type LagHistoryQuery = z.infer<typeof LagHistoryQuerySchema>;

export const HistoryPointSchema = z.object({
  t: z.number(),
  /** The last lag of the bucket (or the point); min and max over it. */
  lag: z.number(),
  lagMin: z.number(),
  lagMax: z.number(),
  /** The largest time lag in the bucket; null where it was not read. */
  timeLagMs: z.number().nullable(),
  /** Offset sums at the bucket's end, so that consume and produce rates are differences. */
  committed: z.number(),
  logEnd: z.number(),
});
export type HistoryPoint = z.infer<typeof HistoryPointSchema>;

export const LagSeriesSchema = z.object({
  groupId: z.string(),
  topic: z.string(),
  partition: z.number().int(),
  points: z.array(HistoryPointSchema),
});

export const LagSeriesListSchema = z.object({
  from: z.number(),
  to: z.number(),
  /** 0: points as sampled (every minute, every 5 s while shown); else buckets of this width. */
  stepMs: z.number(),
  /** How often points are taken when nobody looks: a longer pause between two is a gap. */
  sampleEveryMs: z.number(),
  series: z.array(LagSeriesSchema),
});
export type LagSeriesList = z.infer<typeof LagSeriesListSchema>;

import { z } from 'zod';

/** The longest range one chart reads: the rolled-up history's default retention, and a day's slack. */
export const MAX_HISTORY_SPAN_MS = 31 * 86_400_000;
export const MAX_HISTORY_SERIES = 12;

/**
 * One series of a lag chart, as `<topic>:<partition>:<group>`: the whole group is `::<group>`, one of
 * its topics `<topic>::<group>`, a partition `<topic>:<n>:<group>`. Topic names hold no ":", and the
 * group id comes last, so that any group id reads back whole.
 */
export const SeriesSpecSchema = z
  .string()
  .max(600)
  .transform((value, ctx) => {
    const m = /^([a-zA-Z0-9._-]{0,249}):(\d{0,6}):(.+)$/s.exec(value);
    if (!m || (m[2] && !m[1])) {
      ctx.addIssue({
        code: 'custom',
        message: `expected <topic>:<partition>:<group> (e.g. ::my-group or orders::my-group), not "${value.slice(0, 80)}"`,
      });
      return z.NEVER;
    }
    return { groupId: m[3]!, topic: m[1]!, partition: m[2] ? Number(m[2]) : -1 };
  });
export type SeriesSpec = z.output<typeof SeriesSpecSchema>;

export const seriesSpec = (s: { groupId: string; topic?: string; partition?: number }) =>
  `${s.topic ?? ''}:${s.partition !== undefined && s.partition >= 0 ? s.partition : ''}:${s.groupId}`;

export const LagHistoryQuerySchema = z
  .object({
    series: z.array(SeriesSpecSchema).min(1, 'name at least one series').max(MAX_HISTORY_SERIES),
    /** Epoch milliseconds; `to` defaults to now and `from` to an hour before it. */
    from: z.coerce.number().int().min(0).optional(),
    to: z.coerce.number().int().min(0).optional(),
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

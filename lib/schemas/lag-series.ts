import { z } from 'zod';

/**
 * The parts of a lag history query that chart addresses read too (lib/url-state/lag.ts), apart from
 * the answer's schemas so that every page's address builders carry only these.
 */

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

/** An instant of a lag history query: epoch milliseconds. */
export const HistoryTimeSchema = z.coerce.number().int().min(0);

export const seriesSpec = (s: { groupId: string; topic?: string; partition?: number }) =>
  `${s.topic ?? ''}:${s.partition !== undefined && s.partition >= 0 ? s.partition : ''}:${s.groupId}`;

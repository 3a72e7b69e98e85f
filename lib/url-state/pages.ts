import { z } from 'zod';
import { defineView } from '@/lib/url-state/core';
import { VersionNumberSchema } from '@/lib/schemas/schema-registry';
import { decoderParam, digits } from '@/lib/url-state/params';

/** The smaller views: the tabs of a topic and a group, the Messages tab's mode, sorts and filters within a tab. */

export const topicTabs = ['partitions', 'messages', 'configuration', 'consumers', 'access'] as const;
export type TopicTab = (typeof topicTabs)[number];
export const topicPageView = defineView({ tab: z.enum(topicTabs).default('partitions') });

/** `topology` is shown for streams groups only (the sub-topologies their members run). */
export const groupTabs = ['partitions', 'members', 'topology', 'lag', 'access'] as const;
export type GroupTab = (typeof groupTabs)[number];
export const groupPageView = defineView({ tab: z.enum(groupTabs).default('partitions') });

export const subjectTabs = ['schema', 'diff', 'compatibility', 'evolve'] as const;
export type SubjectTab = (typeof subjectTabs)[number];
/**
 * A subject's page: the version shown (the latest when absent), or a diff between two versions
 * (`diff=1..3`, which opens the Diff tab on its own), the compatibility level, the editor of a new version.
 */
export const subjectPageView = defineView(
  {
    tab: z.enum(subjectTabs).default('schema'),
    version: digits(VersionNumberSchema.optional()),
    diff: z
      .string()
      .regex(/^\d{1,10}\.\.\d{1,10}$/)
      .optional(),
  },
  (values) => ({ ...values, tab: values.diff !== undefined ? ('diff' as const) : values.tab }),
);
export type SubjectPageState = typeof subjectPageView.defaults;

/** The two versions of a `diff` param, older first as written. */
export function diffPair(diff: string | undefined): [number, number] | null {
  const match = diff ? /^(\d+)\.\.(\d+)$/.exec(diff) : null;
  return match ? [Number(match[1]), Number(match[2])] : null;
}

export const messageModes = ['browse', 'search', 'tail'] as const;
export type MessageMode = (typeof messageModes)[number];
/** The topic's Messages tab: browse, search or tail, each with its own view of the params. */
export const messagesTabView = defineView({ mode: z.enum(messageModes).default('browse') });

/** One message on its own page: how its key and value are read. */
export const messageView = defineView({ keyAs: decoderParam, valueAs: decoderParam });

export const groupPartitionSorts = ['partition', 'lag', 'timeLagMs'] as const;
export type GroupPartitionSort = (typeof groupPartitionSorts)[number];
/** The group's Partitions tab: rows sorted within their topic. */
export const groupPartitionsView = defineView({
  psort: z.enum(groupPartitionSorts).default('partition'),
  pdir: z.enum(['asc', 'desc']).default('asc'),
});

/** A configuration table (a broker's, a topic's): its text filter and whether only overrides show. */
export const configListView = defineView({
  cq: z.string().default(''),
  overrides: z.enum(['only']).optional(),
});

export const alertTabs = ['rules', 'active', 'history', 'channels'] as const;
export type AlertTab = (typeof alertTabs)[number];
/** The alerts page: its tab, and the history of one rule (`rule=`). */
export const alertsPageView = defineView({
  tab: z.enum(alertTabs).default('rules'),
  rule: z.string().max(200).optional(),
});
export type AlertsPageState = typeof alertsPageView.defaults;

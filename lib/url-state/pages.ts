import { z } from 'zod';
import { defineView } from '@/lib/url-state/core';
import { decoderParam } from '@/lib/url-state/params';

/** The smaller views: the tabs of a topic and a group, the Messages tab's mode, sorts and filters within a tab. */

export const topicTabs = ['partitions', 'messages', 'configuration', 'consumers'] as const;
export type TopicTab = (typeof topicTabs)[number];
export const topicPageView = defineView({ tab: z.enum(topicTabs).default('partitions') });

export const groupTabs = ['partitions', 'members', 'lag'] as const;
export type GroupTab = (typeof groupTabs)[number];
export const groupPageView = defineView({ tab: z.enum(groupTabs).default('partitions') });

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

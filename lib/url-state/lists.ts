import { defineView } from '@/lib/url-state/core';
import { GroupListQuerySchema } from '@/lib/schemas/group';
import { SubjectListQuerySchema } from '@/lib/schemas/schema-registry';
import { TopicListQuerySchema } from '@/lib/schemas/topic';
import { TransactionListQuerySchema } from '@/lib/schemas/transaction';

/** The topic list: its params are the topics API's query, read with the API's schema. */
export const topicListView = defineView(TopicListQuerySchema.shape);

const groups = GroupListQuerySchema.shape;

/** The group list, its params the groups API's query; `topic` (the topic's Consumers tab) comes second. */
export const groupListView = defineView({
  q: groups.q,
  topic: groups.topic,
  sort: groups.sort,
  dir: groups.dir,
  page: groups.page,
  pageSize: groups.pageSize,
});

/** The schema registry's subject list: the subject-list API's query. */
export const subjectListView = defineView(SubjectListQuerySchema.shape);

/** The transactional ids: the transactions API's query (`q`, `state`, `page`, `pageSize`). */
export const transactionListView = defineView(TransactionListQuerySchema.shape);

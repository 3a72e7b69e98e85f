import { z } from 'zod';

/** The subjects of a cluster's schema registry (`registry: false` when the cluster has none configured). */
export const SubjectListSchema = z.object({
  registry: z.boolean(),
  subjects: z.array(z.string()),
});
export type SubjectList = z.infer<typeof SubjectListSchema>;

/** The subjects a topic's records use, and how each was found. */
export const TopicSubjectsSchema = z.object({
  registry: z.boolean(),
  subjects: z.array(
    z.object({
      subject: z.string(),
      role: z.enum(['key', 'value']),
      /** topic-name: `<topic>-key|value` exists; the others: the subject of ids the newest records carry. */
      strategy: z.enum(['topic-name', 'record-name', 'topic-record-name']),
    }),
  ),
});
export type TopicSubjects = z.infer<typeof TopicSubjectsSchema>;

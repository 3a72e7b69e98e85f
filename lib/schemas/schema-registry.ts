import { z } from 'zod';

/** The subjects of a cluster's schema registry (`registry: false` when the cluster has none configured). */
export const SubjectListSchema = z.object({
  registry: z.boolean(),
  subjects: z.array(z.string()),
});
export type SubjectList = z.infer<typeof SubjectListSchema>;

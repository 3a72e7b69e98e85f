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

export const schemaTypes = ['AVRO', 'PROTOBUF', 'JSON'] as const;
export const SchemaTypeSchema = z.enum(schemaTypes);
export type SchemaType = z.infer<typeof SchemaTypeSchema>;

/** The registry's compatibility levels (Confluent's names, which Apicurio, Karapace and Redpanda share). */
export const compatibilityLevels = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;
export const CompatibilityLevelSchema = z.enum(compatibilityLevels);
export type CompatibilityLevel = z.infer<typeof CompatibilityLevelSchema>;

/** The level in force for a subject: its own, or the registry's global one it inherits. */
export const CompatibilitySchema = z.object({
  level: CompatibilityLevelSchema,
  source: z.enum(['subject', 'global']),
});
export type Compatibility = z.infer<typeof CompatibilitySchema>;

/** GET/PUT …/schema-registry/config: the registry's global level. */
export const GlobalCompatibilitySchema = z.object({ level: CompatibilityLevelSchema });
export type GlobalCompatibility = z.infer<typeof GlobalCompatibilitySchema>;

/** PUT …/config (global or a subject's): the level to set. */
export const CompatibilityChangeSchema = z.object({ level: CompatibilityLevelSchema }).strict();
export type CompatibilityChange = z.infer<typeof CompatibilityChangeSchema>;

/**
 * A subject name as the console accepts it in a path or a body: the registry takes almost any text, but
 * not control characters, which no client writes on purpose and which would be invisible on screen.
 */
export const SubjectNameSchema = z
  .string()
  .min(1, 'enter a subject name')
  .max(1000, 'subject names are at most 1000 characters')
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'subject names have no control characters');

export const VersionNumberSchema = z.coerce.number().int().min(1).max(2_147_483_647);

export const SubjectListQuerySchema = z.object({
  /** Part of the subject name, any case. */
  q: z.string().trim().max(1000).default(''),
  /** Soft-deleted subjects too (marked as such), so that they can be deleted for good. */
  deleted: z.enum(['show', 'hide']).default('hide'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(50),
});
export type SubjectListQuery = z.infer<typeof SubjectListQuerySchema>;

export const SubjectSummarySchema = z.object({
  subject: z.string(),
  /** Every version is soft-deleted: the registry lists the subject only when asked for deleted ones. */
  deleted: z.boolean(),
  /** Of the latest version; null when it could not be read (see `error`) or the subject is deleted. */
  schemaType: SchemaTypeSchema.nullable(),
  latestVersion: z.number().int().nullable(),
  /** Schema id of the latest version. */
  id: z.number().int().nullable(),
  compatibility: CompatibilitySchema.nullable(),
  /** Why this row's details are missing (the registry refused or did not answer for this subject). */
  error: z.string().nullable(),
});
export type SubjectSummary = z.infer<typeof SubjectSummarySchema>;

/** GET …/schema-registry/subject-list: one page of subjects with their details, and the global level. */
export const SubjectPageSchema = z.object({
  items: z.array(SubjectSummarySchema),
  /** Subjects matching the filter, over all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  global: CompatibilityLevelSchema,
});
export type SubjectPage = z.infer<typeof SubjectPageSchema>;

export const SubjectDetailSchema = z.object({
  subject: z.string(),
  /** Every version the registry keeps, oldest first; soft-deleted ones marked. */
  versions: z.array(z.object({ version: z.number().int(), deleted: z.boolean() })),
  /** The newest version that is not soft-deleted; null when all are. */
  latestVersion: z.number().int().nullable(),
  deleted: z.boolean(),
  compatibility: CompatibilitySchema,
  global: CompatibilityLevelSchema,
});
export type SubjectDetail = z.infer<typeof SubjectDetailSchema>;

export const SchemaReferenceSchema = z.object({
  name: z.string().min(1, 'enter the name the schema imports').max(1000),
  subject: SubjectNameSchema,
  version: z.number().int().min(1).max(2_147_483_647),
});
export type SchemaReference = z.infer<typeof SchemaReferenceSchema>;

export const SchemaVersionSchema = z.object({
  subject: z.string(),
  version: z.number().int(),
  id: z.number().int(),
  schemaType: SchemaTypeSchema,
  /** The schema as the registry holds it. */
  schema: z.string(),
  /** For reading and diffs: Avro and JSON Schema laid out with two-space indents (digits kept as sent); Protobuf as is. */
  formatted: z.string(),
  deleted: z.boolean(),
  references: z.array(SchemaReferenceSchema),
  /** Schemas that import this version; subject and version null where the registry could not say. */
  referencedBy: z.array(
    z.object({ id: z.number().int(), subject: z.string().nullable(), version: z.number().int().nullable() }),
  ),
});
export type SchemaVersion = z.infer<typeof SchemaVersionSchema>;

/** A schema to check or register: the body of POST …/versions and …/compatibility. */
export const SchemaDraftSchema = z
  .object({
    schemaType: SchemaTypeSchema.default('AVRO'),
    schema: z
      .string()
      .max(1024 * 1024, 'schemas are at most 1 MB')
      .refine((text) => text.trim() !== '', 'enter a schema'),
    references: z.array(SchemaReferenceSchema).max(100).default([]),
  })
  .strict();
export type SchemaDraft = z.input<typeof SchemaDraftSchema>;

export const CompatibilityResultSchema = z.object({
  compatible: z.boolean(),
  /** The registry's reasons, when it gives any (Confluent does with verbose=true; Apicurio does not). */
  messages: z.array(z.string()),
  /** The version the draft was checked against; null for a subject without versions (anything goes). */
  against: z.number().int().nullable(),
  level: CompatibilityLevelSchema,
});
export type CompatibilityResult = z.infer<typeof CompatibilityResultSchema>;

export const RegisterResultSchema = z.object({
  subject: z.string(),
  id: z.number().int(),
  version: z.number().int(),
  /** The registry already held this very schema under the subject: nothing new was registered. */
  existing: z.boolean(),
});
export type RegisterResult = z.infer<typeof RegisterResultSchema>;

export const DeleteResultSchema = z.object({
  subject: z.string(),
  /** The versions the registry deleted. */
  versions: z.array(z.number().int()),
  permanent: z.boolean(),
});
export type DeleteResult = z.infer<typeof DeleteResultSchema>;

/** `?permanent=true` on a DELETE: only after a soft delete, as the registry requires. */
export const DeleteQuerySchema = z.object({
  permanent: z.enum(['true', 'false']).default('false'),
});

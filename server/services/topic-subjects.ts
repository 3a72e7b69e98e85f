import 'server-only';
import type { TopicSubjects } from '@/lib/schemas/schema-registry';
import type { ClusterConfig } from '@/server/config/schema';
import { schemaRegistry } from '@/server/schema-registry';
import { browseMessages } from '@/server/services/messages';
import { findTopic } from '@/server/services/resolve';
import { registryAppError } from '@/server/services/schema-registry';

/** Newest records per partition read to see which schemas a topic's records carry. */
const SAMPLE = 20;

/**
 * The registry subjects a topic's records use: `<topic>-key` and `<topic>-value` when they exist
 * (TopicNameStrategy), and, among the subjects of the schema ids its newest records carry, those
 * named by RecordNameStrategy (`shop.Order`) or TopicRecordNameStrategy (`orders-shop.Order`).
 */
export async function topicSubjects(cluster: ClusterConfig, name: string): Promise<TopicSubjects> {
  const registry = schemaRegistry(cluster);
  await findTopic(cluster, name);
  if (!registry) return { registry: false, subjects: [] };
  const [all, recent] = await Promise.all([
    registry.subjects().catch(registryAppError),
    browseMessages(cluster, name, { start: 'newest', limit: SAMPLE, maxBytes: 64 }),
  ]);
  const found = new Map<string, TopicSubjects['subjects'][number]>();
  for (const role of ['key', 'value'] as const) {
    const subject = `${name}-${role}`;
    if (all.includes(subject)) found.set(subject, { subject, role, strategy: 'topic-name' });
  }
  // A schema id can sit under many subjects (registries give the same schema the same id), so only
  // those a naming strategy would pick for this topic count: the record's name (RecordNameStrategy)
  // or <topic>-<record name> (TopicRecordNameStrategy).
  const seen = new Map<number, { role: 'key' | 'value'; names: Set<string> }>();
  for (const m of recent.messages) {
    for (const role of ['key', 'value'] as const) {
      const schema = m[role].schema;
      if (!schema || schema.id < 0 || !schema.name) continue;
      const entry = seen.get(schema.id) ?? { role, names: new Set<string>() };
      entry.names.add(schema.name);
      seen.set(schema.id, entry);
    }
  }
  const versions = await Promise.all(
    [...seen].map(async ([id, entry]) => ({
      ...entry,
      list: await registry.versionsOfId(id).catch(() => []),
    })),
  );
  for (const { role, names, list } of versions) {
    for (const { subject } of list) {
      if (found.has(subject)) continue;
      for (const recordName of names) {
        if (subject === recordName) found.set(subject, { subject, role, strategy: 'record-name' });
        else if (subject === `${name}-${recordName}`)
          found.set(subject, { subject, role, strategy: 'topic-record-name' });
      }
    }
  }
  return { registry: true, subjects: [...found.values()].sort((a, b) => a.subject.localeCompare(b.subject)) };
}

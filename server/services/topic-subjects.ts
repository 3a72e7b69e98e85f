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
 * (TopicNameStrategy), and the subjects of the schema ids its newest records carry, which also
 * finds RecordNameStrategy (`shop.Order`) and TopicRecordNameStrategy (`orders-shop.Order`) subjects.
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
  const seen = new Map<number, 'key' | 'value'>();
  for (const m of recent.messages) {
    if (m.key.schema && m.key.schema.id >= 0) seen.set(m.key.schema.id, 'key');
    if (m.value.schema && m.value.schema.id >= 0) seen.set(m.value.schema.id, 'value');
  }
  const versions = await Promise.all(
    [...seen].map(async ([id, role]) => ({ role, list: await registry.versionsOfId(id).catch(() => []) })),
  );
  for (const { role, list } of versions) {
    for (const { subject } of list) {
      if (found.has(subject)) continue;
      const strategy = subject.startsWith(`${name}-`) ? 'topic-record-name' : 'record-name';
      found.set(subject, { subject, role, strategy });
    }
  }
  return { registry: true, subjects: [...found.values()].sort((a, b) => a.subject.localeCompare(b.subject)) };
}

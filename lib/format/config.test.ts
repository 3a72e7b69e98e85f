import { describe, expect, it } from 'vitest';
import { arrangeConfigs, isBrokerOverride, isTopicOverride } from '@/lib/format/config';
import type { ConfigEntry } from '@/lib/schemas/topic';

const entry = (
  name: string,
  value: string | null,
  source: ConfigEntry['source'],
  sensitive = false,
): ConfigEntry => ({
  name,
  value,
  source,
  isDefault: source === 'default',
  sensitive,
  readOnly: false,
});

const configs = [
  entry('segment.bytes', '1073741824', 'default'),
  entry('retention.ms', '3600000', 'topic'),
  entry('cleanup.policy', 'delete', 'default'),
  entry('min.insync.replicas', '2', 'static'),
  entry('ssl.key.password', null, 'broker', true),
];

describe('arrangeConfigs', () => {
  it('puts overrides first, then sorts by name', () => {
    const names = arrangeConfigs(configs, {
      text: '',
      onlyOverrides: false,
      isOverride: isTopicOverride,
    }).map((c) => c.name);
    expect(names).toEqual([
      'retention.ms',
      'cleanup.policy',
      'min.insync.replicas',
      'segment.bytes',
      'ssl.key.password',
    ]);
  });

  it('keeps only overrides when asked, by the given rule', () => {
    const broker = arrangeConfigs(configs, { text: '', onlyOverrides: true, isOverride: isBrokerOverride });
    expect(broker.map((c) => c.name)).toEqual(['min.insync.replicas', 'retention.ms', 'ssl.key.password']);
    const topic = arrangeConfigs(configs, { text: '', onlyOverrides: true, isOverride: isTopicOverride });
    expect(topic.map((c) => c.name)).toEqual(['retention.ms']);
  });

  it('matches the text in names and values, never in sensitive values', () => {
    const find = (text: string) =>
      arrangeConfigs(configs, { text, onlyOverrides: false, isOverride: isTopicOverride }).map((c) => c.name);
    expect(find('  RETENTION ')).toEqual(['retention.ms']);
    expect(find('delete')).toEqual(['cleanup.policy']);
    expect(find('password')).toEqual(['ssl.key.password']);
    expect(find('null')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { emptyWizard, wizardBindings } from '@/lib/acl/wizards';
import { AclBatchSchema, bindingText } from '@/lib/schemas/acl';

const texts = (input: Partial<typeof emptyWizard>) =>
  wizardBindings({ ...emptyWizard, principal: 'User:app', ...input }).map(bindingText);

describe('wizardBindings', () => {
  it('producer: Write and Describe on the topic, IdempotentWrite on the cluster when asked', () => {
    expect(texts({ kind: 'producer', topic: 'orders', idempotent: true })).toEqual([
      'ALLOW User:app@* WRITE TOPIC:LITERAL:orders',
      'ALLOW User:app@* DESCRIBE TOPIC:LITERAL:orders',
      'ALLOW User:app@* IDEMPOTENT_WRITE CLUSTER:LITERAL:kafka-cluster',
    ]);
    expect(texts({ kind: 'producer', topic: 'ord-', topicPattern: 'PREFIXED' })).toHaveLength(2);
  });

  it('consumer: Read and Describe on the topic, Read on the group', () => {
    expect(texts({ kind: 'consumer', topic: 'orders', group: 'billing', groupPattern: 'PREFIXED' })).toEqual([
      'ALLOW User:app@* READ TOPIC:LITERAL:orders',
      'ALLOW User:app@* DESCRIBE TOPIC:LITERAL:orders',
      'ALLOW User:app@* READ GROUP:PREFIXED:billing',
    ]);
  });

  it('transactional producer: the producer plus Write and Describe on the transactional id', () => {
    expect(texts({ kind: 'transactional', topic: 'orders', transactionalId: 'tx-1' })).toEqual([
      'ALLOW User:app@* WRITE TOPIC:LITERAL:orders',
      'ALLOW User:app@* DESCRIBE TOPIC:LITERAL:orders',
      'ALLOW User:app@* WRITE TRANSACTIONAL_ID:LITERAL:tx-1',
      'ALLOW User:app@* DESCRIBE TRANSACTIONAL_ID:LITERAL:tx-1',
    ]);
  });

  it('streams: inputs, outputs and everything prefixed with the application.id', () => {
    const out = texts({
      kind: 'streams',
      applicationId: 'wordcount',
      inputTopics: 'in',
      outputTopics: 'a, b',
    });
    expect(out).toContain('ALLOW User:app@* READ TOPIC:LITERAL:in');
    expect(out).toContain('ALLOW User:app@* WRITE TOPIC:LITERAL:b');
    expect(out).toContain('ALLOW User:app@* CREATE TOPIC:PREFIXED:wordcount');
    expect(out).toContain('ALLOW User:app@* READ GROUP:PREFIXED:wordcount');
    expect(out).toContain('ALLOW User:app@* WRITE TRANSACTIONAL_ID:PREFIXED:wordcount');
    expect(out).toContain('ALLOW User:app@* IDEMPOTENT_WRITE CLUSTER:LITERAL:kafka-cluster');
  });

  it('what a wizard makes is checked by the same schema as the server', () => {
    const ok = AclBatchSchema.safeParse({
      bindings: wizardBindings({ ...emptyWizard, principal: 'User:a', topic: 't' }),
    });
    expect(ok.success).toBe(true);
    const empty = AclBatchSchema.safeParse({ bindings: wizardBindings({ ...emptyWizard, topic: '' }) });
    expect(empty.success).toBe(false);
    const prefixedStar = AclBatchSchema.safeParse({
      bindings: wizardBindings({ ...emptyWizard, principal: 'User:a', topic: '*', topicPattern: 'PREFIXED' }),
    });
    expect(prefixedStar.success).toBe(false);
  });
});

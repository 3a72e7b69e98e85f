import {
  CLUSTER_RESOURCE_NAME,
  type AclBinding,
  type AclOperation,
  type AclPatternType,
  type AclResourceType,
} from '@/lib/schemas/acl';

/**
 * The bindings of the common cases, as Kafka's documentation lists what each client needs. A wizard
 * only builds the list: the preview shows it and the same list is what gets sent.
 */
export const wizardKinds = ['producer', 'consumer', 'transactional', 'streams'] as const;
export type WizardKind = (typeof wizardKinds)[number];

export const wizardLabels: Record<WizardKind, string> = {
  producer: 'Producer',
  consumer: 'Consumer',
  transactional: 'Transactional producer',
  streams: 'Kafka Streams application',
};

export interface WizardInput {
  kind: WizardKind;
  principal: string;
  host: string;
  /** The topic (or prefix) a producer writes or a consumer reads. */
  topic: string;
  topicPattern: AclPatternType;
  /** Consumer: the group (or prefix). */
  group: string;
  groupPattern: AclPatternType;
  /** Transactional producer: the transactional.id (or prefix). */
  transactionalId: string;
  transactionalIdPattern: AclPatternType;
  /** Producer: IdempotentWrite on the cluster (only needed before Kafka 3.0, where Write did not imply it). */
  idempotent: boolean;
  /** Streams: application.id; its internal topics, group and transactional ids all start with it. */
  applicationId: string;
  /** Streams: the topics it reads and writes, comma-separated (literal names). */
  inputTopics: string;
  outputTopics: string;
}

export const emptyWizard: WizardInput = {
  kind: 'producer',
  principal: 'User:',
  host: '*',
  topic: '',
  topicPattern: 'LITERAL',
  group: '',
  groupPattern: 'LITERAL',
  transactionalId: '',
  transactionalIdPattern: 'LITERAL',
  idempotent: false,
  applicationId: '',
  inputTopics: '',
  outputTopics: '',
};

const names = (list: string) =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function wizardBindings(input: WizardInput): AclBinding[] {
  const principal = input.principal.trim();
  const host = input.host.trim() || '*';
  const out: AclBinding[] = [];
  const allow = (
    resourceType: AclResourceType,
    resourceName: string,
    patternType: AclPatternType,
    ops: AclOperation[],
  ) => {
    for (const operation of ops)
      out.push({
        principal,
        host,
        resourceType,
        resourceName: resourceName.trim(),
        patternType,
        operation,
        permission: 'ALLOW',
      });
  };
  const cluster = (ops: AclOperation[]) => allow('CLUSTER', CLUSTER_RESOURCE_NAME, 'LITERAL', ops);
  switch (input.kind) {
    case 'producer':
      allow('TOPIC', input.topic, input.topicPattern, ['WRITE', 'DESCRIBE']);
      if (input.idempotent) cluster(['IDEMPOTENT_WRITE']);
      break;
    case 'consumer':
      allow('TOPIC', input.topic, input.topicPattern, ['READ', 'DESCRIBE']);
      allow('GROUP', input.group, input.groupPattern, ['READ']);
      break;
    case 'transactional':
      allow('TOPIC', input.topic, input.topicPattern, ['WRITE', 'DESCRIBE']);
      allow('TRANSACTIONAL_ID', input.transactionalId, input.transactionalIdPattern, ['WRITE', 'DESCRIBE']);
      if (input.idempotent) cluster(['IDEMPOTENT_WRITE']);
      break;
    case 'streams': {
      const app = input.applicationId;
      for (const topic of names(input.inputTopics)) allow('TOPIC', topic, 'LITERAL', ['READ', 'DESCRIBE']);
      for (const topic of names(input.outputTopics)) allow('TOPIC', topic, 'LITERAL', ['WRITE', 'DESCRIBE']);
      // Internal topics (repartition, changelog) are named <application.id>-…, made and cleaned up by the app.
      allow('TOPIC', app, 'PREFIXED', ['READ', 'WRITE', 'CREATE', 'DELETE', 'DESCRIBE', 'DESCRIBE_CONFIGS']);
      allow('GROUP', app, 'PREFIXED', ['READ', 'DESCRIBE']);
      // Exactly-once: transactional ids start with the application.id too.
      allow('TRANSACTIONAL_ID', app, 'PREFIXED', ['WRITE', 'DESCRIBE']);
      cluster(['IDEMPOTENT_WRITE']);
      break;
    }
  }
  return out;
}

/** The fields each wizard asks for, so the form shows only those. */
export const wizardFields: Record<WizardKind, (keyof WizardInput)[]> = {
  producer: ['topic', 'topicPattern', 'idempotent'],
  consumer: ['topic', 'topicPattern', 'group', 'groupPattern'],
  transactional: ['topic', 'topicPattern', 'transactionalId', 'transactionalIdPattern', 'idempotent'],
  streams: ['applicationId', 'inputTopics', 'outputTopics'],
};

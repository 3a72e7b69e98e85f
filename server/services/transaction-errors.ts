import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { asAppError, type AppError } from '@/server/http/app-error';
import { KafkaError, kindOfKafkaError } from '@/server/kafka';
import { notAllowed as refused } from '@/server/services/identity';

/**
 * Why DescribeProducers gave a partition nothing, as the producers tab, the hanging search and the
 * abort show it: an authorization failure names what the console's own identity lacks (READ on the
 * topic, Kafka's rule for DescribeProducers); anything else is Kafka's error with its message.
 */
export function producersFailureText(
  cluster: ClusterConfig,
  failure: { topic: string; error: string; errorMessage: string | null },
): string {
  if (failure.error === 'TOPIC_AUTHORIZATION_FAILED')
    return `TOPIC_AUTHORIZATION_FAILED: ${refused(
      cluster,
      `read the producers of topic "${failure.topic}"`,
      `READ on TOPIC:${failure.topic} (DescribeProducers)`,
    )}`;
  if (failure.error === 'CLUSTER_AUTHORIZATION_FAILED')
    return `CLUSTER_AUTHORIZATION_FAILED: ${refused(
      cluster,
      'describe producers',
      'the operation Kafka names on the CLUSTER resource (kafka-cluster)',
    )}${failure.errorMessage ? ` (${failure.errorMessage})` : ''}`;
  if (!failure.errorMessage || failure.errorMessage === failure.error) return failure.error;
  return failure.errorMessage.includes(failure.error)
    ? failure.errorMessage
    : `${failure.error}: ${failure.errorMessage}`;
}

/** A partition's DescribeProducers failure as the API's error: forbidden, unavailable, unsupported… by Kafka's error. */
export function producersFailureError(
  cluster: ClusterConfig,
  failure: { topic: string; partition: number; error: string; errorMessage: string | null },
): AppError {
  return asAppError(
    new KafkaError(
      kindOfKafkaError(failure.error),
      `DescribeProducers of ${failure.topic}-${failure.partition}: ${producersFailureText(cluster, failure)}`,
      failure.error,
    ),
  );
}

/** WriteTxnMarkers refused for want of CLUSTER_ACTION on the cluster names it; other failures pass as they are. */
export function markerError(cluster: ClusterConfig, error: unknown): unknown {
  if (error instanceof KafkaError && error.type === 'CLUSTER_AUTHORIZATION_FAILED')
    return asAppError(
      new KafkaError(
        'forbidden',
        `WriteTxnMarkers: ${refused(cluster, 'write transaction markers', 'CLUSTER_ACTION on the CLUSTER resource (kafka-cluster)')}`,
        error.type,
        error,
      ),
    );
  return error;
}

import 'server-only';
import { onAnyBroker, sendTo } from '@/server/kafka/client/brokers-access';
import type { ClusterClients } from '@/server/kafka/client/registry';
import {
  ALTER_CLIENT_QUOTAS,
  alterClientQuotasRequest,
  DESCRIBE_CLIENT_QUOTAS,
  describeClientQuotasRequest,
  type QuotaEntityPart,
  type QuotaEntry,
  type QuotaFilter,
  type QuotaOp,
} from '@/server/kafka/protocol/client-quotas';
import { KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';
import { requiredVersion } from '@/server/kafka/protocol/versions';

/** Quotas of every entity matching `filters` (none: every entity that has a quota). */
export function describeQuotas(clients: ClusterClients, filters: QuotaFilter[] = []): Promise<QuotaEntry[]> {
  return onAnyBroker(clients, (broker) =>
    sendTo(clients, broker.nodeId, (b) =>
      describeClientQuotasRequest(filters, false, requiredVersion(b.versions, DESCRIBE_CLIENT_QUOTAS)),
    ),
  );
}

/** Sets and removes quotas of one entity; validateOnly checks them without applying. */
export async function alterQuotas(
  clients: ClusterClients,
  entity: QuotaEntityPart[],
  ops: QuotaOp[],
  validateOnly = false,
): Promise<void> {
  const results = await onAnyBroker(clients, (broker) =>
    sendTo(clients, broker.nodeId, (b) =>
      alterClientQuotasRequest(
        [{ entity, ops }],
        validateOnly,
        requiredVersion(b.versions, ALTER_CLIENT_QUOTAS),
      ),
    ),
  );
  const failure = results.find((r) => r.errorCode !== 0);
  if (failure) throw new KafkaProtocolError(failure.errorCode, 'AlterClientQuotas', failure.errorMessage);
}

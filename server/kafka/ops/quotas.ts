import 'server-only';
import { onAnyBroker, sendTo } from '@/server/kafka/client/brokers-access';
import type { ClusterClients } from '@/server/kafka/client/registry';
import {
  alterClientQuotasRequest,
  describeClientQuotasRequest,
  type QuotaEntityPart,
  type QuotaEntry,
  type QuotaFilter,
  type QuotaOp,
} from '@/server/kafka/protocol/client-quotas';
import { KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';

/** Quotas of every entity matching `filters` (none: every entity that has a quota). */
export function describeQuotas(clients: ClusterClients, filters: QuotaFilter[] = []): Promise<QuotaEntry[]> {
  return onAnyBroker(clients, (broker) =>
    sendTo(clients, broker.nodeId, () => describeClientQuotasRequest(filters, false)),
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
    sendTo(clients, broker.nodeId, () => alterClientQuotasRequest([{ entity, ops }], validateOnly)),
  );
  const failure = results.find((r) => r.errorCode !== 0);
  if (failure) throw new KafkaProtocolError(failure.errorCode, 'AlterClientQuotas', failure.errorMessage);
}

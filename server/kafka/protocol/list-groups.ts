import 'server-only';
import { pickVersion } from '@/server/kafka/protocol/versions';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import { flexibleDecoder, flexibleEncoder, readCompactArray } from '@/server/kafka/protocol/flexible';
import { KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';

export const LIST_GROUPS_API_KEY = 16;

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  /** v4+: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead (classic); Assigning, Reconciling… (consumer). */
  state: string | null;
  /** v5+: classic, consumer, share, streams. */
  type: string | null;
}

export const listGroupsVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, LIST_GROUPS_API_KEY, 4, 5);

/** ListGroups v4/v5 (flexible): each broker lists the groups it coordinates, with their state. */
export function listGroupsRequest(version: number): ProtocolRequest<ListedGroup[]> {
  return {
    request: {
      apiKey: LIST_GROUPS_API_KEY,
      apiVersion: version,
      apiName: 'ListGroups',
      encode: async () => {
        const encoder = flexibleEncoder().writeUVarInt(1); // StatesFilter: empty = every state
        if (version >= 5) encoder.writeUVarInt(1); // TypesFilter: empty = every type
        return encoder.writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => {
        const decoder = flexibleDecoder(payload);
        decoder.readInt32(); // throttle time
        const errorCode = decoder.readInt16();
        if (errorCode !== 0) throw new KafkaProtocolError(errorCode, 'ListGroups');
        return readCompactArray(decoder, (d) => {
          const group = {
            groupId: d.readUVarIntString() ?? '',
            protocolType: d.readUVarIntString() ?? '',
            state: d.readUVarIntString(),
            type: version >= 5 ? d.readUVarIntString() : null,
          };
          d.readTaggedFields();
          return group;
        });
      },
      parse: async (decoded) => decoded,
    },
  };
}

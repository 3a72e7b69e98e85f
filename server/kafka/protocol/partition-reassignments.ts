import 'server-only';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import { pickVersion } from '@/server/kafka/protocol/versions';
import { Reader } from '@/server/kafka/protocol/reader';
import { Writer } from '@/server/kafka/protocol/writer';

export const ALTER_PARTITION_REASSIGNMENTS_API_KEY = 45;
export const LIST_PARTITION_REASSIGNMENTS_API_KEY = 46;
export const ELECT_LEADERS_API_KEY = 43;

export interface PartitionResult {
  topic: string;
  partition: number;
  errorCode: number;
  errorMessage: string | null;
}

export interface TopLevelResult<T> {
  errorCode: number;
  errorMessage: string | null;
  results: T[];
}

/** One partition's target replicas; null cancels the reassignment under way. */
export interface ReassignmentTarget {
  topic: string;
  partition: number;
  replicas: number[] | null;
}

export interface OngoingReassignment {
  topic: string;
  partition: number;
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
}

function byTopic<T extends { topic: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(item.topic, [...(map.get(item.topic) ?? []), item]);
  return map;
}

function int32s(reader: Reader): number[] {
  const n = reader.compactLength();
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(reader.int32());
  return values;
}

function readPartitionResults(reader: Reader): PartitionResult[] {
  const results: PartitionResult[] = [];
  const topics = reader.compactLength();
  for (let t = 0; t < topics; t++) {
    const topic = reader.compactString() ?? '';
    const partitions = reader.compactLength();
    for (let p = 0; p < partitions; p++) {
      const partition = reader.int32();
      const errorCode = reader.int16();
      const errorMessage = reader.compactString();
      reader.skipTags();
      results.push({ topic, partition, errorCode, errorMessage });
    }
    reader.skipTags();
  }
  return results;
}

/** AlterPartitionReassignments v0 (KIP-455, flexible): targets, or null replicas to cancel. */
export function alterPartitionReassignmentsRequest(
  targets: ReassignmentTarget[],
  timeoutMs: number,
): ProtocolRequest<TopLevelResult<PartitionResult>> {
  return {
    request: {
      apiKey: ALTER_PARTITION_REASSIGNMENTS_API_KEY,
      apiVersion: 0,
      apiName: 'AlterPartitionReassignments',
      encode: async () => {
        const w = new Writer(64 + targets.length * 32);
        w.uvarint(0); // request header v2's tagged fields (see flexible.ts)
        w.int32(timeoutMs);
        const topics = byTopic(targets);
        w.uvarint(topics.size + 1);
        for (const [topic, parts] of topics) {
          w.compactString(topic).uvarint(parts.length + 1);
          for (const p of parts) {
            w.int32(p.partition);
            if (p.replicas === null) w.uvarint(0);
            else {
              w.uvarint(p.replicas.length + 1);
              for (const r of p.replicas) w.int32(r);
            }
            w.uvarint(0);
          }
          w.uvarint(0);
        }
        return w.uvarint(0).toEncoder();
      },
    },
    response: {
      decode: async (payload) => {
        const reader = new Reader(payload);
        reader.skipTags();
        reader.int32(); // throttle time
        const errorCode = reader.int16();
        const errorMessage = reader.compactString();
        return { errorCode, errorMessage, results: readPartitionResults(reader) };
      },
      parse: async (decoded) => decoded,
    },
  };
}

/** ListPartitionReassignments v0: every reassignment under way (`topics` null) or those of some partitions. */
export function listPartitionReassignmentsRequest(
  topics: { topic: string; partitions: number[] }[] | null,
  timeoutMs: number,
): ProtocolRequest<TopLevelResult<OngoingReassignment>> {
  return {
    request: {
      apiKey: LIST_PARTITION_REASSIGNMENTS_API_KEY,
      apiVersion: 0,
      apiName: 'ListPartitionReassignments',
      encode: async () => {
        const w = new Writer(64);
        w.uvarint(0);
        w.int32(timeoutMs);
        if (topics === null) w.uvarint(0);
        else {
          w.uvarint(topics.length + 1);
          for (const t of topics) {
            w.compactString(t.topic).uvarint(t.partitions.length + 1);
            for (const p of t.partitions) w.int32(p);
            w.uvarint(0);
          }
        }
        return w.uvarint(0).toEncoder();
      },
    },
    response: {
      decode: async (payload) => {
        const reader = new Reader(payload);
        reader.skipTags();
        reader.int32();
        const errorCode = reader.int16();
        const errorMessage = reader.compactString();
        const results: OngoingReassignment[] = [];
        const count = reader.compactLength();
        for (let t = 0; t < count; t++) {
          const topic = reader.compactString() ?? '';
          const parts = reader.compactLength();
          for (let p = 0; p < parts; p++) {
            const partition = reader.int32();
            const replicas = int32s(reader);
            const addingReplicas = int32s(reader);
            const removingReplicas = int32s(reader);
            reader.skipTags();
            results.push({ topic, partition, replicas, addingReplicas, removingReplicas });
          }
          reader.skipTags();
        }
        return { errorCode, errorMessage, results };
      },
      parse: async (decoded) => decoded,
    },
  };
}

/** 0 preferred, 1 unclean (KIP-460). */
export type ElectionType = 0 | 1;

/** ElectLeaders v1 needs the election type; v2 is its flexible form. */
export const electLeadersVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, ELECT_LEADERS_API_KEY, 1, 2);

/** ElectLeaders for the given partitions (null: every partition of the cluster). */
export function electLeadersRequest(
  version: number,
  electionType: ElectionType,
  partitions: { topic: string; partitions: number[] }[] | null,
  timeoutMs: number,
): ProtocolRequest<TopLevelResult<PartitionResult>> {
  const flexible = version >= 2;
  return {
    request: {
      apiKey: ELECT_LEADERS_API_KEY,
      apiVersion: version,
      apiName: 'ElectLeaders',
      encode: async () => {
        const w = new Writer(64);
        if (flexible) w.uvarint(0);
        w.int8(electionType);
        const count = (n: number) => (flexible ? w.uvarint(n + 1) : w.int32(n));
        if (partitions === null) {
          if (flexible) w.uvarint(0);
          else w.int32(-1);
        } else {
          count(partitions.length);
          for (const t of partitions) {
            if (flexible) w.compactString(t.topic);
            else w.string(t.topic);
            count(t.partitions.length);
            for (const p of t.partitions) w.int32(p);
            if (flexible) w.uvarint(0);
          }
        }
        w.int32(timeoutMs);
        if (flexible) w.uvarint(0);
        return w.toEncoder();
      },
    },
    response: {
      decode: async (payload) => {
        const reader = new Reader(payload);
        if (flexible) reader.skipTags();
        reader.int32();
        const errorCode = reader.int16();
        if (flexible) return { errorCode, errorMessage: null, results: readPartitionResults(reader) };
        const results: PartitionResult[] = [];
        const topics = reader.arrayLength();
        for (let t = 0; t < topics; t++) {
          const topic = reader.string() ?? '';
          const parts = reader.arrayLength();
          for (let p = 0; p < parts; p++) {
            const partition = reader.int32();
            const code = reader.int16();
            results.push({ topic, partition, errorCode: code, errorMessage: reader.string() });
          }
        }
        return { errorCode, errorMessage: null, results };
      },
      parse: async (decoded) => decoded,
    },
  };
}

import 'server-only';
import type Encoder from 'kafkajs/src/protocol/encoder.js';

/** A request in the form kafkajs's connection layer sends: our own encoders for APIs kafkajs lacks. */
export interface ProtocolRequest<T> {
  request: {
    apiKey: number;
    apiVersion: number;
    apiName: string;
    encode: () => Promise<Encoder>;
    expectResponse?: () => boolean;
  };
  response: {
    decode: (payload: Buffer) => Promise<T>;
    parse: (decoded: T) => Promise<T>;
  };
  requestTimeout?: number;
}

export interface RawMetadata {
  clusterId?: string | null;
  controllerId?: number | null;
  brokers: { nodeId: number; host: string; port: number; rack?: string | null }[];
}

export interface RawBroker {
  nodeId: number;
  metadata(topics: string[]): Promise<RawMetadata>;
  versions: Record<number, { minVersion: number; maxVersion: number }> | null;
  connectionPool: { send<T>(request: ProtocolRequest<T>): Promise<T> };
}

export interface RawCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  isConnected(): boolean;
  refreshMetadata(): Promise<void>;
  refreshMetadataIfNecessary?(): Promise<void>;
  /** Strings at run time, whatever the typings of kafkajs say. */
  getNodeIds(): (number | string)[];
  findBroker(args: { nodeId: string | number }): Promise<RawBroker>;
  findGroupCoordinatorMetadata(args: {
    groupId: string;
    coordinatorType?: number;
  }): Promise<{ coordinator: { nodeId: number } }>;
  brokerPool: {
    createBroker: (options: unknown) => RawBroker;
    withBroker<T>(callback: (args: { nodeId: string; broker: RawBroker }) => Promise<T>): Promise<T>;
  };
}

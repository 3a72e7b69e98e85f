/**
 * Sample schemas for the demo, in the schema registry of dev/schema-registry, and records encoded
 * with them in the registry's wire format (a 0 byte, the 4-byte schema id, the record; Protobuf adds
 * its message indexes) by this script itself, as an application's serializer would:
 *   payments          Avro, two versions of payments-value (v2 adds a field with a default and a
 *                     reference to the shop.Money subject), exact longs, decimals, timestamps
 *   shipments         Protobuf, importing a common.proto of another subject; two message types
 *   sensor-readings   JSON Schema
 * The registry (in memory) starts empty: schemas are registered again at each seed, in the same order,
 * so they get the same ids as the records already in the topics.
 */
import avro from 'avsc';
import protobuf from 'protobufjs';
import { registerSchema } from './schema-registry/local-registry';

const money = {
  type: 'record',
  name: 'Money',
  namespace: 'shop',
  fields: [
    { name: 'units', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'currency', type: 'string' },
  ],
};
const paymentV1 = {
  type: 'record',
  name: 'Payment',
  namespace: 'shop',
  fields: [
    { name: 'paymentId', type: 'string' },
    { name: 'customerId', type: 'string' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'method', type: { type: 'enum', name: 'Method', symbols: ['CARD', 'TRANSFER', 'WALLET'] } },
    { name: 'sequence', type: 'long' },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ],
};
const paymentV2 = {
  ...paymentV1,
  fields: [
    ...paymentV1.fields,
    { name: 'fee', type: ['null', 'shop.Money'], default: null },
    { name: 'channel', type: 'string', default: 'web' },
  ],
};
const commonProto = `syntax = "proto3";
package logistics;
message Address { string city = 1; string country = 2; }
`;
const shipmentProto = `syntax = "proto3";
package logistics;
import "common.proto";
enum Carrier { CARRIER_UNSET = 0; DHL = 1; UPS = 2; POSTNL = 3; }
message ShipmentCreated { string shipment_id = 1; string order_id = 2; Address to = 3; Carrier carrier = 4; int64 grams = 5; }
message ShipmentDelivered { string shipment_id = 1; int64 delivered_at = 2; }
`;
const sensorSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Reading',
  type: 'object',
  required: ['sensor', 'celsius'],
  properties: { sensor: { type: 'string' }, celsius: { type: 'number' }, seq: { type: 'integer' } },
};

const frame = (id: number, body: Buffer, indexes: number[] = []) => {
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  return Buffer.concat([header, Buffer.from(indexes), body]);
};

function cents(value: number): Buffer {
  const n = Math.round(value * 100);
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

export interface SampleEncoders {
  payment(i: number): { key: string; value: Buffer };
  shipment(i: number): { key: string; value: Buffer };
  reading(i: number): { key: string; value: Buffer };
}

/** Registers the sample subjects (idempotent) and returns encoders for their records. */
export async function sampleEncoders(): Promise<SampleEncoders> {
  const moneyId = await registerSchema('shop.Money', JSON.stringify(money));
  const v1 = await registerSchema('payments-value', JSON.stringify(paymentV1));
  const v2 = await registerSchema('payments-value', JSON.stringify(paymentV2), 'AVRO', [
    { name: 'shop.Money', subject: 'shop.Money', version: 1 },
  ]);
  await registerSchema('logistics-common', commonProto, 'PROTOBUF');
  const shipmentId = await registerSchema('shipments-value', shipmentProto, 'PROTOBUF', [
    { name: 'common.proto', subject: 'logistics-common', version: 1 },
  ]);
  const sensorId = await registerSchema('sensor-readings-value', JSON.stringify(sensorSchema), 'JSON');
  void moneyId;

  const registry = {};
  avro.Type.forSchema(money as avro.Schema, { registry });
  const writeV1 = avro.Type.forSchema(paymentV1 as avro.Schema);
  const writeV2 = avro.Type.forSchema(paymentV2 as avro.Schema, { registry });
  const root = protobuf.parse(commonProto).root;
  protobuf.parse(shipmentProto, root);
  const created = root.lookupType('logistics.ShipmentCreated');
  const delivered = root.lookupType('logistics.ShipmentDelivered');
  const methods = ['CARD', 'TRANSFER', 'WALLET'];
  const cities = [
    ['Amsterdam', 'NL'],
    ['Berlin', 'DE'],
    ['Lyon', 'FR'],
  ];
  return {
    payment(i) {
      const base = {
        paymentId: `pay-${i}`,
        customerId: `customer-${i % 97}`,
        amount: cents(((i * 37) % 900) + 0.99),
        method: methods[i % 3]!,
        sequence: 9_000_000_000 + i,
        at: Date.now() - 1000 * (500 - (i % 500)),
      };
      // Older records are v1; from the 150th on, v2 with a fee on every fourth.
      const value =
        i < 150
          ? frame(v1, writeV1.toBuffer(base))
          : frame(
              v2,
              writeV2.toBuffer({
                ...base,
                fee: i % 4 === 0 ? { units: cents(0.3), currency: 'EUR' } : null,
                channel: i % 2 ? 'app' : 'web',
              }),
            );
      return { key: base.customerId, value };
    },
    shipment(i) {
      const [city, country] = cities[i % cities.length]!;
      if (i % 3 === 2) {
        const body = delivered
          .encode(delivered.fromObject({ shipment_id: `sh-${i - 1}`, delivered_at: Date.now() }))
          .finish();
        return { key: `sh-${i - 1}`, value: frame(shipmentId, Buffer.from(body), [2, 2]) }; // indexes [1]
      }
      const body = created
        .encode(
          created.fromObject({
            shipment_id: `sh-${i}`,
            order_id: `o-${i * 3}`,
            to: { city, country },
            carrier: 1 + (i % 3),
            grams: 250 + i,
          }),
        )
        .finish();
      return { key: `sh-${i}`, value: frame(shipmentId, Buffer.from(body), [0]) };
    },
    reading(i) {
      const text = JSON.stringify({
        sensor: `s-${i % 5}`,
        celsius: Math.round((18 + Math.sin(i / 9) * 6) * 10) / 10,
        seq: i,
      });
      return { key: `s-${i % 5}`, value: frame(sensorId, Buffer.from(text)) };
    },
  };
}

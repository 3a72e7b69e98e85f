import Decoder from 'kafkajs/src/protocol/decoder.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { describe, expect, it } from 'vitest';
import {
  alterClientQuotasRequest,
  decodeAlterQuotas,
  decodeDescribeQuotas,
  describeClientQuotasRequest,
} from '@/server/kafka/protocol/client-quotas';
import { decodeDescribeConfigs, describeConfigsRequest } from '@/server/kafka/protocol/describe-configs';
import {
  alterUserScramCredentialsRequest,
  decodeAlterScram,
  decodeDescribeScram,
  describeUserScramCredentialsRequest,
} from '@/server/kafka/protocol/scram-credentials';
import { scramSaltedPassword } from '@/server/kafka/ops/scram';

const body = async (req: { request: { encode: () => Promise<Encoder> } }) =>
  (await req.request.encode()).buffer.toString('hex');
const hex = (...parts: (string | number[])[]) =>
  parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('hex'))).join('');
const str = (s: string) => Buffer.from(s).toString('hex');
/** Compact string: uvarint(length + 1), then the bytes. */
const cstr = (s: string) => (s.length + 1).toString(16).padStart(2, '0') + str(s);

describe('SCRAM credential codecs', () => {
  it('encode DescribeUserScramCredentials for all users (null array) and for named ones', async () => {
    expect(await body(describeUserScramCredentialsRequest(null))).toBe('000000');
    expect(await body(describeUserScramCredentialsRequest(['al']))).toBe(
      hex('00', '02', cstr('al'), '00', '00'),
    );
  });

  it('encode AlterUserScramCredentials with the mechanism code, iterations, salt and salted password', async () => {
    const req = alterUserScramCredentialsRequest(
      [{ user: 'x', mechanism: 'SCRAM-SHA-512' }],
      [
        {
          user: 'al',
          mechanism: 'SCRAM-SHA-256',
          iterations: 4096,
          salt: Buffer.from([1, 2]),
          saltedPassword: Buffer.from([9]),
        },
      ],
    );
    expect(await body(req)).toBe(
      hex(
        '00',
        '02',
        cstr('x'),
        '02',
        '00',
        '02',
        cstr('al'),
        '01',
        '00001000',
        '03',
        '0102',
        '02',
        '09',
        '00',
        '00',
      ),
    );
  });

  it('decode DescribeUserScramCredentials results, per-user errors included', () => {
    const payload = Buffer.from(
      hex(
        '00000000',
        '0000',
        '00',
        '03',
        cstr('al'),
        '0000',
        '00',
        '03',
        '01',
        '00002000',
        '00',
        '02',
        '00001000',
        '00',
        '00',
        cstr('bo'),
        '005b',
        cstr('gone'),
        '01',
        '00',
        '00',
      ),
      'hex',
    );
    expect(decodeDescribeScram(new Decoder(payload))).toEqual([
      {
        user: 'al',
        errorCode: 0,
        errorMessage: null,
        credentials: [
          { mechanism: 'SCRAM-SHA-256', iterations: 8192 },
          { mechanism: 'SCRAM-SHA-512', iterations: 4096 },
        ],
      },
      { user: 'bo', errorCode: 91, errorMessage: 'gone', credentials: [] },
    ]);
  });

  it('decode AlterUserScramCredentials results', () => {
    const payload = Buffer.from(hex('00000000', '02', cstr('al'), '005d', cstr('weak'), '00', '00'), 'hex');
    expect(decodeAlterScram(new Decoder(payload))).toEqual([
      { user: 'al', errorCode: 93, errorMessage: 'weak' },
    ]);
  });

  it("computes Hi() as RFC 7677's SCRAM-SHA-256 test vector does", async () => {
    // RFC 7677 §3's exchange (password "pencil", 4096 iterations): the SaltedPassword its proofs derive from.
    const salted = await scramSaltedPassword(
      'SCRAM-SHA-256',
      'pencil',
      Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'),
      4096,
    );
    expect(salted.toString('hex')).toBe('c4a49510323ab4f952cac1fa99441939e78ea74d6be81ddf7096e87513dc615d');
    const long = await scramSaltedPassword('SCRAM-SHA-512', 'pencil', Buffer.from('salt'), 4096);
    expect(long).toHaveLength(64);
  });
});

describe('client quota codecs', () => {
  it('encode DescribeClientQuotas filters: exact, default and any', async () => {
    const req = describeClientQuotasRequest([
      { entityType: 'user', match: 'exact', name: 'al' },
      { entityType: 'client-id', match: 'default' },
      { entityType: 'ip', match: 'any' },
    ]);
    expect(await body(req)).toBe(
      hex(
        '00',
        '04',
        cstr('user'),
        '00',
        cstr('al'),
        '00',
        cstr('client-id'),
        '01',
        '00',
        '00',
        cstr('ip'),
        '02',
        '00',
        '00',
        '00',
        '00',
      ),
    );
  });

  it('encode AlterClientQuotas set (float64) and remove ops, and validateOnly', async () => {
    const req = alterClientQuotasRequest(
      [
        {
          entity: [{ entityType: 'user', entityName: null }],
          ops: [
            { key: 'a', value: 1.5 },
            { key: 'b', value: null },
          ],
        },
      ],
      true,
    );
    expect(await body(req)).toBe(
      hex(
        '00',
        '02',
        '02',
        cstr('user'),
        '00',
        '00',
        '03',
        cstr('a'),
        '3ff8000000000000',
        '00',
        '00',
        cstr('b'),
        '0000000000000000',
        '01',
        '00',
        '00',
        '01',
        '00',
      ),
    );
  });

  it('decode DescribeClientQuotas entries with default (null) names', () => {
    const payload = Buffer.from(
      hex(
        '00000000',
        '0000',
        '00',
        '02',
        '03',
        cstr('user'),
        cstr('al'),
        '00',
        cstr('client-id'),
        '00',
        '00',
        '02',
        cstr('request_percentage'),
        '4039000000000000',
        '00',
        '00',
        '00',
      ),
      'hex',
    );
    expect(decodeDescribeQuotas(new Decoder(payload))).toEqual([
      {
        entity: [
          { entityType: 'user', entityName: 'al' },
          { entityType: 'client-id', entityName: null },
        ],
        values: { request_percentage: 25 },
      },
    ]);
  });

  it('decode AlterClientQuotas results and throw on a top-level DescribeClientQuotas error', () => {
    const payload = Buffer.from(
      hex('00000000', '02', '0028', cstr('bad'), '02', cstr('ip'), cstr('1.2.3.4'), '00', '00', '00'),
      'hex',
    );
    expect(decodeAlterQuotas(new Decoder(payload))).toEqual([
      { errorCode: 40, errorMessage: 'bad', entity: [{ entityType: 'ip', entityName: '1.2.3.4' }] },
    ]);
    const failed = Buffer.from(hex('00000000', '001f', cstr('denied'), '00', '00'), 'hex');
    expect(() => decodeDescribeQuotas(new Decoder(failed))).toThrow('denied');
  });
});

describe('DescribeConfigs v4 codec', () => {
  it('asks for synonyms and documentation, all keys (null) or some', async () => {
    expect(await body(describeConfigsRequest([{ resourceType: 4, resourceName: '1' }]))).toBe(
      hex('00', '02', '04', cstr('1'), '00', '00', '01', '01', '00'),
    );
    expect(await body(describeConfigsRequest([{ resourceType: 4, resourceName: '', keys: ['k'] }]))).toBe(
      hex('00', '02', '04', '01', '02', cstr('k'), '00', '01', '01', '00'),
    );
  });

  it('decodes sources, synonyms, types and documentation', () => {
    const payload = Buffer.from(
      hex(
        '00000000',
        '02',
        '0000',
        '00',
        '04',
        cstr('1'),
        '02',
        cstr('log.cleaner.threads'),
        cstr('2'),
        '00',
        '02',
        '00',
        '03',
        cstr('log.cleaner.threads'),
        cstr('2'),
        '02',
        '00',
        cstr('log.cleaner.threads'),
        cstr('1'),
        '05',
        '00',
        '03',
        cstr('Threads'),
        '00',
        '00',
        '00',
      ),
      'hex',
    );
    expect(decodeDescribeConfigs(new Decoder(payload))).toEqual([
      {
        errorCode: 0,
        errorMessage: null,
        resourceType: 4,
        resourceName: '1',
        configs: [
          {
            name: 'log.cleaner.threads',
            value: '2',
            readOnly: false,
            source: 'DYNAMIC_BROKER_CONFIG',
            sensitive: false,
            synonyms: [
              { name: 'log.cleaner.threads', value: '2', source: 'DYNAMIC_BROKER_CONFIG' },
              { name: 'log.cleaner.threads', value: '1', source: 'DEFAULT_CONFIG' },
            ],
            type: 'INT',
            documentation: 'Threads',
          },
        ],
      },
    ]);
  });
});

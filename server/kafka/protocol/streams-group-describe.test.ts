import { describe, expect, it } from 'vitest';
import { streamsGroupDescribeRequest } from '@/server/kafka/protocol/streams-group-describe';

// Responses written by Kafka 4.4's own StreamsGroupDescribeResponseData (kafka-clients) at v0 and v1,
// as hex: a group with a topology, a member with an endpoint, tags, task offsets, active and standby
// tasks and a different target, a classic member without an endpoint, and a missing group. A
// response header's empty tagged fields come first, as on the wire.
const v0 =
  '000000000003000000066170702d610c5265636f6e63696c696e67000000070000000601000000020302300203696e020a6170702d612d7265700101000231010102166170702d612d73746f72652d6368616e67656c6f6700000000ffff020f636c65616e75702e706f6c69637908636f6d706163740000020a6170702d612d7265700000000400030100000003036d3100000006000372310363310a2f31302e302e302e310000000203703101036831fde80002057a6f6e6502610002023000000001000000000000002a0001030231030000000300000001000230020000000100020231020000000000010002023002000000010001020231020000000200000000036d320000000700000363320a2f31302e302e302e3200000002037032ff01010101010100010101000100800000000000451647726f7570206e6f7065206e6f7420666f756e642e056e6f706505446561640000000000000000ff01800000000000';
const v1 =
  '000000000003000000066170702d610c5265636f6e63696c696e67000000070000000601000000020302300203696e020a6170702d612d7265700101000231010102166170702d612d73746f72652d6368616e67656c6f6700000000ffff020f636c65616e75702e706f6c69637908636f6d706163740000020a6170702d612d7265700000000400030100000003036d3100000006000372310363310a2f31302e302e302e310000000203703101036831fde80002057a6f6e6502610002023000000001000000000000002a0001030231030000000300000001000230020000000100020231020000000000010002023002000000010001020231020000000200000000036d320000000700000363320a2f31302e302e302e3200000002037032ff0101010101010001010100010080000000ff0007737469636b790000451647726f7570206e6f7065206e6f7420666f756e642e056e6f706505446561640000000000000000ff0180000000ff00000000';

const decode = (version: number, hex: string) =>
  streamsGroupDescribeRequest(version, ['app-a', 'nope']).response.decode(Buffer.from(hex, 'hex'));

describe('StreamsGroupDescribe', () => {
  it('encodes the group ids, no authorized operations and, from v1, no topology description', async () => {
    const body = async (version: number) =>
      (await streamsGroupDescribeRequest(version, ['g']).request.encode()).buffer.toString('hex');
    expect(await body(0)).toBe('0002026700' + '00');
    expect(await body(1)).toBe('000202670000' + '00');
  });

  for (const [version, hex] of [
    [0, v0],
    [1, v1],
  ] as const) {
    it(`decodes Kafka's own v${version} response field by field`, async () => {
      const [group, missing] = await decode(version, hex);
      expect(group).toEqual({
        groupId: 'app-a',
        error: null,
        errorMessage: null,
        state: 'Reconciling',
        groupEpoch: 7,
        assignmentEpoch: 6,
        assignor: version >= 1 ? 'sticky' : null,
        topology: {
          epoch: 2,
          subtopologies: [
            {
              subtopologyId: '0',
              sourceTopics: ['in'],
              repartitionSinkTopics: ['app-a-rep'],
              stateChangelogTopics: [],
              repartitionSourceTopics: [],
            },
            {
              subtopologyId: '1',
              sourceTopics: [],
              repartitionSinkTopics: [],
              stateChangelogTopics: [
                {
                  name: 'app-a-store-changelog',
                  partitions: 0,
                  replicationFactor: -1,
                  configs: [{ key: 'cleanup.policy', value: 'compact' }],
                },
              ],
              repartitionSourceTopics: [
                { name: 'app-a-rep', partitions: 4, replicationFactor: 3, configs: [] },
              ],
            },
          ],
        },
        members: [
          {
            memberId: 'm1',
            memberEpoch: 6,
            instanceId: null,
            rackId: 'r1',
            clientId: 'c1',
            clientHost: '/10.0.0.1',
            topologyEpoch: 2,
            processId: 'p1',
            userEndpoint: { host: 'h1', port: 65000 },
            clientTags: [{ key: 'zone', value: 'a' }],
            // Sorted by sub-topology, partitions ascending.
            assignment: {
              active: [
                { subtopology: '0', partitions: [1] },
                { subtopology: '1', partitions: [1, 3] },
              ],
              standby: [{ subtopology: '1', partitions: [0] }],
              warmup: [],
            },
            targetAssignment: {
              active: [{ subtopology: '0', partitions: [1] }],
              standby: [],
              warmup: [{ subtopology: '1', partitions: [2] }],
            },
            isClassic: false,
          },
          expect.objectContaining({ memberId: 'm2', userEndpoint: null, isClassic: true }),
        ],
      });
      expect(missing).toMatchObject({
        groupId: 'nope',
        error: 'GROUP_ID_NOT_FOUND',
        errorMessage: 'Group nope not found.',
        topology: null,
        members: [],
      });
    });
  }
});

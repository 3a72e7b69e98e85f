import 'server-only';
import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { onAnyBroker, sendTo } from '@/server/kafka/client/brokers-access';
import type { ClusterClients } from '@/server/kafka/client/registry';
import { KafkaProtocolError, errorName } from '@/server/kafka/protocol/protocol-error';
import {
  ALTER_USER_SCRAM_CREDENTIALS,
  alterUserScramCredentialsRequest,
  DESCRIBE_USER_SCRAM_CREDENTIALS,
  describeUserScramCredentialsRequest,
  type ScramMechanism,
} from '@/server/kafka/protocol/scram-credentials';
import { requiredVersion } from '@/server/kafka/protocol/versions';

const pbkdf2Async = promisify(pbkdf2);

/** RFC 5802 Hi(): PBKDF2 with the mechanism's HMAC, as long as its hash. */
export function scramSaltedPassword(
  mechanism: ScramMechanism,
  password: string,
  salt: Buffer,
  iterations: number,
): Promise<Buffer> {
  const [digest, length] = mechanism === 'SCRAM-SHA-512' ? ['sha512', 64] : ['sha256', 32];
  return pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, length, digest);
}

export interface ScramUserInfo {
  user: string;
  credentials: { mechanism: ScramMechanism; iterations: number }[];
}

/** Every user with a SCRAM credential, with its mechanisms and iterations (never a salt or a hash). */
export async function describeScramUsers(
  clients: ClusterClients,
  users: string[] | null = null,
): Promise<ScramUserInfo[]> {
  const results = await onAnyBroker(clients, (broker) =>
    sendTo(clients, broker.nodeId, (b) =>
      describeUserScramCredentialsRequest(
        users,
        requiredVersion(b.versions, DESCRIBE_USER_SCRAM_CREDENTIALS),
      ),
    ),
  );
  const out: ScramUserInfo[] = [];
  for (const r of results) {
    // RESOURCE_NOT_FOUND: a user asked for by name has no credential.
    if (r.errorCode !== 0 && errorName(r.errorCode) === 'RESOURCE_NOT_FOUND') continue;
    if (r.errorCode !== 0)
      throw new KafkaProtocolError(r.errorCode, 'DescribeUserScramCredentials', r.errorMessage);
    out.push({
      user: r.user,
      // Kafka answers in the order the credentials were written; one order for every view.
      credentials: r.credentials
        .flatMap((c) => (c.mechanism ? [{ mechanism: c.mechanism, iterations: c.iterations }] : []))
        .sort((a, b) => a.mechanism.localeCompare(b.mechanism)),
    });
  }
  return out.sort((a, b) => a.user.localeCompare(b.user));
}

export type ScramChange =
  | { op: 'upsert'; user: string; mechanism: ScramMechanism; iterations: number; password: string }
  | { op: 'delete'; user: string; mechanism: ScramMechanism };

/**
 * Creates or changes (upsert) and deletes SCRAM credentials. Kafka refuses a user twice in one
 * request, so changes go in rounds with each user at most once per round.
 */
export async function alterScramUsers(clients: ClusterClients, changes: ScramChange[]): Promise<void> {
  const rounds: ScramChange[][] = [];
  for (const change of changes) {
    const round = rounds.find((r) => r.every((c) => c.user !== change.user));
    if (round) round.push(change);
    else rounds.push([change]);
  }
  for (const round of rounds) await alterRound(clients, round);
}

/** One request. The salt is random and the salted password computed here: the password is never sent. */
async function alterRound(clients: ClusterClients, changes: ScramChange[]): Promise<void> {
  const upsertions = await Promise.all(
    changes.flatMap((c) =>
      c.op === 'upsert'
        ? [
            (async () => {
              const salt = randomBytes(32);
              return {
                user: c.user,
                mechanism: c.mechanism,
                iterations: c.iterations,
                salt,
                saltedPassword: await scramSaltedPassword(c.mechanism, c.password, salt, c.iterations),
              };
            })(),
          ]
        : [],
    ),
  );
  const deletions = changes.flatMap((c) =>
    c.op === 'delete' ? [{ user: c.user, mechanism: c.mechanism }] : [],
  );
  const results = await onAnyBroker(clients, (broker) =>
    sendTo(clients, broker.nodeId, (b) =>
      alterUserScramCredentialsRequest(
        deletions,
        upsertions,
        requiredVersion(b.versions, ALTER_USER_SCRAM_CREDENTIALS),
      ),
    ),
  );
  const failure = results.find((r) => r.errorCode !== 0);
  if (failure)
    throw new KafkaProtocolError(
      failure.errorCode,
      `AlterUserScramCredentials of "${failure.user}"`,
      failure.errorMessage,
    );
}

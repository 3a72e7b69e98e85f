// GET /api/clusters/:clusterId/quorum — the KRaft controller quorum: leader, voters, observers, lag
import { withCluster } from '@/server/http/handler';
import { getQuorum } from '@/server/services/brokers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/quorum'>(async ({ cluster }) => getQuorum(cluster));

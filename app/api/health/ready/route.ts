// GET /api/health/ready — readiness: this console can serve; each cluster's state in the body
import { handler } from '@/server/http/handler';
import { sharedReadiness } from '@/server/services/clusters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// 200 whenever the console can serve, even with clusters down: it shows them as down, and taking it
// out of a load balancer for one dead cluster of several would hide the others too. Per-cluster state
// is in the body ("degraded"), the UI and kafkascope_cluster_up.
export const GET = handler(async () => sharedReadiness());

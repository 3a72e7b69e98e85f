// POST /api/clusters/:clusterId/connect/:connect/connectors/:connector/tasks/:task/restart
import { mutation } from '@/server/http/mutation';
import { parseIntParam } from '@/server/http/parse';
import { restartTask } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST =
  mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/tasks/[task]/restart'>(
    'connect.task.restart',
    async ({ cluster, params }) =>
      restartTask(cluster, params.connect, params.connector, parseIntParam(params.task, 'task')),
  );

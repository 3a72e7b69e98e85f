// POST /api/clusters/:clusterId/connect/:connect/connectors/:connector/tasks/:task/restart (audited with
// the tasks' states before → after)
import { mutation } from '@/server/http/mutation';
import { parseIntParam } from '@/server/http/parse';
import { auditedConnectorChange, restartTask } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST =
  mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/tasks/[task]/restart'>(
    'connect.task.restart',
    async ({ cluster, params, recordChange }) => {
      const task = parseIntParam(params.task, 'task');
      return auditedConnectorChange(cluster, params.connect, params.connector, recordChange, () =>
        restartTask(cluster, params.connect, params.connector, task),
      );
    },
  );

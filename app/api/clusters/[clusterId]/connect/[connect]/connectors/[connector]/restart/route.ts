// POST /api/clusters/:clusterId/connect/:connect/connectors/:connector/restart — the connector and its tasks;
// ?onlyFailed=true restarts only what failed (audited with state before → after)
import { AppError } from '@/server/http/app-error';
import { mutation } from '@/server/http/mutation';
import { auditedConnectorChange, connectorAction } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/restart'>(
  'connect.connector.restart',
  async ({ cluster, params, query, recordChange }) => {
    const onlyFailed = query.get('onlyFailed');
    if (onlyFailed !== null && onlyFailed !== 'true' && onlyFailed !== 'false')
      throw new AppError('validation_failed', 'onlyFailed: true or false');
    return auditedConnectorChange(cluster, params.connect, params.connector, recordChange, () =>
      connectorAction(
        cluster,
        params.connect,
        params.connector,
        onlyFailed === 'true' ? 'restart-failed' : 'restart',
      ),
    );
  },
);

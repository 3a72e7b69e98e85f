import { AlertsLoading, AlertsView } from '@/components/alerts/alerts-view';
import { Prefetched } from '@/components/layout/prefetched';
import { alertsOverviewOptions } from '@/lib/query/alerts';
import { AlertsOverviewSchema } from '@/lib/schemas/alerts';
import { pageSession, prefetchQueries } from '@/server/http/prefetch';
import { alertsOverview, alertStore } from '@/server/services/alerts/views';

/**
 * Rules, the alerts firing now, their history and the channels: every tab in the address (`?tab=`).
 * The overview (rules, states, silences: what the header and the Rules and Active tabs show) comes
 * with the HTML, read from the store as GET /api/alerts reads it; a store that is down gets the route's
 * error in its place, as the browser's own fetch would.
 */
export default async function AlertsPage() {
  const session = await pageSession();
  const state = prefetchQueries(session, [
    {
      queryKey: alertsOverviewOptions().queryKey,
      schema: AlertsOverviewSchema,
      load: async () => alertsOverview(await alertStore()),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<AlertsLoading />}>
      <AlertsView />
    </Prefetched>
  );
}

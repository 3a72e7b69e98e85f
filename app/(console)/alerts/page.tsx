import { AlertsView } from '@/components/alerts/alerts-view';

/** Rules, the alerts firing now, their history and the channels: every tab in the address (`?tab=`). */
export default function AlertsPage() {
  return <AlertsView />;
}

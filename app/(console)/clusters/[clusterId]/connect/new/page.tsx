import { Suspense } from 'react';
import { NewConnectorView } from '@/components/connect/new-connector-view';

/** The form reads the Connect clusters and plugins from the browser. */
export default function NewConnectorPage() {
  return (
    <Suspense>
      <NewConnectorView />
    </Suspense>
  );
}

'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

/** Unexpected rendering failures of a cluster screen; the shell around it stays usable. */
export default function ClusterError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} title="This screen failed to render" onRetry={retry} />;
}

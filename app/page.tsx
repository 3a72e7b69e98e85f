'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { LogoMark } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/lib/paths';
import { clustersOptions } from '@/lib/query/clusters';

function Centered({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4" data-testid="home">
      <div className="flex items-center gap-2 text-lg font-semibold tracking-tight">
        <LogoMark className="size-8" />
        Kafkascope
      </div>
      <div className="w-full max-w-lg">{children}</div>
    </main>
  );
}

/** `/` has nothing of its own: it opens the first configured cluster. */
export default function HomePage() {
  const router = useRouter();
  const query = useQuery(clustersOptions());
  const first = query.data?.clusters[0];
  const firstId = first?.id;

  useEffect(() => {
    if (firstId !== undefined) router.replace(paths.cluster(firstId));
  }, [firstId, router]);

  if (query.error) {
    return (
      <Centered>
        <ErrorPanel
          error={query.error}
          title="Cannot load the cluster list"
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </Centered>
    );
  }
  if (query.data && !first) {
    return (
      <Centered>
        <EmptyState title="No cluster is configured" data-testid="no-clusters">
          Set <code className="font-mono text-xs">KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS</code> (and optionally{' '}
          <code className="font-mono text-xs">KAFKA_CLUSTERS_0_NAME</code>), or point{' '}
          <code className="font-mono text-xs">KAFKASCOPE_CONFIG</code> at a YAML file with a{' '}
          <code className="font-mono text-xs">clusters:</code> list, then restart the console.
        </EmptyState>
      </Centered>
    );
  }
  return (
    <Centered>
      <div className="flex justify-center text-zinc-500">
        <Spinner label={first ? `Opening ${first.name}…` : 'Loading clusters…'} />
      </div>
    </Centered>
  );
}

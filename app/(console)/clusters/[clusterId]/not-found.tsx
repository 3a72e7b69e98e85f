'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useClusterDirectory } from '@/components/layout/use-cluster-directory';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { IconBrokers } from '@/components/ui/icons';
import { decodeSegment } from '@/lib/format/text';
import { paths } from '@/lib/paths';

export default function ClusterNotFound() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const { entries } = useClusterDirectory();
  return (
    <EmptyState
      data-testid="cluster-not-found"
      icon={<IconBrokers className="size-8" />}
      title={`No cluster '${decodeSegment(clusterId)}' is configured`}
      action={
        <Link href={paths.home()} className={buttonClass({ variant: 'primary' })}>
          Go to the first cluster
        </Link>
      }
    >
      {entries.length > 0 ? (
        <>
          Configured clusters:{' '}
          {entries.map(({ cluster }, i) => (
            <span key={cluster.id}>
              {i > 0 && ', '}
              <Link
                href={paths.cluster(cluster.id)}
                className="text-accent-700 dark:text-accent-300 font-medium hover:underline"
              >
                {cluster.name}
              </Link>
            </span>
          ))}
          .
        </>
      ) : (
        'Check the cluster id in the address, or the console configuration.'
      )}
    </EmptyState>
  );
}

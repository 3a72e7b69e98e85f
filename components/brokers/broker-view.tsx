'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { BrokerSummary } from '@/components/brokers/broker-summary';
import { LogDirsTable } from '@/components/brokers/log-dirs-table';
import { BrokerConfigEditor } from '@/components/cluster-admin/broker-config-editor';
import { PageHeader } from '@/components/layout/page-header';
import { ElectLeadersButton } from '@/components/reassign/elect-leaders-dialog';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { refreshMs } from '@/components/layout/use-cluster-query';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { IconBrokers } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { describeError, isNotFound } from '@/lib/format/error';
import { paths } from '@/lib/paths';
import { brokerOptions } from '@/lib/query/clusters';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function BrokerView({ clusterId, brokerId }: { clusterId: string; brokerId: number }) {
  const broker = useQuery(brokerOptions(clusterId, brokerId));
  const back = { href: paths.brokers(clusterId), label: 'Brokers' };

  if (isNotFound(broker.error)) {
    return (
      <EmptyState
        icon={<IconBrokers className="size-8" />}
        title={`Broker ${brokerId} not found`}
        data-testid="broker-not-found"
        action={
          <Link href={back.href} className={buttonClass({ variant: 'primary' })}>
            All brokers
          </Link>
        }
      >
        {describeError(broker.error).message}
      </EmptyState>
    );
  }
  return (
    <div className="space-y-6" data-testid="broker-detail" data-broker-id={brokerId}>
      <PageHeader
        title={`Broker ${brokerId}`}
        back={back}
        description="Address, storage and configuration of this broker."
        actions={
          <>
            <RefreshStatus query={broker} intervalMs={refreshMs(brokerOptions(clusterId, brokerId))} />
            <ElectLeadersButton clusterId={clusterId} scope={{ kind: 'broker', brokerId }} />
          </>
        }
      />
      <QueryView query={broker} loading={<Skeleton className="h-20 w-full rounded-lg" />}>
        {(data) => (
          <>
            <BrokerSummary broker={data} />
            <Section id="broker-log-dirs" title="Log directories">
              <LogDirsTable logDirs={data.logDirs} />
            </Section>
          </>
        )}
      </QueryView>
      <Section id="broker-configs" title="Configuration">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Dynamic keys can be changed here (previewed first); cluster-wide values are on the{' '}
          <Link
            href={paths.brokerDefaults(clusterId)}
            className="text-accent-700 dark:text-accent-300 hover:underline"
          >
            broker defaults
          </Link>{' '}
          page.
        </p>
        <BrokerConfigEditor clusterId={clusterId} scope={String(brokerId)} />
      </Section>
    </div>
  );
}

/** One broker: its summary, log directories and configuration editor (the page reads the first two on the server). */
export function BrokerPageView() {
  const { clusterId, brokerId } = useParams<{ clusterId: string; brokerId: string }>();
  const id = Number(brokerId);
  if (!/^\d+$/.test(brokerId) || !Number.isSafeInteger(id)) {
    return (
      <EmptyState
        icon={<IconBrokers className="size-8" />}
        title="Not a broker id"
        data-testid="broker-not-found"
      >
        Broker ids are whole numbers; “{brokerId}” is not one.
      </EmptyState>
    );
  }
  return <BrokerView clusterId={clusterId} brokerId={id} />;
}

export function BrokerLoading() {
  return <Skeleton className="h-20 w-full rounded-lg" />;
}

'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { AclAccessPanel } from '@/components/acls/acl-access-panel';
import { PageHeader } from '@/components/layout/page-header';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { refreshMs } from '@/components/layout/use-cluster-query';
import { DeleteOffsetsDialog } from '@/components/groups/delete-offsets-dialog';
import { GroupActions } from '@/components/groups/group-actions';
import { GroupMembers } from '@/components/groups/group-members';
import { GroupPartitions } from '@/components/groups/group-partitions';
import { ExpiredAlert, GroupForecast, GroupStats } from '@/components/groups/group-stats';
import { GroupTabs, groupPanelId, groupTabLabel } from '@/components/groups/group-tabs';
import { GroupStateBadge, HealthBadge } from '@/components/groups/health-badge';
import { LagPanel } from '@/components/groups/lag-panel';
import { StreamsTopologyPanel } from '@/components/groups/streams-topology';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { IconGroups } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { useUrlView } from '@/components/ui/use-url-state';
import { describeError, isNotFound } from '@/lib/format/error';
import { decodeSegment } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import { groupOptions } from '@/lib/query/groups';
import { groupPageView } from '@/lib/url-state/pages';
import type { GroupDetail } from '@/lib/schemas/group';

export function GroupView() {
  const params = useParams<{ clusterId: string; group: string }>();
  const clusterId = params.clusterId;
  const name = decodeSegment(params.group);
  const tab = useUrlView(groupPageView).state.tab;
  const query = useQuery(groupOptions(clusterId, name));
  const [notice, setNotice] = useState<string | null>(null);
  const [offsetsTopic, setOffsetsTopic] = useState<string | null>(null);
  const group = query.data;
  const back = { href: paths.groups(clusterId), label: 'Consumer groups' };

  // Only a group never seen is "not found": one deleted while open keeps its last data under a notice, so
  // the dialog that deleted it can still finish and navigate away.
  if (isNotFound(query.error) && !group) {
    return (
      <EmptyState
        icon={<IconGroups className="size-8" />}
        title={`Consumer group “${name}” not found`}
        data-testid="group-not-found"
        action={
          <Link href={back.href} className={buttonClass({ variant: 'primary' })}>
            All consumer groups
          </Link>
        }
      >
        {describeError(query.error).message}
      </EmptyState>
    );
  }

  return (
    <div data-testid="group-detail" data-group={name} className="space-y-5">
      <PageHeader
        title={name}
        back={back}
        badges={
          group && (
            <>
              <GroupStateBadge state={group.state} />
              <HealthBadge value={group.health} />
            </>
          )
        }
        actions={
          <>
            <RefreshStatus query={query} intervalMs={refreshMs(groupOptions(clusterId, name))} />
            {group && <GroupActions clusterId={clusterId} group={group} onDone={setNotice} />}
          </>
        }
      />
      {notice && (
        <Alert tone="success" data-testid="group-notice" onDismiss={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <QueryView query={query} loading={<Skeleton className="h-20 w-full rounded-lg" />}>
        {(data) => (
          <>
            {data.unsupported && <UnsupportedAlert group={data} />}
            <GroupStats clusterId={clusterId} group={data} />
            <GroupForecast group={data} />
            <ExpiredAlert group={data} />
          </>
        )}
      </QueryView>
      <div className="space-y-4">
        <GroupTabs
          clusterId={clusterId}
          group={name}
          current={tab}
          counts={{
            partitions: group?.partitions.length,
            members: group?.unsupported ? undefined : group?.memberList.length,
            topology: group?.topology?.subtopologies.length,
          }}
          streams={group?.type === 'streams'}
        />
        <div role="tabpanel" id={groupPanelId} aria-label={groupTabLabel(tab)}>
          {tab === 'access' ? (
            <AclAccessPanel clusterId={clusterId} resourceType="GROUP" name={name} />
          ) : tab === 'lag' ? (
            <LagPanel clusterId={clusterId} groupId={name} group={group} />
          ) : !group ? null : tab === 'members' ? (
            <GroupMembers group={group} />
          ) : tab === 'topology' ? (
            <StreamsTopologyPanel clusterId={clusterId} group={group} />
          ) : (
            <GroupPartitions clusterId={clusterId} group={group} onDeleteOffsets={setOffsetsTopic} />
          )}
        </div>
      </div>
      {group && (
        <DeleteOffsetsDialog
          clusterId={clusterId}
          group={group}
          topic={offsetsTopic}
          onClose={() => setOffsetsTopic(null)}
          onDone={(message) => {
            setOffsetsTopic(null);
            setNotice(message);
          }}
        />
      )}
    </div>
  );
}

const typeNames: Record<string, string> = {
  streams: 'streams groups (KIP-1071, Kafka 4.1 and later)',
  share: 'share groups (KIP-932, Kafka 4.1 and later)',
  consumer: 'consumer-protocol groups (KIP-848, Kafka 4.0 and later)',
};

const features: Record<string, string> = {
  streams: 'streams.version',
  share: 'share.version',
  consumer: 'group.version',
};

/** The coordinator does not speak the describe API of the group's type, or its feature is off: say so. */
function UnsupportedAlert({ group }: { group: GroupDetail }) {
  const unsupported = group.unsupported!;
  const feature = features[group.type ?? ''];
  return (
    <Alert
      tone="info"
      data-testid="group-unsupported"
      data-api-key={unsupported.apiKey}
      data-reason={unsupported.reason}
    >
      <p className="font-semibold">
        {unsupported.reason === 'api'
          ? `This cluster does not support describing ${typeNames[group.type ?? ''] ?? `${group.type} groups`}`
          : `${group.type ? group.type.charAt(0).toUpperCase() + group.type.slice(1) : 'Such'} groups are turned off on this cluster`}
      </p>
      <p className="mt-1">
        {unsupported.reason === 'api' ? (
          <>
            Broker {unsupported.coordinator}, the group&rsquo;s coordinator, does not offer {unsupported.api}{' '}
            (API key {unsupported.apiKey}) in its ApiVersions.
          </>
        ) : (
          <>
            Broker {unsupported.coordinator}, the group&rsquo;s coordinator, answers {unsupported.api} (API
            key {unsupported.apiKey}) with UNSUPPORTED_VERSION
            {feature && (
              <>
                : the cluster&rsquo;s <span className="font-mono">{feature}</span> feature is off (
                <span className="font-mono">kafka-features upgrade --feature {feature}=1</span> turns it on)
              </>
            )}
            .
          </>
        )}{' '}
        The group&rsquo;s state, members and assignment are unknown; its offsets and lag are shown as far as
        the broker reports them.
      </p>
    </Alert>
  );
}

/** The page while the server reads the group: the Suspense fallback of the route. */
export function GroupLoading({ clusterId, name }: { clusterId: string; name: string }) {
  return (
    <div className="space-y-5">
      <PageHeader title={name} back={{ href: paths.groups(clusterId), label: 'Consumer groups' }} />
      <Skeleton className="h-20 w-full rounded-lg" />
    </div>
  );
}

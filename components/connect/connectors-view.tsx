'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { StateBadge } from '@/components/connect/state-badge';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Input, Select } from '@/components/ui/field';
import { IconConnect, IconPlus } from '@/components/ui/icons';
import { IntentLink } from '@/components/ui/intent-link';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { connectPaths, paths } from '@/lib/paths';
import { usePermission } from '@/lib/query/auth';
import { connectorsOptions, pluginsOptions } from '@/lib/query/connect';
import type { ConnectClusterStatus, ConnectorList, ConnectorSummary } from '@/lib/schemas/connect';

type SortKey = 'failed' | 'name' | 'state' | 'connect';

const shortClass = (className: string) => className.split('.').pop() ?? className;

function sortRows(rows: ConnectorSummary[], key: SortKey): ConnectorSummary[] {
  const byName = (a: ConnectorSummary, b: ConnectorSummary) => a.name.localeCompare(b.name);
  const sorted = [...rows];
  if (key === 'failed')
    sorted.sort(
      (a, b) =>
        b.tasksFailed - a.tasksFailed ||
        Number(b.state === 'FAILED') - Number(a.state === 'FAILED') ||
        byName(a, b),
    );
  else if (key === 'state') sorted.sort((a, b) => a.state.localeCompare(b.state) || byName(a, b));
  else if (key === 'connect') sorted.sort((a, b) => a.connect.localeCompare(b.connect) || byName(a, b));
  else sorted.sort(byName);
  return sorted;
}

export function ConnectorsLoading() {
  return <Skeleton className="h-64 w-full" />;
}

export function ConnectorsView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const query = useQuery(connectorsOptions(clusterId));
  const create = usePermission(clusterId, 'connect.connector.create');
  return (
    <div className="space-y-5" data-testid="connectors-page">
      <PageHeader
        title="Kafka Connect"
        description="Connectors of every Connect cluster that works on this Kafka cluster"
        actions={
          query.data && query.data.clusters.length > 0 && create.allowed ? (
            <IntentLink
              href={connectPaths.create(clusterId)}
              className={buttonClass({ variant: 'primary' })}
              data-testid="new-connector"
            >
              <IconPlus className="size-4" /> New connector
            </IntentLink>
          ) : null
        }
      />
      <QueryView query={query} loading={<ConnectorsLoading />}>
        {(data) => <ConnectorsBody clusterId={clusterId} data={data} />}
      </QueryView>
    </div>
  );
}

function ConnectorsBody({ clusterId, data }: { clusterId: string; data: ConnectorList }) {
  const [text, setText] = useState('');
  const [state, setState] = useState('');
  const [connect, setConnect] = useState('');
  const [sort, setSort] = useState<SortKey>('failed');
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const filtered = data.connectors.filter(
      (c) =>
        (!needle ||
          c.name.toLowerCase().includes(needle) ||
          c.className.toLowerCase().includes(needle) ||
          c.topics.some((t) => t.toLowerCase().includes(needle))) &&
        (!state || c.state === state || (state === 'TASK_FAILED' && c.tasksFailed > 0)) &&
        (!connect || c.connect === connect),
    );
    return sortRows(filtered, sort);
  }, [data.connectors, text, state, connect, sort]);
  if (data.clusters.length === 0)
    return (
      <EmptyState icon={<IconConnect className="size-6" />} title="No Kafka Connect cluster is configured">
        Add one with KAFKA_CLUSTERS_&lt;n&gt;_CONNECT_&lt;m&gt;_NAME and _URL (see docs/connect.md).
      </EmptyState>
    );
  const flows = data.connectors.filter((c) => c.flow);
  // The Connect cluster column only when there is more than one to tell apart.
  const many = data.clusters.length > 1;
  return (
    <div className="space-y-5">
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {data.clusters.map((c) => (
          <ConnectClusterCard
            key={c.name}
            clusterId={clusterId}
            status={c}
            count={data.connectors.filter((x) => x.connect === c.name).length}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <div className="w-64">
          <Input
            placeholder="Filter by name, class or topic"
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="connector-filter"
            aria-label="Filter connectors"
          />
        </div>
        <div className="w-48">
          <Select
            value={state}
            onChange={(e) => setState(e.target.value)}
            aria-label="State"
            data-testid="state-filter"
          >
            <option value="">Any state</option>
            <option value="TASK_FAILED">With failed tasks</option>
            {['RUNNING', 'PAUSED', 'STOPPED', 'FAILED', 'UNASSIGNED', 'RESTARTING'].map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </Select>
        </div>
        {data.clusters.length > 1 && (
          <div className="w-48">
            <Select value={connect} onChange={(e) => setConnect(e.target.value)} aria-label="Connect cluster">
              <option value="">Every Connect cluster</option>
              {data.clusters.map((c) => (
                <option key={c.name}>{c.name}</option>
              ))}
            </Select>
          </div>
        )}
        <div className="w-48">
          <Select
            value={sort}
            onChange={(e) => setSort(e.target.value as SortKey)}
            aria-label="Sort"
            data-testid="connector-sort"
          >
            <option value="failed">Failed first</option>
            <option value="name">By name</option>
            <option value="state">By state</option>
            <option value="connect">By Connect cluster</option>
          </Select>
        </div>
        <span className="text-xs text-zinc-500">
          {rows.length} of {data.connectors.length} connectors
        </span>
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={<IconConnect className="size-6" />} title="No connector matches" />
      ) : (
        <Table data-testid="connectors-table">
          <THead>
            <tr>
              <Th>Name</Th>
              {many && <Th>Connect cluster</Th>}
              <Th>Type, plugin</Th>
              <Th>State</Th>
              <Th className="text-right">Tasks ok / failed</Th>
              <Th>Topics</Th>
            </tr>
          </THead>
          <TBody>
            {rows.map((c) => (
              <Tr key={`${c.connect}/${c.name}`} data-testid="connector-row" data-connector={c.name}>
                <Td className="font-medium">
                  <IntentLink
                    href={connectPaths.connector(clusterId, c.connect, c.name)}
                    className="text-accent-700 dark:text-accent-300 hover:underline"
                  >
                    {c.name}
                  </IntentLink>
                </Td>
                {many && <Td>{c.connect}</Td>}
                {/* The plugin under the type: one column less, so the topics fit at 1024 px. */}
                <Td title={c.className}>
                  {c.type}
                  <span className="block font-mono text-xs text-zinc-500 dark:text-zinc-400">
                    {shortClass(c.className)}
                  </span>
                </Td>
                <Td>
                  <StateBadge state={c.state} testId="connector-state" />
                </Td>
                <Td className="text-right tabular-nums">
                  {c.tasksRunning} /{' '}
                  <span
                    className={c.tasksFailed > 0 ? 'font-semibold text-red-700 dark:text-red-400' : ''}
                    data-testid="tasks-failed"
                  >
                    {c.tasksFailed}
                  </span>
                </Td>
                <Td className="max-w-56 truncate" title={c.topics.join(', ')}>
                  {c.topics.map((t, i) => (
                    <span key={t}>
                      {i > 0 && ', '}
                      {t.startsWith('/') ? (
                        t
                      ) : (
                        <IntentLink href={paths.topic(clusterId, t)} className="hover:underline">
                          {t}
                        </IntentLink>
                      )}
                    </span>
                  ))}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {flows.length > 0 && (
        <Card className="p-4" data-testid="replication-flows">
          <h2 className="mb-2 text-sm font-semibold">MirrorMaker 2 replication flows</h2>
          <ul className="space-y-1 text-sm">
            {flows.map((c) => (
              <li key={`${c.connect}/${c.name}`}>
                <span className="font-mono">
                  {c.flow!.source} → {c.flow!.target}
                </span>{' '}
                <span className="text-zinc-500">topics {c.flow!.topics ?? '(default)'}</span> ·{' '}
                <IntentLink
                  href={connectPaths.connector(clusterId, c.connect, c.name)}
                  className="hover:underline"
                >
                  {c.name}
                </IntentLink>{' '}
                <StateBadge state={c.state} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function ConnectClusterCard({
  clusterId,
  status,
  count,
}: {
  clusterId: string;
  status: ConnectClusterStatus;
  count: number;
}) {
  const [open, setOpen] = useState(false);
  const plugins = useQuery({ ...pluginsOptions(clusterId, status.name), enabled: open && status.up });
  return (
    <Card
      className="space-y-2 p-4"
      data-testid="connect-cluster"
      data-connect={status.name}
      data-up={status.up}
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold">{status.name}</h2>
        {status.up ? <Badge tone="success">up</Badge> : <Badge tone="danger">down</Badge>}
      </div>
      <p className="font-mono text-xs text-zinc-500" data-testid="connect-url">
        {status.url}
        {status.urls.length > 1 && (
          <span className="font-sans" title={status.urls.join('\n')}>
            {' '}
            (1 of {status.urls.length} worker URLs)
          </span>
        )}
      </p>
      {status.up ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="connect-version">
          Kafka Connect {status.version} (commit {status.commit}) · {count} connectors
        </p>
      ) : (
        <Alert tone="danger" data-testid="connect-down">
          {status.error}
        </Alert>
      )}
      {status.up && (
        <button
          type="button"
          className="text-accent-700 dark:text-accent-300 text-xs hover:underline"
          onClick={() => setOpen(!open)}
          data-testid="show-plugins"
        >
          {open ? 'Hide plugins' : 'Show plugins'}
        </button>
      )}
      {open && plugins.data && (
        <ul className="space-y-0.5 text-xs" data-testid="plugins">
          {plugins.data.plugins.map((p) => (
            <li key={p.className} className="flex justify-between gap-2">
              <span className="truncate font-mono" title={p.className}>
                {shortClass(p.className)}
              </span>
              <span className="text-zinc-500">
                {p.type} {p.version}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

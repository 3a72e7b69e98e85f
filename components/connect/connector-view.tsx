'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams, useRouter } from 'next/navigation';
import { useState } from 'react';
import { EditOffsetsDialog } from '@/components/connect/edit-offsets-dialog';
import { StateBadge } from '@/components/connect/state-badge';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormDialog } from '@/components/ui/form-dialog';
import { IntentLink } from '@/components/ui/intent-link';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { describeError } from '@/lib/format/error';
import { decodeSegment } from '@/lib/format/text';
import { connectPaths, paths } from '@/lib/paths';
import { usePermission } from '@/lib/query/auth';
import {
  connectorOptions,
  useConnectorAction,
  useDeleteConnector,
  useResetOffsets,
  useRestartTask,
  useUpdateConnector,
} from '@/lib/query/connect';
import { UpdateConnectorSchema, type ConnectorAction, type ConnectorDetail } from '@/lib/schemas/connect';

export function ConnectorLoading() {
  return <Skeleton className="h-96 w-full" />;
}

export function ConnectorView() {
  const params = useParams<{ clusterId: string; connect: string; connector: string }>();
  const clusterId = params.clusterId;
  const connect = decodeSegment(params.connect);
  const name = decodeSegment(params.connector);
  const query = useQuery(connectorOptions(clusterId, connect, name));
  return (
    <QueryView query={query} loading={<ConnectorLoading />}>
      {(detail) => <ConnectorBody clusterId={clusterId} detail={detail} />}
    </QueryView>
  );
}

const ACTION_LABELS: Record<ConnectorAction, string> = {
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop',
  restart: 'Restart',
  'restart-failed': 'Restart failed tasks',
};

function ConnectorBody({ clusterId, detail }: { clusterId: string; detail: ConnectorDetail }) {
  const router = useRouter();
  const { connect, name } = detail;
  const action = useConnectorAction(clusterId, connect, name);
  const restartTask = useRestartTask(clusterId, connect, name);
  const remove = useDeleteConnector(clusterId, connect, name);
  const resetOffsets = useResetOffsets(clusterId, connect, name);
  const [deleting, setDeleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<ConnectorAction | null>(null);
  const [resetting, setResetting] = useState(false);
  const [editingOffsets, setEditingOffsets] = useState(false);
  const permissions = {
    pause: usePermission(clusterId, 'connect.connector.pause'),
    resume: usePermission(clusterId, 'connect.connector.resume'),
    stop: usePermission(clusterId, 'connect.connector.stop'),
    restart: usePermission(clusterId, 'connect.connector.restart'),
    'restart-failed': usePermission(clusterId, 'connect.connector.restart'),
  } satisfies Record<ConnectorAction, unknown>;
  const taskRestart = usePermission(clusterId, 'connect.task.restart');
  const del = usePermission(clusterId, 'connect.connector.delete');
  const update = usePermission(clusterId, 'connect.connector.update');
  const offsetsReset = usePermission(clusterId, 'connect.offsets.reset');
  const offsetsAlter = usePermission(clusterId, 'connect.offsets.alter');
  const stopFirst = detail.state !== 'STOPPED' ? 'Stop the connector first' : undefined;
  const shown: ConnectorAction[] = [
    ...(detail.state === 'RUNNING' ? (['pause'] as const) : []),
    ...(detail.state === 'PAUSED' || detail.state === 'STOPPED' ? (['resume'] as const) : []),
    ...(detail.state !== 'STOPPED' ? (['stop'] as const) : []),
    'restart',
    ...(detail.tasksFailed > 0 || detail.state === 'FAILED' ? (['restart-failed'] as const) : []),
  ];
  return (
    <div className="space-y-5" data-testid="connector-page" data-connector={name}>
      <PageHeader
        title={name}
        back={{ href: connectPaths.list(clusterId), label: 'Kafka Connect' }}
        badges={
          <>
            <StateBadge state={detail.state} testId="connector-state" />
            <Badge>{detail.type}</Badge>
            <Badge>{connect}</Badge>
          </>
        }
        description={<span className="font-mono text-xs">{detail.className}</span>}
        actions={
          <>
            {shown.map((a) => (
              <Button
                key={a}
                onClick={() => setConfirming(a)}
                disabled={!permissions[a].allowed || action.isPending}
                title={permissions[a].reason ?? undefined}
                data-testid={`action-${a}`}
              >
                {ACTION_LABELS[a]}
              </Button>
            ))}
            <Button
              onClick={() => setEditing(true)}
              disabled={!update.allowed}
              title={update.reason ?? undefined}
              data-testid="edit-config"
            >
              Edit config
            </Button>
            <Button
              onClick={() => setDeleting(true)}
              disabled={!del.allowed}
              title={del.reason ?? undefined}
              data-testid="delete-connector"
              className="text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/40"
            >
              Delete
            </Button>
          </>
        }
      />
      {action.error && <Alert tone="danger">{describeError(action.error).message}</Alert>}
      {restartTask.error && <Alert tone="danger">{describeError(restartTask.error).message}</Alert>}
      {detail.trace && (
        <Card className="p-4">
          <h2 className="mb-2 text-sm font-semibold text-red-700 dark:text-red-400">The connector failed</h2>
          <pre className="max-h-96 overflow-auto text-xs whitespace-pre-wrap" data-testid="connector-trace">
            {detail.trace}
          </pre>
        </Card>
      )}
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">Tasks</h2>
        <Table data-testid="tasks-table">
          <THead>
            <tr>
              <Th>Task</Th>
              <Th>State</Th>
              <Th>Worker</Th>
              <Th />
            </tr>
          </THead>
          <TBody>
            {detail.tasks.flatMap((t) => [
              <Tr key={t.id} data-testid="task-row" data-task={t.id} className="align-top">
                <Td>{t.id}</Td>
                <Td>
                  <StateBadge state={t.state} testId="task-state" />
                </Td>
                <Td className="font-mono text-xs">{t.workerId}</Td>
                <Td className="text-right">
                  <Button
                    size="sm"
                    onClick={() => restartTask.mutate(t.id)}
                    disabled={!taskRestart.allowed || restartTask.isPending}
                    title={taskRestart.reason ?? undefined}
                    data-testid="restart-task"
                  >
                    Restart task
                  </Button>
                </Td>
              </Tr>,
              ...(t.trace
                ? [
                    <tr key={`${t.id}-trace`}>
                      <td colSpan={4} className="px-3 pb-3">
                        <pre
                          className="max-h-96 overflow-auto text-xs [overflow-wrap:anywhere] whitespace-pre-wrap text-red-800 dark:text-red-300"
                          data-testid="task-trace"
                        >
                          {t.trace}
                        </pre>
                      </td>
                    </tr>,
                  ]
                : []),
            ])}
            {detail.tasks.length === 0 && (
              <Tr>
                <Td colSpan={4} className="text-zinc-500">
                  No tasks {detail.state === 'STOPPED' ? '(the connector is stopped)' : 'yet'}
                </Td>
              </Tr>
            )}
          </TBody>
        </Table>
      </section>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card className="p-4">
          <h2 className="mb-2 text-sm font-semibold">Topics</h2>
          {detail.activeTopics.length === 0 ? (
            <p className="text-sm text-zinc-500">No topic used yet</p>
          ) : (
            <ul className="space-y-0.5 text-sm" data-testid="connector-topics">
              {detail.activeTopics.map((t) => (
                <li key={t}>
                  <IntentLink
                    href={paths.topic(clusterId, t)}
                    className="text-accent-700 dark:text-accent-300 hover:underline"
                  >
                    {t}
                  </IntentLink>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="p-4" data-testid="connector-offsets">
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-sm font-semibold">Offsets</h2>
            <div className="flex gap-2">
              <Button
                size="sm"
                onClick={() => setEditingOffsets(true)}
                disabled={!offsetsAlter.allowed || detail.state !== 'STOPPED' || detail.offsets === null}
                title={offsetsAlter.reason ?? stopFirst}
                data-testid="edit-offsets"
              >
                Edit offsets
              </Button>
              <Button
                size="sm"
                onClick={() => setResetting(true)}
                disabled={!offsetsReset.allowed || detail.state !== 'STOPPED'}
                title={
                  offsetsReset.reason ?? (detail.state !== 'STOPPED' ? 'Stop the connector first' : undefined)
                }
                data-testid="reset-offsets"
              >
                Reset offsets
              </Button>
            </div>
          </div>
          {detail.offsetsError ? (
            <p className="text-sm text-zinc-500">{detail.offsetsError}</p>
          ) : (
            <pre className="max-h-64 overflow-auto text-xs" data-testid="offsets-json">
              {JSON.stringify(detail.offsets, null, 2)}
            </pre>
          )}
        </Card>
      </div>
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">Configuration</h2>
        <Table data-testid="config-table">
          <TBody>
            {Object.entries(detail.config)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => (
                <Tr key={k}>
                  <Td className="font-mono text-xs">{k}</Td>
                  <Td className="font-mono text-xs break-all whitespace-normal">{v}</Td>
                </Tr>
              ))}
          </TBody>
        </Table>
      </section>
      {confirming && (
        <FormDialog
          onClose={() => setConfirming(null)}
          title={`${ACTION_LABELS[confirming]} ${name}?`}
          data-testid="action-dialog"
          onSubmit={() => action.mutate(confirming, { onSuccess: () => setConfirming(null) })}
          error={action.error}
          pending={action.isPending}
          submitLabel={ACTION_LABELS[confirming]}
          submitTestId="confirm-action"
          variant={confirming === 'stop' ? 'danger' : 'primary'}
        >
          <p className="text-sm">
            {confirming === 'restart-failed'
              ? `Restarts the failed tasks of ${name} (${detail.tasksFailed}) and the connector if it failed.`
              : confirming === 'restart'
                ? `Restarts ${name} and all of its ${detail.tasks.length} tasks.`
                : confirming === 'stop'
                  ? `Stops ${name}: its tasks shut down and it keeps its config; its offsets can then be changed.`
                  : `${ACTION_LABELS[confirming]}s ${name} and its tasks.`}
          </p>
        </FormDialog>
      )}
      {deleting && (
        <FormDialog
          onClose={() => setDeleting(false)}
          title={`Delete connector ${name}`}
          data-testid="delete-dialog"
          onSubmit={() =>
            remove.mutate(undefined, { onSuccess: () => router.push(connectPaths.list(clusterId)) })
          }
          confirm={{ expected: name, disabled: remove.isPending }}
          error={remove.error}
          pending={remove.isPending}
          variant="danger"
          submitLabel="Delete"
          submitTestId="confirm-delete"
        >
          <p className="text-sm">
            The connector and its tasks stop and its config is deleted from {connect}. Its topics stay.
          </p>
        </FormDialog>
      )}
      {resetting && (
        <FormDialog
          onClose={() => setResetting(false)}
          title={`Reset the offsets of ${name}`}
          data-testid="reset-offsets-dialog"
          onSubmit={() => resetOffsets.mutate(undefined, { onSuccess: () => setResetting(false) })}
          confirm={{ expected: name, disabled: resetOffsets.isPending }}
          error={resetOffsets.error}
          pending={resetOffsets.isPending}
          variant="danger"
          submitLabel="Reset offsets"
          submitTestId="confirm-reset-offsets"
        >
          <p className="text-sm">When resumed, the connector starts over as if it were new.</p>
        </FormDialog>
      )}
      {editingOffsets && (
        <EditOffsetsDialog clusterId={clusterId} detail={detail} onClose={() => setEditingOffsets(false)} />
      )}
      {editing && (
        <EditConfigDialog clusterId={clusterId} detail={detail} onClose={() => setEditing(false)} />
      )}
    </div>
  );
}

/** Edits the config as JSON; the preview step shows the keys that change before PUT. */
function EditConfigDialog({
  clusterId,
  detail,
  onClose,
}: {
  clusterId: string;
  detail: ConnectorDetail;
  onClose: () => void;
}) {
  const update = useUpdateConnector(clusterId, detail.connect, detail.name);
  const [text, setText] = useState(JSON.stringify(detail.config, null, 2));
  const [preview, setPreview] = useState(false);
  let parsed: Record<string, string> | null = null;
  let parseError: string | null = null;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error('expected a JSON object');
    // Connect's configs are strings: a number or boolean is taken as its text, anything else is refused
    // (null would become "null", an object "[object Object]").
    const bad = Object.entries(value).find(([, v]) => !['string', 'number', 'boolean'].includes(typeof v));
    if (bad) throw new Error(`${bad[0]}: a value must be a string (or a number or true/false)`);
    const config = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
    // The route's schema, so what it would refuse is said here first.
    const checked = UpdateConnectorSchema.safeParse({ config });
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new Error(`${issue.path.slice(1).join('.') || 'config'}: ${issue.message}`);
    }
    parsed = config;
  } catch (error) {
    parseError = (error as Error).message;
  }
  const keys = [...new Set([...Object.keys(detail.config), ...Object.keys(parsed ?? {})])].sort();
  const changes = parsed ? keys.filter((k) => detail.config[k] !== parsed[k]) : [];
  return (
    <FormDialog
      onClose={onClose}
      size="lg"
      title={
        preview ? `Apply ${changes.length} change(s) to ${detail.name}?` : `Edit the config of ${detail.name}`
      }
      data-testid="edit-config-dialog"
      onSubmit={() => {
        if (!preview) setPreview(true);
        else if (parsed) update.mutate(parsed, { onSuccess: onClose });
      }}
      error={update.error}
      pending={update.isPending}
      submitLabel={preview ? 'Apply' : 'Preview changes'}
      submitTestId={preview ? 'apply-config' : 'preview-config'}
      submitDisabled={!parsed || changes.length === 0}
      actions={preview ? <Button onClick={() => setPreview(false)}>Back to editing</Button> : undefined}
    >
      {preview ? (
        <table className="w-full text-xs" data-testid="config-diff">
          <tbody>
            {changes.map((k) => (
              <tr key={k} className="align-top">
                <td className="py-1 pr-2 font-mono">{k}</td>
                <td className="py-1 pr-2 font-mono text-red-700 line-through dark:text-red-400">
                  {detail.config[k] ?? '—'}
                </td>
                <td className="py-1 font-mono text-emerald-700 dark:text-emerald-400">
                  {parsed?.[k] ?? '(removed)'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={16}
            spellCheck={false}
            className="w-full rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
            data-testid="config-editor"
            aria-label="Connector config (JSON)"
          />
          {parseError && <p className="text-xs text-red-700">{parseError}</p>}
          <p className="text-xs text-zinc-500">
            Secrets show as [hidden]. Leave a hidden value as it is to keep the stored one; type a whole new
            value to change it.
          </p>
        </>
      )}
    </FormDialog>
  );
}

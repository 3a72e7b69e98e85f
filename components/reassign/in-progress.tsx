'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { StaleThrottlesDialog, staleThrottlesText } from '@/components/reassign/stale-throttles-dialog';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { NumTd, Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { describeError } from '@/lib/format/error';
import { formatBytes, percentOf } from '@/lib/format/bytes';
import { usePermission } from '@/lib/query/auth';
import { reassignmentsOptions, useCancelReassignment } from '@/lib/query/reassignments';
import type { Reassignments } from '@/lib/schemas/reassignment';

type Row = Reassignments['inProgress'][number];

function progressOf(row: Row): number | null {
  const copied = row.copiedBytes.map((c) => c.bytes ?? 0);
  if (copied.length === 0) return null;
  return percentOf(Math.min(...copied), row.targetBytes);
}

/** The reassignments under way, polled, with their copy progress and a cancel per partition or for all. */
export function InProgress({ clusterId }: { clusterId: string }) {
  const query = useQuery(reassignmentsOptions(clusterId));
  const cancel = useCancelReassignment(clusterId);
  const [clearing, setClearing] = useState(false);
  const permission = usePermission(clusterId, 'partition.reassign.cancel');
  const data = query.data;
  const rows = data?.inProgress ?? [];

  return (
    <Card className="space-y-3 p-4" data-testid="reassignments-in-progress">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">In progress</h2>
        {rows.length > 0 && (
          <Button
            onClick={() => cancel.mutate({})}
            disabled={cancel.isPending || !permission.allowed}
            title={permission.reason ?? undefined}
            data-testid="cancel-all-button"
          >
            Cancel all
          </Button>
        )}
      </div>
      {query.error && <Alert>{describeError(query.error).message}</Alert>}
      {cancel.error && <Alert tone="danger">{describeError(cancel.error).message}</Alert>}
      {data && data.staleBrokers.length + data.staleTopics.length > 0 && (
        <Alert
          data-testid="stale-throttles"
          action={
            <Button
              size="sm"
              onClick={() => setClearing(true)}
              disabled={!permission.allowed}
              title={permission.reason ?? undefined}
              data-testid="clear-throttles-button"
            >
              Remove throttles…
            </Button>
          }
        >
          {staleThrottlesText(data)}
          {data.staleTopicsLimited && ' (Only the first topics by name were checked: the cluster has more.)'}
        </Alert>
      )}
      {clearing && <StaleThrottlesDialog clusterId={clusterId} onClose={() => setClearing(false)} />}
      {data && data.throttles.topics.length + data.throttles.brokers.length > 0 && (
        <p className="text-xs text-zinc-500" data-testid="throttles-kept">
          Throttled by the console: brokers {data.throttles.brokers.join(', ') || '—'}; topics{' '}
          {data.throttles.topics.join(', ') || '—'}. Removed when their reassignments end.
        </p>
      )}
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-500" data-testid="no-reassignments">
          {query.isPending ? 'Loading…' : 'No reassignment is in progress.'}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <THead>
              <Tr>
                <Th>Partition</Th>
                <Th>Replicas</Th>
                <Th>Adding / removing</Th>
                <Th className="text-right">Copied</Th>
                <Th />
              </Tr>
            </THead>
            <TBody>
              {rows.map((r) => {
                const pct = progressOf(r);
                return (
                  <Tr key={`${r.topic}-${r.partition}`} data-testid="reassignment-row">
                    <Td className="font-mono text-xs">
                      <span className="block break-all whitespace-normal">
                        {r.topic}-{r.partition}
                      </span>
                    </Td>
                    <Td className="font-mono">{r.replicas.join(', ')}</Td>
                    <Td className="font-mono">
                      +{r.addingReplicas.join(', ') || '—'} / −{r.removingReplicas.join(', ') || '—'}
                    </Td>
                    <NumTd>
                      <div>
                        {r.copiedBytes.map((c) => formatBytes(c.bytes)).join(', ') || '—'} of{' '}
                        {formatBytes(r.targetBytes)}
                      </div>
                      {pct !== null && (
                        <div className="mt-1 flex items-center justify-end gap-2 text-xs text-zinc-500">
                          <div className="h-1.5 w-20 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700">
                            <div className="bg-accent-500 h-full" style={{ width: `${pct}%` }} />
                          </div>
                          {pct.toFixed(0)}%
                        </div>
                      )}
                    </NumTd>
                    <Td className="text-right">
                      <Button
                        size="sm"
                        onClick={() =>
                          cancel.mutate({ partitions: [{ topic: r.topic, partition: r.partition }] })
                        }
                        disabled={cancel.isPending || !permission.allowed}
                        data-testid="cancel-reassignment-button"
                      >
                        Cancel
                      </Button>
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        </div>
      )}
    </Card>
  );
}

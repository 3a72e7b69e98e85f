'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { FormDialog } from '@/components/ui/form-dialog';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { useClearStaleThrottles } from '@/lib/query/reassignments';
import type { ClearThrottlesResult, Reassignments } from '@/lib/schemas/reassignment';

const RATES = ['leader.replication.throttled.rate', 'follower.replication.throttled.rate'];

/** The throttles left behind that a read found: brokers' rates, topics' throttled-replica lists. */
export function staleThrottlesText(data: Reassignments): string {
  const parts: string[] = [];
  if (data.staleBrokers.length > 0)
    parts.push(
      `Broker${data.staleBrokers.length === 1 ? '' : 's'} ${data.staleBrokers.join(', ')} ${data.staleBrokers.length === 1 ? 'has' : 'have'} a replication throttle rate while nothing is being reassigned.`,
    );
  if (data.staleTopics.length > 0) {
    const names = data.staleTopics.slice(0, 5).map((t) => t.topic);
    const more = data.staleTopics.length - names.length;
    parts.push(
      `${data.staleTopics.length === 1 ? 'Topic' : 'Topics'} ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''} ${data.staleTopics.length === 1 ? 'has' : 'have'} throttled replicas while none of ${data.staleTopics.length === 1 ? 'its' : 'their'} partitions is being reassigned.`,
    );
  }
  return parts.join(' ');
}

/**
 * Removing throttles left behind (a console that restarted mid-way, another tool): opening it asks the
 * server what it would remove now (a dry run read afresh from the cluster) and shows each config that
 * goes; Remove sends exactly those brokers and topics.
 */
export function StaleThrottlesDialog({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const preview = useClearStaleThrottles(clusterId);
  const clear = useClearStaleThrottles(clusterId);
  const previewMutate = preview.mutate;
  const [shown, setShown] = useState<ClearThrottlesResult | null>(null);

  useEffect(() => {
    previewMutate({ dryRun: true }, { onSuccess: setShown });
  }, [previewMutate]);

  const nothing = shown !== null && shown.brokers.length + shown.topics.length === 0;
  return (
    <FormDialog
      onClose={onClose}
      title="Remove throttles left behind"
      description="Replication throttles with no reassignment under way slow down replication for nothing."
      size="lg"
      data-testid="stale-throttles-dialog"
      onSubmit={() =>
        shown &&
        clear.mutate(
          { brokers: shown.brokers, topics: shown.topics.map((t) => t.topic), dryRun: false },
          { onSuccess: onClose },
        )
      }
      error={clear.error ?? preview.error}
      errorPrefix={clear.error ? 'Nothing was changed: ' : undefined}
      pending={clear.isPending}
      submitDisabled={shown === null || nothing}
      submitLabel="Remove"
      submitTestId="stale-throttles-apply"
      variant="danger"
    >
      {shown === null ? (
        <p className="text-sm text-zinc-500" data-testid="stale-throttles-checking">
          {preview.isPending ? 'Reading the brokers’ and topics’ configs…' : ''}
        </p>
      ) : nothing ? (
        <Alert data-testid="stale-throttles-none">No throttle is left behind any more.</Alert>
      ) : (
        <div className="max-h-80 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          <Table>
            <THead>
              <Tr>
                <Th>Broker or topic</Th>
                <Th>Config</Th>
                <Th>Now → after</Th>
              </Tr>
            </THead>
            <TBody>
              {shown.brokers.flatMap((b) =>
                RATES.map((name) => (
                  <Tr key={`b${b}-${name}`} data-testid="stale-throttle-row" data-broker={b}>
                    <Td>Broker {b}</Td>
                    <Td className="font-mono text-xs">{name}</Td>
                    <Td className="text-xs">
                      <span className="text-zinc-500">its dynamic value</span> → removed
                    </Td>
                  </Tr>
                )),
              )}
              {shown.topics.flatMap((t) =>
                (
                  [
                    ['leader.replication.throttled.replicas', t.leader],
                    ['follower.replication.throttled.replicas', t.follower],
                  ] as const
                )
                  .filter(([, value]) => value !== null)
                  .map(([name, value]) => (
                    <Tr
                      key={`t${t.topic}-${name}`}
                      data-testid="stale-throttle-row"
                      data-topic={t.topic}
                      data-config={name}
                    >
                      <Td className="whitespace-normal">
                        <div className="max-w-56 font-mono text-xs break-all whitespace-normal">
                          {t.topic}
                        </div>
                      </Td>
                      <Td className="font-mono text-xs">{name}</Td>
                      <Td className="text-xs whitespace-normal">
                        <div className="max-w-48 min-w-28 whitespace-normal">
                          <span className="font-mono break-all" data-testid="stale-throttle-now">
                            {value}
                          </span>{' '}
                          <span className="whitespace-nowrap">→ removed</span>
                        </div>
                      </Td>
                    </Tr>
                  )),
              )}
            </TBody>
          </Table>
        </div>
      )}
    </FormDialog>
  );
}

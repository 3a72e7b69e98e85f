'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ChannelDialog } from '@/components/alerts/channel-dialog';
import { DeleteChannelDialog } from '@/components/alerts/delete-dialogs';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { IconLock, IconPencil, IconPlus, IconTrash } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton, Spinner } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { describeError } from '@/lib/format/error';
import { alertChannelsOptions, useConsolePermission, useTestChannel } from '@/lib/query/alerts';
import type { ChannelView } from '@/lib/schemas/alerts';

/** Where notifications go. Secrets stay on the server: the list shows a masked target and whether one is set. */
export function ChannelsTab() {
  const query = useQuery(alertChannelsOptions());
  const admin = useConsolePermission('alert.channel.create');
  const test = useTestChannel();
  const [editing, setEditing] = useState<ChannelView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ChannelView | null>(null);
  const tested = test.variables;

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="webhook-allow">
          {query.data?.webhookAllow
            ? `Webhooks may reach: ${query.data.webhookAllow.join(', ')}`
            : 'Webhooks may reach public addresses only (KAFKASCOPE_ALERTS_WEBHOOK_ALLOW is not set).'}
        </p>
        <Button
          variant="primary"
          onClick={() => setEditing('new')}
          disabled={!admin.allowed}
          title={admin.reason ?? undefined}
          data-testid="new-channel"
        >
          <IconPlus className="size-4" />
          New channel
        </Button>
      </div>
      {tested && (test.data || test.error) && (
        <Alert
          tone={test.data?.ok ? 'success' : 'danger'}
          data-testid="channel-test-result"
          onDismiss={() => test.reset()}
        >
          <span className="font-semibold">Test of {tested}: </span>
          {test.data
            ? `${test.data.ok ? 'delivered' : 'failed'} — ${test.data.message} (${test.data.ms} ms)`
            : describeError(test.error).message}
        </Alert>
      )}
      <QueryView query={query} loading={<Skeleton className="h-32 w-full rounded-lg" />}>
        {(data) =>
          data.channels.length === 0 ? (
            <EmptyState title="No channels" data-testid="channels-empty">
              A channel is where a rule’s notifications go: a webhook, Slack or e-mail.
            </EmptyState>
          ) : (
            <Table data-testid="channels-table">
              <THead>
                <Tr>
                  <Th>Name</Th>
                  <Th>Type</Th>
                  <Th>Target</Th>
                  <Th>Secret</Th>
                  <Th className="text-right">Actions</Th>
                </Tr>
              </THead>
              <TBody>
                {data.channels.map((c) => (
                  <Tr key={c.name} data-testid="channel-row" data-channel={c.name}>
                    <Td className="font-medium">
                      <span className="flex items-center gap-1.5">
                        {c.source !== 'ui' && (
                          <IconLock className="size-3.5 text-zinc-400" aria-label={`from the ${c.source}`} />
                        )}
                        {c.name}
                      </span>
                    </Td>
                    <Td>{c.type}</Td>
                    <Td className="font-mono text-xs">{c.target}</Td>
                    <Td>{c.hasSecret ? <Badge tone="success">set</Badge> : <Badge>none</Badge>}</Td>
                    <Td className="text-right whitespace-nowrap">
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={!admin.allowed || test.isPending}
                        title={admin.reason ?? 'Send a test notification now'}
                        onClick={() => test.mutate(c.name)}
                        data-testid="channel-test"
                      >
                        {test.isPending && tested === c.name && <Spinner className="size-3" />}
                        Send test
                      </Button>
                      {c.source === 'ui' && (
                        <>
                          <Button
                            size="sm"
                            variant="ghost"
                            disabled={!admin.allowed}
                            onClick={() => setEditing(c)}
                            aria-label={`Edit ${c.name}`}
                          >
                            <IconPencil className="size-3.5" />
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            disabled={!admin.allowed}
                            onClick={() => setDeleting(c)}
                            aria-label={`Delete ${c.name}`}
                          >
                            <IconTrash className="size-3.5" />
                          </Button>
                        </>
                      )}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )
        }
      </QueryView>
      {editing && (
        <ChannelDialog channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deleting && <DeleteChannelDialog channel={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}

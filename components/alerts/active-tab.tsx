'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { SeverityBadge, Time, formatValue, subjectLabel } from '@/components/alerts/alert-format';
import { SilenceDialog, type SilenceTarget } from '@/components/alerts/silence-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { IconCheck } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { useConsolePermission, useUnsilence } from '@/lib/query/alerts';
import type { AlertsOverview } from '@/lib/schemas/alerts';

/** What is pending or firing now, each (rule, cluster, subject) with its value, and the silences in force. */
export function ActiveTab({ query }: { query: UseQueryResult<AlertsOverview, Error> }) {
  const silence = useConsolePermission('alert.silence.create');
  const unsilence = useUnsilence();
  const [silencing, setSilencing] = useState<SilenceTarget | null>(null);
  return (
    <div className="space-y-4">
      <QueryView query={query} loading={<Skeleton className="h-40 w-full rounded-lg" />}>
        {(data) => {
          const kindOf = new Map(data.rules.map((r) => [r.id, r.kind]));
          const nameOf = new Map(data.rules.map((r) => [r.id, r.name]));
          return (
            <>
              {data.active.length === 0 ? (
                <EmptyState
                  icon={<IconCheck className="size-8" />}
                  title="Nothing firing"
                  data-testid="active-empty"
                >
                  Every subject of every rule is ok.
                </EmptyState>
              ) : (
                <Table data-testid="active-table">
                  <THead>
                    <Tr>
                      <Th>State</Th>
                      <Th>Rule</Th>
                      <Th>Cluster</Th>
                      <Th>Subject</Th>
                      <Th className="text-right">Value</Th>
                      <Th className="text-right">Threshold</Th>
                      <Th>Since</Th>
                      <Th className="text-right">Actions</Th>
                    </Tr>
                  </THead>
                  <TBody>
                    {data.active.map((a) => (
                      <Tr key={`${a.ruleId}/${a.clusterId}/${a.subject}`} data-testid="active-row">
                        <Td>
                          <span className="flex gap-1">
                            <Badge tone={a.status === 'firing' ? 'danger' : 'caution'}>{a.status}</Badge>
                            {a.silencedUntil !== null && <Badge tone="accent">silenced</Badge>}
                          </span>
                        </Td>
                        <Td>
                          <span className="flex items-center gap-1.5">
                            <SeverityBadge severity={a.severity} />
                            {a.ruleName}
                          </span>
                        </Td>
                        <Td className="font-mono text-xs">{a.clusterId}</Td>
                        <Td className="font-mono text-xs" title={a.detail ?? undefined}>
                          {subjectLabel(a.subject)}
                          {a.detail && (
                            <div className="max-w-md truncate font-sans text-zinc-500">{a.detail}</div>
                          )}
                        </Td>
                        <Td className="text-right tabular-nums">
                          {formatValue(kindOf.get(a.ruleId), a.value)}
                        </Td>
                        <Td className="text-right tabular-nums">
                          {formatValue(kindOf.get(a.ruleId), a.threshold)}
                        </Td>
                        <Td>
                          <Time ms={a.status === 'firing' ? a.firedAt : a.since} />
                        </Td>
                        <Td className="text-right">
                          <Button
                            size="sm"
                            variant="ghost"
                            disabled={!silence.allowed}
                            title={silence.reason ?? 'Silence this subject'}
                            onClick={() =>
                              setSilencing({
                                rule: { id: a.ruleId, name: a.ruleName },
                                subject: { clusterId: a.clusterId, subject: a.subject },
                              })
                            }
                          >
                            Silence
                          </Button>
                        </Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              )}
              {data.silences.length > 0 && (
                <section className="space-y-2">
                  <h2 className="text-sm font-semibold">Silences</h2>
                  <Table data-testid="silences-table">
                    <THead>
                      <Tr>
                        <Th>Rule</Th>
                        <Th>Scope</Th>
                        <Th>Until</Th>
                        <Th>By</Th>
                        <Th>Comment</Th>
                        <Th className="text-right">Actions</Th>
                      </Tr>
                    </THead>
                    <TBody>
                      {data.silences.map((s) => (
                        <Tr key={s.id}>
                          <Td>{nameOf.get(s.ruleId) ?? s.ruleId}</Td>
                          <Td className="font-mono text-xs">
                            {s.clusterId
                              ? `${s.clusterId} · ${s.subject ? subjectLabel(s.subject) : 'all'}`
                              : 'everything'}
                          </Td>
                          <Td>
                            <Time ms={s.until} />
                          </Td>
                          <Td>{s.createdBy}</Td>
                          <Td className="text-xs">{s.comment || '—'}</Td>
                          <Td className="text-right">
                            <Button
                              size="sm"
                              variant="ghost"
                              disabled={!silence.allowed || unsilence.isPending}
                              title={silence.reason ?? undefined}
                              onClick={() => unsilence.mutate(s.id)}
                            >
                              End
                            </Button>
                          </Td>
                        </Tr>
                      ))}
                    </TBody>
                  </Table>
                </section>
              )}
            </>
          );
        }}
      </QueryView>
      {silencing && <SilenceDialog target={silencing} onClose={() => setSilencing(null)} />}
    </div>
  );
}

'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { SeverityBadge, formatValue } from '@/components/alerts/alert-format';
import { DeleteRuleDialog } from '@/components/alerts/delete-dialogs';
import { RuleDialog } from '@/components/alerts/rule-dialog';
import { SilenceDialog, type SilenceTarget } from '@/components/alerts/silence-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { IconBell, IconLock, IconPencil, IconPlus, IconTrash } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { formatDuration } from '@/lib/format/duration';
import { useConsolePermission } from '@/lib/query/alerts';
import { ruleKinds, type AlertsOverview, type RuleView } from '@/lib/schemas/alerts';

function RuleState({ rule }: { rule: RuleView }) {
  if (!rule.enabled) return <Badge>disabled</Badge>;
  return (
    <span className="flex flex-wrap gap-1">
      {rule.firing > 0 && <Badge tone="danger">{rule.firing} firing</Badge>}
      {rule.pending > 0 && <Badge tone="caution">{rule.pending} pending</Badge>}
      {rule.firing === 0 && rule.pending === 0 && <Badge tone="success">ok</Badge>}
      {rule.silencedUntil !== null && <Badge tone="accent">silenced</Badge>}
    </span>
  );
}

function scopeOf(rule: RuleView): string {
  const parts = [rule.clusters.length ? rule.clusters.join(', ') : 'every cluster'];
  if (ruleKinds[rule.kind].scope === 'group' && rule.groups !== '*') parts.push(`groups ${rule.groups}`);
  if (rule.topics !== '*') parts.push(`topics ${rule.topics}`);
  return parts.join(' · ');
}

export function RulesTab({ query }: { query: UseQueryResult<AlertsOverview, Error> }) {
  const create = useConsolePermission('alert.rule.create');
  const silence = useConsolePermission('alert.silence.create');
  const [editing, setEditing] = useState<RuleView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RuleView | null>(null);
  const [silencing, setSilencing] = useState<SilenceTarget | null>(null);

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Rules from the config file are read-only here; admins add more in the console.
        </p>
        <Button
          variant="primary"
          onClick={() => setEditing('new')}
          disabled={!create.allowed}
          title={create.reason ?? undefined}
          data-testid="new-rule"
        >
          <IconPlus className="size-4" />
          New rule
        </Button>
      </div>
      <QueryView query={query} loading={<Skeleton className="h-40 w-full rounded-lg" />}>
        {(data) =>
          data.rules.length === 0 ? (
            <EmptyState
              icon={<IconBell className="size-8" />}
              title="No alert rules"
              data-testid="rules-empty"
            >
              Add a rule here, or an <code>alerts:</code> section to the config file (docs/alerts.md).
            </EmptyState>
          ) : (
            <Table data-testid="rules-table">
              <THead>
                <Tr>
                  <Th>Rule</Th>
                  <Th>Condition</Th>
                  <Th>Scope</Th>
                  <Th>Severity</Th>
                  <Th>Channels</Th>
                  <Th>State</Th>
                  <Th className="text-right">Actions</Th>
                </Tr>
              </THead>
              <TBody>
                {data.rules.map((rule) => (
                  <Tr key={rule.id} data-testid="rule-row" data-rule={rule.name}>
                    <Td className="font-medium">
                      <span className="flex items-center gap-1.5">
                        {rule.source === 'config' && (
                          <IconLock className="size-3.5 text-zinc-400" aria-label="from the config file" />
                        )}
                        {rule.name}
                      </span>
                    </Td>
                    <Td>
                      {ruleKinds[rule.kind].label}
                      {rule.threshold !== null && ` ${formatValue(rule.kind, rule.threshold)}`}
                      {rule.forMs > 0 && (
                        <span className="text-zinc-500 dark:text-zinc-400">
                          {' '}
                          for {formatDuration(rule.forMs)}
                        </span>
                      )}
                    </Td>
                    <Td className="text-xs text-zinc-600 dark:text-zinc-400">{scopeOf(rule)}</Td>
                    <Td>
                      <SeverityBadge severity={rule.severity} />
                    </Td>
                    <Td className="text-xs">
                      {rule.channels.length ? rule.channels.join(', ') : '—'}
                      {rule.unknownChannels.length > 0 && (
                        <Badge tone="danger" className="ml-1">
                          missing {rule.unknownChannels.join(', ')}
                        </Badge>
                      )}
                    </Td>
                    <Td>
                      <RuleState rule={rule} />
                    </Td>
                    <Td className="text-right whitespace-nowrap">
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setSilencing({ rule })}
                        disabled={!silence.allowed}
                        title={silence.reason ?? 'Silence every subject of this rule'}
                      >
                        Silence
                      </Button>
                      {rule.source === 'ui' && (
                        <>
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => setEditing(rule)}
                            disabled={!create.allowed}
                            title={create.reason ?? 'Edit'}
                            aria-label={`Edit ${rule.name}`}
                          >
                            <IconPencil className="size-3.5" />
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => setDeleting(rule)}
                            disabled={!create.allowed}
                            title={create.reason ?? 'Delete'}
                            aria-label={`Delete ${rule.name}`}
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
      {editing && <RuleDialog rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteRuleDialog rule={deleting} onClose={() => setDeleting(null)} />}
      {silencing && <SilenceDialog target={silencing} onClose={() => setSilencing(null)} />}
    </div>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { Time, formatValue, subjectLabel } from '@/components/alerts/alert-format';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/field';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { useUrlView } from '@/components/ui/use-url-state';
import { alertHistoryOptions } from '@/lib/query/alerts';
import type { RuleView } from '@/lib/schemas/alerts';
import { alertsPageView } from '@/lib/url-state/pages';

const deliveryTone = { delivered: 'success', pending: 'caution', failed: 'danger' } as const;

/** Fired and resolved events, newest first, with what became of each notification. */
export function HistoryTab({ ruleId, rules }: { ruleId: string | null; rules: RuleView[] }) {
  const { set } = useUrlView(alertsPageView);
  const query = useQuery(alertHistoryOptions(ruleId));
  const kindOf = new Map(rules.map((r) => [r.id, r.kind]));
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2">
        <label htmlFor="history-rule" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Rule
        </label>
        <div className="w-64">
          <Select
            id="history-rule"
            value={ruleId ?? ''}
            onChange={(e) => set({ rule: e.target.value || undefined }, 'push')}
          >
            <option value="">Every rule</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <QueryView query={query} loading={<Skeleton className="h-40 w-full rounded-lg" />}>
        {(data) =>
          data.events.length === 0 ? (
            <EmptyState title="No alerts yet" data-testid="history-empty">
              Fired and resolved alerts show here.
            </EmptyState>
          ) : (
            <Table data-testid="history-table">
              <THead>
                <Tr>
                  <Th>At</Th>
                  <Th>Event</Th>
                  <Th>Rule</Th>
                  <Th>Cluster</Th>
                  <Th>Subject</Th>
                  <Th className="text-right">Value</Th>
                  <Th>Notifications</Th>
                </Tr>
              </THead>
              <TBody>
                {data.events.map((e) => (
                  <Tr key={e.id} data-testid="history-row">
                    <Td>
                      <Time ms={e.at} />
                    </Td>
                    <Td>
                      <Badge tone={e.state === 'firing' ? 'danger' : 'success'}>{e.state}</Badge>
                    </Td>
                    <Td>{e.ruleName}</Td>
                    <Td className="font-mono text-xs">{e.clusterId}</Td>
                    <Td className="font-mono text-xs">{subjectLabel(e.subject)}</Td>
                    <Td className="text-right tabular-nums">{formatValue(kindOf.get(e.ruleId), e.value)}</Td>
                    <Td className="text-xs">
                      {e.silenced && <Badge tone="accent">silenced</Badge>}
                      <span className="flex flex-wrap gap-1">
                        {e.deliveries.map((d) => (
                          <Badge
                            key={d.channel}
                            tone={deliveryTone[d.status]}
                            title={d.lastError ? `last error: ${d.lastError}` : undefined}
                          >
                            {d.channel}: {d.status}
                            {d.attempts > 1 && ` (${d.attempts} tries)`}
                          </Badge>
                        ))}
                      </span>
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )
        }
      </QueryView>
    </div>
  );
}

import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { AclBinding, AclResult } from '@/lib/schemas/acl';

/** Bindings as rows: the list, a preview before applying, and each binding's outcome after. */
export function AclTable({
  bindings,
  results,
  action,
  'data-testid': testId,
}: {
  bindings: AclBinding[];
  /** After applying: one outcome per binding, in the same order. */
  results?: AclResult[];
  /** A last cell per row, e.g. its Delete button. */
  action?: (binding: AclBinding) => ReactNode;
  'data-testid': string;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <Table data-testid={testId}>
        <THead>
          <Tr>
            <Th>Permission</Th>
            <Th>Operation</Th>
            <Th>Principal</Th>
            <Th>Resource</Th>
            {results && <Th>Outcome</Th>}
            {action && <Th className="w-0" />}
          </Tr>
        </THead>
        <TBody>
          {bindings.map((b, i) => {
            const result = results?.[i];
            const pattern =
              b.patternType === 'PREFIXED' ? 'prefix' : b.resourceName === '*' ? 'wildcard' : 'literal';
            return (
              <Tr key={i} data-testid="acl-row">
                <Td>
                  <Badge tone={b.permission === 'ALLOW' ? 'success' : 'danger'}>{b.permission}</Badge>
                </Td>
                <Td className="font-mono text-xs">{b.operation}</Td>
                <Td className="font-mono text-xs">
                  <div className="min-w-32 [overflow-wrap:anywhere] whitespace-normal">
                    {b.principal}
                    {b.host !== '*' && (
                      <span className="text-zinc-500 dark:text-zinc-400"> from {b.host}</span>
                    )}
                  </div>
                </Td>
                <Td className="text-xs">
                  <div className="min-w-40 [overflow-wrap:anywhere] whitespace-normal">
                    <span className="text-zinc-500 dark:text-zinc-400">{b.resourceType}</span>{' '}
                    <span className="font-mono">{b.resourceName}</span>{' '}
                    <span className="text-zinc-500 dark:text-zinc-400">({pattern})</span>
                  </div>
                </Td>
                {results && (
                  <Td className="text-xs" data-testid="acl-outcome">
                    {result?.ok ? (
                      <Badge tone="success">applied</Badge>
                    ) : (
                      <div className="min-w-48 whitespace-normal text-red-700 dark:text-red-300">
                        <Badge tone="danger">refused</Badge> {result?.error}
                      </div>
                    )}
                  </Td>
                )}
                {action && <Td className="text-right">{action(b)}</Td>}
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}

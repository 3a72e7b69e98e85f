'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { IntentLink } from '@/components/ui/intent-link';
import { QueryView } from '@/components/ui/query-view';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { bindingText } from '@/lib/schemas/acl';
import { effectiveAccess, resourceOperations, type OperationAccess } from '@/lib/acl/effective';
import { paths } from '@/lib/paths';
import { aclListOptions } from '@/lib/query/acls';
import { AclFilterSchema, type AclResourceType } from '@/lib/schemas/acl';

function Cell({ access }: { access: OperationAccess }) {
  const why = access.because.map(bindingText).join('\n');
  if (access.decision === 'none') return <span className="text-zinc-400">—</span>;
  return (
    <Badge
      tone={access.decision === 'allow' ? 'success' : 'danger'}
      title={why}
      data-testid={`access-${access.operation}`}
    >
      {access.decision === 'allow' ? 'allow' : 'deny'}
    </Badge>
  );
}

/**
 * "Who can do what here" for one topic or group: every binding that applies (DescribeAcls with
 * pattern MATCH: literal, prefixed and the wildcard), resolved per principal and operation.
 */
export function AclAccessPanel({
  clusterId,
  resourceType,
  name,
}: {
  clusterId: string;
  resourceType: Extract<AclResourceType, 'TOPIC' | 'GROUP'>;
  name: string;
}) {
  const filter = AclFilterSchema.parse({ resourceType, resourceName: name, patternType: 'MATCH' });
  const list = useQuery(aclListOptions(clusterId, filter));
  const operations = resourceOperations[resourceType] ?? [];
  return (
    <QueryView query={list} loading={<p className="text-sm text-zinc-500">Loading ACLs…</p>}>
      {(data) => {
        if (!data.authorizer)
          return (
            <Alert tone="info" data-testid="access-no-authorizer">
              This cluster has no authorizer: every client may do everything here.
            </Alert>
          );
        const access = effectiveAccess(data.bindings, resourceType, name);
        return (
          <div className="space-y-2" data-testid="access-panel">
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              From {data.bindings.length} binding{data.bindings.length === 1 ? '' : 's'} that apply (literal,
              prefixed, wildcard); a deny beats any allow. Super users are not listed: they skip ACLs.{' '}
              <IntentLink
                className="text-accent-700 dark:text-accent-300 underline"
                href={paths.acls(clusterId, { resourceType, resourceName: name, patternType: 'MATCH' })}
              >
                Show the bindings
              </IntentLink>
            </p>
            {access.length === 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="access-none">
                No ACL applies here: only super users may use this{' '}
                {resourceType === 'TOPIC' ? 'topic' : 'group'}.
              </p>
            ) : (
              <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
                <Table>
                  <THead>
                    <Tr>
                      <Th>Principal</Th>
                      {operations.map((op) => (
                        <Th key={op} className="px-2 text-xs">
                          <span className="whitespace-normal">{op.toLowerCase().replace('_', ' ')}</span>
                        </Th>
                      ))}
                    </Tr>
                  </THead>
                  <TBody>
                    {access.map((p) => (
                      <Tr key={p.principal} data-testid="access-row">
                        <Td className="font-mono text-xs">
                          <div className="min-w-32 [overflow-wrap:anywhere] whitespace-normal">
                            {p.principal.endsWith(':*') ? `${p.principal} (everyone)` : p.principal}
                          </div>
                        </Td>
                        {p.operations.map((o) => (
                          <Td key={o.operation} className="px-2">
                            <Cell access={o} />
                          </Td>
                        ))}
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              </div>
            )}
          </div>
        );
      }}
    </QueryView>
  );
}

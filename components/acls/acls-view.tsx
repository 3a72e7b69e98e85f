'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { AclCreateDialog } from '@/components/acls/acl-create-dialog';
import { AclDeleteDialog } from '@/components/acls/acl-delete-dialog';
import { AclFilters } from '@/components/acls/acl-filters';
import { AclTable } from '@/components/acls/acl-table';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { IconLock, IconPlus, IconTrash } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { useUrlList } from '@/components/ui/use-url-state';
import { paths } from '@/lib/paths';
import { aclListOptions } from '@/lib/query/acls';
import { usePermission } from '@/lib/query/auth';
import type { AclBinding } from '@/lib/schemas/acl';
import { aclListView } from '@/lib/url-state/acls';

const description = 'Who may do what on this cluster: ACL bindings as Kafka’s authorizer holds them.';

export function AclsView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const { query: filter, set } = useUrlList(aclListView, (next) => paths.acls(clusterId, next));
  const list = useQuery(aclListOptions(clusterId, filter));
  const canCreate = usePermission(clusterId, 'acl.create');
  const canDelete = usePermission(clusterId, 'acl.delete');
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<AclBinding[] | null>(null);
  const noAuthorizer = list.data?.authorizer === false;

  return (
    <div data-testid="acls-page" className="space-y-4">
      <PageHeader
        title="ACLs"
        description={description}
        actions={
          <Button
            variant="primary"
            onClick={() => setCreating(true)}
            disabled={!canCreate.allowed || noAuthorizer}
            title={canCreate.reason ?? (noAuthorizer ? 'This cluster has no authorizer' : undefined)}
            data-testid="acl-create"
          >
            <IconPlus className="size-4" />
            Create ACLs
          </Button>
        }
      />
      <AclFilters filter={filter} onChange={(patch) => set(patch, 'replace')} />
      <QueryView query={list} loading={<p className="text-sm text-zinc-500">Loading ACLs…</p>}>
        {(data) =>
          !data.authorizer ? (
            <Alert tone="info" data-testid="acls-no-authorizer">
              This cluster has no authorizer (Kafka answered SECURITY_DISABLED), so it has no ACLs: every
              client may do everything. Set <code>authorizer.class.name</code> on the brokers to use ACLs.
            </Alert>
          ) : data.bindings.length === 0 ? (
            <EmptyState
              icon={<IconLock className="size-8" />}
              title="No matching ACLs"
              data-testid="acls-empty"
            >
              No binding matches these filters.
            </EmptyState>
          ) : (
            <div className="space-y-2">
              <div className="flex items-center justify-between text-xs text-zinc-500 dark:text-zinc-400">
                <span data-testid="acl-count">
                  {data.bindings.length} binding{data.bindings.length === 1 ? '' : 's'}
                </span>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => setDeleting(data.bindings)}
                  disabled={!canDelete.allowed}
                  title={canDelete.reason ?? undefined}
                  data-testid="acl-delete-shown"
                >
                  Delete all shown
                </Button>
              </div>
              <AclTable
                bindings={data.bindings}
                data-testid="acl-table"
                action={(binding) => (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label="Delete binding"
                    onClick={() => setDeleting([binding])}
                    disabled={!canDelete.allowed}
                    title={canDelete.reason ?? 'Delete'}
                    data-testid="acl-delete"
                  >
                    <IconTrash className="size-4" />
                  </Button>
                )}
              />
            </div>
          )
        }
      </QueryView>
      {creating && <AclCreateDialog clusterId={clusterId} onClose={() => setCreating(false)} />}
      {deleting && (
        <AclDeleteDialog clusterId={clusterId} bindings={deleting} onClose={() => setDeleting(null)} />
      )}
    </div>
  );
}

export function AclsLoading() {
  return (
    <div className="space-y-4">
      <PageHeader title="ACLs" description={description} />
      <p className="text-sm text-zinc-500">Loading ACLs…</p>
    </div>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { GlobalCompatibilityDialog } from '@/components/schemas/compatibility-form';
import { NewSubjectDialog } from '@/components/schemas/new-subject-dialog';
import { SubjectTable, SubjectTableSkeleton } from '@/components/schemas/subject-table';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Switch } from '@/components/ui/field';
import { IconPencil, IconPlus, IconSchemas } from '@/components/ui/icons';
import { PagedList } from '@/components/ui/paged-list';
import { QueryView } from '@/components/ui/query-view';
import { SearchInput } from '@/components/ui/search-input';
import { Spinner } from '@/components/ui/spinner';
import { useUrlList } from '@/components/ui/use-url-state';
import { formatCount } from '@/lib/format/count';
import { describeError, isNotFound } from '@/lib/format/error';
import { paths } from '@/lib/paths';
import { usePermission } from '@/lib/query/auth';
import { subjectPageOptions } from '@/lib/query/schema-registry';
import { subjectListView } from '@/lib/url-state/lists';

const description =
  "Subjects of this cluster's schema registry, with their latest version and compatibility.";

export function SchemasView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const { query, set } = useUrlList(subjectListView, (next) => paths.schemas(clusterId, next));
  const list = useQuery(subjectPageOptions(clusterId, query));
  const [open, setOpen] = useState<'new' | 'global' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const registerPermission = usePermission(clusterId, 'schema.register');
  const levelPermission = usePermission(clusterId, 'schema.compatibility.alter');
  const global = list.data?.global;

  // No registry configured (the only 404 of this list): say so instead of an error.
  if (isNotFound(list.error) && !list.data) {
    return (
      <div className="space-y-4">
        <PageHeader title="Schemas" description={description} />
        <EmptyState
          icon={<IconSchemas className="size-8" />}
          title="No schema registry"
          data-testid="no-registry"
        >
          {describeError(list.error).message}. Set <code className="font-mono">schemaRegistry.url</code> for
          the cluster (or <code className="font-mono">KAFKA_CLUSTERS_&lt;n&gt;_SCHEMA_REGISTRY_URL</code>) to
          browse its schemas here.
        </EmptyState>
      </div>
    );
  }

  const newButton = (
    <Button
      variant="primary"
      onClick={() => setOpen('new')}
      disabled={!registerPermission.allowed}
      title={registerPermission.reason ?? undefined}
      data-testid="new-subject-button"
    >
      <IconPlus className="size-4" />
      New subject
    </Button>
  );

  return (
    <div data-testid="schemas-page" className="space-y-4">
      <PageHeader
        title="Schemas"
        description={description}
        actions={
          <>
            {global && (
              <span
                className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400"
                data-testid="global-compatibility"
                data-level={global}
              >
                Global compatibility
                <span className="font-mono font-medium text-zinc-900 dark:text-zinc-100">{global}</span>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setOpen('global')}
                  disabled={!levelPermission.allowed}
                  title={levelPermission.reason ?? 'Change the global level'}
                  aria-label="Change the global compatibility level"
                  data-testid="global-compatibility-button"
                >
                  <IconPencil className="size-3.5" />
                </Button>
              </span>
            )}
            {newButton}
          </>
        }
      />
      {notice && (
        <Alert tone="success" data-testid="schemas-notice" onDismiss={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <SearchInput
          value={query.q}
          onSearch={(q) => set({ q, page: 1 }, 'replace')}
          placeholder="Search subjects"
          aria-label="Search subjects"
          data-testid="subject-search"
          className="w-full sm:w-80"
        />
        <Switch
          checked={query.deleted === 'show'}
          onChange={(show) => set({ deleted: show ? 'show' : 'hide', page: 1 })}
          label="Show soft-deleted"
          data-testid="show-deleted-toggle"
        />
        <span className="ml-auto flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
          {list.isFetching && list.isPlaceholderData && <Spinner className="size-3.5" />}
          {list.data && (
            <span data-testid="subjects-total" data-total={list.data.total}>
              {formatCount(list.data.total)} {list.data.total === 1 ? 'subject' : 'subjects'}
              {query.q ? ` matching “${query.q}”` : ''}
            </span>
          )}
        </span>
      </div>
      <QueryView query={list} loading={<SubjectTableSkeleton />}>
        {(data) => (
          <PagedList
            count={data.items.length}
            total={data.total}
            page={query.page}
            pageSize={query.pageSize}
            noun="subjects"
            onPage={(page) => set({ page })}
            onPageSize={(pageSize) => set({ pageSize, page: 1 })}
            icon={<IconSchemas className="size-8" />}
            emptyTitle={query.q ? 'No matching subjects' : 'No subjects yet'}
            emptyText={
              query.q
                ? `No subject name contains “${query.q}”${query.deleted === 'hide' ? ' (soft-deleted subjects are hidden)' : ''}.`
                : 'Register the first schema of this registry.'
            }
            emptyAction={query.q ? undefined : newButton}
            data-testid="subjects-empty"
          >
            <SubjectTable clusterId={clusterId} subjects={data.items} stale={list.isPlaceholderData} />
          </PagedList>
        )}
      </QueryView>
      <NewSubjectDialog clusterId={clusterId} open={open === 'new'} onClose={() => setOpen(null)} />
      {global && (
        <GlobalCompatibilityDialog
          clusterId={clusterId}
          level={global}
          open={open === 'global'}
          onClose={() => setOpen(null)}
          onDone={(message) => {
            setOpen(null);
            setNotice(message);
          }}
        />
      )}
    </div>
  );
}

/** The page while the server reads its first page of subjects: the Suspense fallback of the route. */
export function SchemasLoading() {
  return (
    <div className="space-y-4">
      <PageHeader title="Schemas" description={description} />
      <SubjectTableSkeleton />
    </div>
  );
}

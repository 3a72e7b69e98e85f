'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { refreshMs } from '@/components/layout/use-cluster-query';
import { SubjectCompatibilityPanel } from '@/components/schemas/compatibility-form';
import { DeleteSchemaDialog } from '@/components/schemas/delete-schema-dialog';
import { SchemaDiff } from '@/components/schemas/schema-diff';
import { SchemaEditor } from '@/components/schemas/schema-editor';
import { SchemaVersionPanel } from '@/components/schemas/schema-version-panel';
import { SubjectStats, SubjectVersionList } from '@/components/schemas/subject-versions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { IconSchemas, IconTrash } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { TabLink, Tabs } from '@/components/ui/tabs';
import { useUrlView } from '@/components/ui/use-url-state';
import { describeError, isNotFound } from '@/lib/format/error';
import { decodeSegment } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import { usePermission } from '@/lib/query/auth';
import { schemaVersionOptions, subjectOptions, type DeleteTarget } from '@/lib/query/schema-registry';
import type { DeleteResult, SubjectDetail } from '@/lib/schemas/schema-registry';
import { diffPair, subjectPageView, type SubjectTab } from '@/lib/url-state/pages';

const panelId = 'subject-tab-panel';
const tabLabels: Record<SubjectTab, string> = {
  schema: 'Schema',
  diff: 'Diff',
  compatibility: 'Compatibility',
  evolve: 'New version',
};

/** The version before `version` among those the subject keeps, or null. */
function before(detail: SubjectDetail, version: number): number | null {
  const earlier = detail.versions.filter((v) => v.version < version);
  return earlier.at(-1)?.version ?? null;
}

export function SubjectView() {
  const params = useParams<{ clusterId: string; subject: string }>();
  const clusterId = params.clusterId;
  const name = decodeSegment(params.subject);
  const router = useRouter();
  const { state, set } = useUrlView(subjectPageView);
  const query = useQuery(subjectOptions(clusterId, name));
  const detail = query.data;
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DeleteTarget | null>(null);
  const removeSubject = usePermission(clusterId, 'schema.subject.delete');
  const removeVersion = usePermission(clusterId, 'schema.version.delete');

  // The version on screen: the address's, else the latest (none to read when every version is deleted).
  const shown = state.version ?? 'latest';
  const wantsVersion = state.tab === 'schema' || state.tab === 'evolve';
  const version = useQuery({
    ...schemaVersionOptions(clusterId, name, shown),
    enabled: wantsVersion && (state.version !== undefined || detail?.deleted === false),
  });
  const latest = useQuery({
    ...schemaVersionOptions(clusterId, name, 'latest'),
    enabled: detail?.deleted === false,
  });
  const shownNumber = version.data?.version ?? state.version ?? detail?.latestVersion ?? null;
  const shownEntry = detail?.versions.find((v) => v.version === shownNumber);

  if (isNotFound(query.error) && !detail) {
    return (
      <EmptyState
        icon={<IconSchemas className="size-8" />}
        title={`Subject “${name}” not found`}
        data-testid="subject-not-found"
        action={
          <Link href={paths.schemas(clusterId)} className={buttonClass({ variant: 'primary' })}>
            All subjects
          </Link>
        }
      >
        {describeError(query.error).message}
      </EmptyState>
    );
  }

  function deleted(result: DeleteResult) {
    const { permanent, versions } = result;
    setDeleting(null);
    if (deleting?.version === null) {
      if (permanent) return router.push(paths.schemas(clusterId));
      setNotice(`Subject soft-deleted (versions ${versions.join(', ')}). It can now be deleted permanently.`);
      return;
    }
    setNotice(`Version ${versions.join(', ')} ${permanent ? 'deleted permanently' : 'soft-deleted'}.`);
    set({ version: undefined }, 'push');
  }

  const [diffFrom, diffTo] =
    diffPair(state.diff) ??
    (detail?.latestVersion != null
      ? [before(detail, detail.latestVersion) ?? detail.latestVersion, detail.latestVersion]
      : [1, 1]);
  const tabHref = (tab: SubjectTab) =>
    tab === 'schema'
      ? paths.subject(clusterId, name, { version: state.version })
      : tab === 'diff'
        ? paths.subject(clusterId, name, { diff: `${diffFrom}..${diffTo}` })
        : paths.subject(clusterId, name, { tab });

  return (
    <div data-testid="subject-detail" data-subject={name} className="space-y-5">
      <PageHeader
        title={name}
        back={{ href: paths.schemas(clusterId), label: 'Schemas' }}
        badges={detail?.deleted && <Badge tone="warning">soft-deleted</Badge>}
        actions={
          <>
            <RefreshStatus query={query} intervalMs={refreshMs(subjectOptions(clusterId, name))} />
            {detail && (
              <Button
                onClick={() => setDeleting({ subject: name, version: null, permanent: detail.deleted })}
                disabled={!removeSubject.allowed}
                title={removeSubject.reason ?? undefined}
                data-testid="delete-subject-button"
                className="text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/40"
              >
                <IconTrash className="size-4" />
                {detail.deleted ? 'Delete permanently' : 'Delete subject'}
              </Button>
            )}
          </>
        }
      />
      {notice && (
        <Alert tone="success" data-testid="subject-notice" onDismiss={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <QueryView query={query} loading={<Skeleton className="h-20 w-full rounded-lg" />}>
        {(data) => (
          <>
            <SubjectStats detail={data} version={version.data ?? latest.data} />
            {data.deleted && (
              <Alert data-testid="subject-deleted">
                Every version of this subject is soft-deleted: producers cannot use it, and its schemas still
                decode by id. Delete it permanently to remove it, or register a version to bring it back.
              </Alert>
            )}
          </>
        )}
      </QueryView>
      {detail && (
        <div className="space-y-4">
          <Tabs label="Subject sections">
            {(Object.keys(tabLabels) as SubjectTab[]).map((tab) => (
              <TabLink
                key={tab}
                href={tabHref(tab)}
                selected={state.tab === tab}
                panelId={panelId}
                data-testid={`tab-${tab}`}
              >
                {tabLabels[tab]}
              </TabLink>
            ))}
          </Tabs>
          <div role="tabpanel" id={panelId} aria-label={tabLabels[state.tab]}>
            {state.tab === 'compatibility' ? (
              <SubjectCompatibilityPanel clusterId={clusterId} detail={detail} />
            ) : state.tab === 'evolve' ? (
              latest.isPending && !detail.deleted ? (
                <Skeleton className="h-96 w-full rounded-lg" />
              ) : (
                <SchemaEditor
                  clusterId={clusterId}
                  detail={detail}
                  latest={latest.data}
                  onRegistered={(result) => {
                    setNotice(
                      result.existing
                        ? `The subject holds this schema already, as version ${result.version}.`
                        : `Registered version ${result.version} (schema id ${result.id}).`,
                    );
                    set({ tab: 'schema', version: result.version }, 'push');
                  }}
                />
              )
            ) : (
              <div className="grid gap-4 lg:grid-cols-[13rem_minmax(0,1fr)]">
                <SubjectVersionList
                  clusterId={clusterId}
                  detail={detail}
                  selected={
                    state.tab === 'diff' ? [diffFrom, diffTo] : shownNumber !== null ? [shownNumber] : []
                  }
                />
                <div className="min-w-0 space-y-3">
                  {state.tab === 'diff' ? (
                    <SchemaDiff
                      clusterId={clusterId}
                      detail={detail}
                      from={diffFrom}
                      to={diffTo}
                      onChange={(from, to) => set({ diff: `${from}..${to}` })}
                    />
                  ) : (
                    <>
                      {shownEntry?.deleted && (
                        <Alert
                          data-testid="version-deleted"
                          action={
                            <Button
                              size="sm"
                              onClick={() =>
                                setDeleting({ subject: name, version: shownEntry.version, permanent: true })
                              }
                              disabled={!removeVersion.allowed}
                              title={removeVersion.reason ?? undefined}
                              data-testid="delete-version-permanently"
                            >
                              Delete permanently
                            </Button>
                          }
                        >
                          Version {shownEntry.version} is soft-deleted.
                        </Alert>
                      )}
                      {detail.deleted && state.version === undefined ? null : (
                        <SchemaVersionPanel
                          clusterId={clusterId}
                          query={version}
                          previous={shownNumber !== null ? before(detail, shownNumber) : null}
                          actions={(v) =>
                            !v.deleted && (
                              <Button
                                size="sm"
                                onClick={() =>
                                  setDeleting({ subject: name, version: v.version, permanent: false })
                                }
                                disabled={!removeVersion.allowed}
                                title={removeVersion.reason ?? undefined}
                                data-testid="delete-version-button"
                                className="text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/40"
                              >
                                <IconTrash className="size-3.5" />
                                Delete version
                              </Button>
                            )
                          }
                        />
                      )}
                    </>
                  )}
                </div>
              </div>
            )}
          </div>
        </div>
      )}
      <DeleteSchemaDialog
        clusterId={clusterId}
        target={deleting}
        onClose={() => setDeleting(null)}
        onDone={deleted}
      />
    </div>
  );
}

/** The page while the server reads the subject: the Suspense fallback of the route. */
export function SubjectLoading({ clusterId, name }: { clusterId: string; name: string }) {
  return (
    <div className="space-y-5">
      <PageHeader title={name} back={{ href: paths.schemas(clusterId), label: 'Schemas' }} />
      <Skeleton className="h-20 w-full rounded-lg" />
    </div>
  );
}

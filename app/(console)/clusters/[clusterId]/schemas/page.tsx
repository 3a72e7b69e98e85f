import { Prefetched } from '@/components/layout/prefetched';
import { SchemasLoading, SchemasView } from '@/components/schemas/schemas-view';
import { subjectPageOptions } from '@/lib/query/schema-registry';
import { SubjectPageSchema } from '@/lib/schemas/schema-registry';
import { parseUrlState, searchOf } from '@/lib/url-state/core';
import { subjectListView } from '@/lib/url-state/lists';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { listSubjectPage } from '@/server/services/schema-registry';

interface Props {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The first page of subjects comes with the HTML; the list then polls from the browser. */
export default async function SchemasPage({ params, searchParams }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  // The address read as the list reads it in the browser (useUrlList), so that the keys are the same.
  const query = parseUrlState(subjectListView, searchOf(await searchParams));
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: subjectPageOptions(clusterId, query).queryKey,
      schema: SubjectPageSchema,
      load: (cluster) => listSubjectPage(cluster, query),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<SchemasLoading />}>
      <SchemasView />
    </Prefetched>
  );
}

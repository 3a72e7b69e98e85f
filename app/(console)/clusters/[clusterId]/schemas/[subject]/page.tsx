import { Prefetched } from '@/components/layout/prefetched';
import { SubjectLoading, SubjectView } from '@/components/schemas/subject-view';
import { decodeSegment } from '@/lib/format/text';
import { schemaVersionOptions, subjectOptions } from '@/lib/query/schema-registry';
import { SchemaVersionSchema, SubjectDetailSchema } from '@/lib/schemas/schema-registry';
import { parseUrlState, searchOf } from '@/lib/url-state/core';
import { diffPair, subjectPageView } from '@/lib/url-state/pages';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { getSchemaVersion, getSubject, subjectParam } from '@/server/services/schema-registry';

interface Props {
  params: Promise<{ clusterId: string; subject: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The subject and the version(s) its address shows come with the HTML: the latest, the one the Schema
 * tab names, or both sides of a diff. The other tabs read from the browser.
 */
export default async function SubjectPage({ params, searchParams }: Props) {
  const session = await pageSession();
  const { clusterId, subject } = await params;
  // The name as SubjectView reads it from useParams(), the state as useUrlView reads the address.
  const name = decodeSegment(subject);
  const view = parseUrlState(subjectPageView, searchOf(await searchParams));
  const versions: Array<number | 'latest'> =
    view.tab === 'diff'
      ? (diffPair(view.diff) ?? [])
      : view.tab === 'schema'
        ? [view.version ?? 'latest']
        : [];
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: subjectOptions(clusterId, name).queryKey,
      schema: SubjectDetailSchema,
      load: (cluster) => getSubject(cluster, subjectParam(name)),
    },
    ...[...new Set(versions)].map((version) => ({
      queryKey: schemaVersionOptions(clusterId, name, version).queryKey,
      schema: SchemaVersionSchema,
      load: (cluster: Parameters<typeof getSchemaVersion>[0]) =>
        getSchemaVersion(cluster, subjectParam(name), version),
    })),
  ]);
  return (
    <Prefetched state={state} fallback={<SubjectLoading clusterId={clusterId} name={name} />}>
      <SubjectView />
    </Prefetched>
  );
}

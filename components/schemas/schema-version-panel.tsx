'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SchemaText } from '@/components/schemas/schema-text';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { HistoryLink } from '@/components/ui/history-link';
import { IconDiff } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { paths } from '@/lib/paths';
import type { SchemaVersion } from '@/lib/schemas/schema-registry';

function LinkList({
  title,
  empty,
  children,
  testId,
}: {
  title: string;
  empty: string;
  children: ReactNode[];
  testId: string;
}) {
  return (
    <Card className="p-4" data-testid={testId}>
      <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
        {title}{' '}
        <span className="font-normal text-zinc-500 tabular-nums dark:text-zinc-400">{children.length}</span>
      </h3>
      {children.length === 0 ? (
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{empty}</p>
      ) : (
        <ul className="mt-2 space-y-1.5">{children}</ul>
      )}
    </Card>
  );
}

const linkClass = 'text-accent-700 dark:text-accent-300 font-mono text-[13px] break-all hover:underline';

/** One version: its text, what it imports and what imports it, each a link to that subject's version. */
export function SchemaVersionPanel({
  clusterId,
  query,
  previous,
  actions,
}: {
  clusterId: string;
  query: UseQueryResult<SchemaVersion, Error>;
  /** The version before this one, to compare with. */
  previous: number | null;
  actions?: (version: SchemaVersion) => ReactNode;
}) {
  return (
    <QueryView query={query} loading={<Skeleton className="h-96 w-full rounded-lg" />}>
      {(version) => (
        <div className="space-y-3" data-testid="schema-version" data-version={version.version}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
              Version {version.version}
            </h2>
            <span className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="schema-id">
              schema id {version.id}
            </span>
            {version.deleted && <Badge tone="warning">soft-deleted</Badge>}
            <span className="ml-auto flex flex-wrap items-center gap-2">
              {previous !== null && (
                <HistoryLink
                  href={paths.subject(clusterId, version.subject, {
                    diff: `${previous}..${version.version}`,
                  })}
                  className={buttonClass({ size: 'sm' })}
                  data-testid="compare-previous"
                >
                  <IconDiff className="size-3.5" />
                  Compare with version {previous}
                </HistoryLink>
              )}
              {actions?.(version)}
            </span>
          </div>
          {version.deleted && (
            <Alert>
              This version is soft-deleted: producers can no longer register against it, and records written
              with schema id {version.id} still decode.
            </Alert>
          )}
          <SchemaText text={version.formatted} />
          <div className="grid gap-3 md:grid-cols-2">
            <LinkList title="References" empty="This schema imports no other subject." testId="references">
              {version.references.map((ref) => (
                <li
                  key={`${ref.subject}/${ref.version}/${ref.name}`}
                  className="flex flex-wrap items-baseline gap-x-2"
                >
                  <Link
                    prefetch={false}
                    href={paths.subject(clusterId, ref.subject, { version: ref.version })}
                    className={linkClass}
                  >
                    {ref.subject} v{ref.version}
                  </Link>
                  <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">as {ref.name}</span>
                </li>
              ))}
            </LinkList>
            <LinkList title="Referenced by" empty="No schema imports this version." testId="referenced-by">
              {version.referencedBy.map((ref) => (
                <li
                  key={`${ref.id}/${ref.subject}/${ref.version}`}
                  className="flex flex-wrap items-baseline gap-x-2"
                >
                  {ref.subject !== null && ref.version !== null ? (
                    <Link
                      prefetch={false}
                      href={paths.subject(clusterId, ref.subject, { version: ref.version })}
                      className={linkClass}
                    >
                      {ref.subject} v{ref.version}
                    </Link>
                  ) : (
                    <span className="font-mono text-[13px]">subject unknown</span>
                  )}
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">schema id {ref.id}</span>
                </li>
              ))}
            </LinkList>
          </div>
        </div>
      )}
    </QueryView>
  );
}

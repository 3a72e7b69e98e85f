'use client';

import { SchemaTypeBadge } from '@/components/schemas/subject-table';
import { Card, StatCard } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { HistoryLink } from '@/components/ui/history-link';
import { paths } from '@/lib/paths';
import type { SchemaVersion, SubjectDetail } from '@/lib/schemas/schema-registry';

/** The subject at a glance: latest version, type, compatibility, and the shown version's schema id. */
export function SubjectStats({
  detail,
  version,
}: {
  detail: SubjectDetail;
  version: SchemaVersion | undefined;
}) {
  const deleted = detail.versions.filter((v) => v.deleted).length;
  const live = detail.versions.length - deleted;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatCard
        label="Latest version"
        value={detail.latestVersion ?? '—'}
        detail={`${live} version${live === 1 ? '' : 's'}${deleted ? `, ${deleted} soft-deleted` : ''}`}
        data-testid="stat-latest"
      />
      <StatCard
        label="Type"
        value={version ? <SchemaTypeBadge type={version.schemaType} /> : '—'}
        detail={version ? `of version ${version.version}` : 'no version to read'}
      />
      <StatCard
        label="Compatibility"
        value={<span className="font-mono text-lg">{detail.compatibility.level}</span>}
        detail={
          detail.compatibility.source === 'global'
            ? 'inherited from global'
            : `set on the subject · global ${detail.global}`
        }
        data-testid="stat-compatibility"
      />
      <StatCard
        label="Schema id"
        value={version?.id ?? '—'}
        detail={version ? `of version ${version.version}` : undefined}
      />
    </div>
  );
}

/** Every version the subject keeps, newest first; the ones on screen are marked. */
export function SubjectVersionList({
  clusterId,
  detail,
  selected,
}: {
  clusterId: string;
  detail: SubjectDetail;
  selected: number[];
}) {
  const newestFirst = [...detail.versions].reverse();
  return (
    <Card className="self-start p-1.5" data-testid="version-list">
      <h2 className="px-2 pt-1 pb-1.5 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        Versions
      </h2>
      <nav aria-label="Versions">
        <ul className="space-y-0.5">
          {newestFirst.map(({ version, deleted }) => {
            const active = selected.includes(version);
            return (
              <li key={version}>
                <HistoryLink
                  href={paths.subject(clusterId, detail.subject, { version })}
                  aria-current={active ? 'true' : undefined}
                  data-testid="version-link"
                  data-version={version}
                  className={cx(
                    'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm transition-colors',
                    active
                      ? 'bg-accent-50 text-accent-700 dark:bg-accent-500/10 dark:text-accent-300 font-medium'
                      : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
                    deleted && !active && 'text-zinc-400 dark:text-zinc-500',
                  )}
                >
                  <span className="tabular-nums">Version {version}</span>
                  {version === detail.latestVersion && (
                    <span className="ml-auto text-[11px] text-zinc-500 dark:text-zinc-400">latest</span>
                  )}
                  {deleted && (
                    <span className="ml-auto text-[11px] text-amber-700 dark:text-amber-400">deleted</span>
                  )}
                </HistoryLink>
              </li>
            );
          })}
        </ul>
      </nav>
    </Card>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { seriesColourVar } from '@/components/charts/chart-theme';
import { Button } from '@/components/ui/button';
import { IconClose, IconPlus } from '@/components/ui/icons';
import { SearchInput } from '@/components/ui/search-input';
import { Skeleton } from '@/components/ui/spinner';
import { seriesName } from '@/lib/chart/lag-series';
import { formatCount } from '@/lib/format/count';
import { describeError } from '@/lib/format/error';
import { groupListOptions } from '@/lib/query/groups';
import { GroupListQuerySchema, type GroupSummary } from '@/lib/schemas/group';
import { MAX_HISTORY_SERIES, SeriesSpecSchema, seriesSpec } from '@/lib/schemas/lag-history';

/** The chosen series, each in its chart colour, with a way to take it off. */
function Chosen({ specs, onRemove }: { specs: string[]; onRemove: (spec: string) => void }) {
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Series on the chart" data-testid="lag-chosen">
      {specs.map((spec, i) => {
        const name = seriesName(SeriesSpecSchema.parse(spec), true);
        return (
          <li
            key={spec}
            className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-zinc-200 bg-zinc-50 py-0.5 pr-0.5 pl-2 text-xs dark:border-zinc-700 dark:bg-zinc-800/60"
            data-testid="lag-chosen-series"
            data-series={spec}
          >
            <span
              className="inline-block size-2 shrink-0 rounded-full"
              style={{ background: seriesColourVar(i) }}
            />
            <span className="truncate font-mono" title={name}>
              {name}
            </span>
            <button
              type="button"
              aria-label={`Remove ${name}`}
              onClick={() => onRemove(spec)}
              className="rounded p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700 dark:hover:bg-zinc-700 dark:hover:text-zinc-200"
            >
              <IconClose className="size-3" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function AddButton({
  label,
  title,
  added,
  full,
  onAdd,
  ...props
}: {
  label: string;
  title: string;
  added: boolean;
  full: boolean;
  onAdd: () => void;
  'data-testid': string;
}) {
  return (
    <Button
      size="sm"
      variant={added ? 'ghost' : 'secondary'}
      disabled={added || full}
      onClick={onAdd}
      title={added ? 'On the chart' : full ? `At most ${MAX_HISTORY_SERIES} series` : title}
      className="max-w-56 font-mono"
      {...props}
    >
      {!added && <IconPlus className="size-3" />}
      <span className="truncate">{label}</span>
    </Button>
  );
}

function GroupRow({
  group,
  chosen,
  full,
  onAdd,
}: {
  group: GroupSummary;
  chosen: string[];
  full: boolean;
  onAdd: (spec: string) => void;
}) {
  const total = seriesSpec({ groupId: group.groupId });
  return (
    <li
      className="flex flex-wrap items-center gap-x-3 gap-y-1.5 py-2"
      data-testid="lag-group-result"
      data-group={group.groupId}
    >
      <span className="min-w-0 flex-1 basis-48 truncate font-mono text-sm" title={group.groupId}>
        {group.groupId}
      </span>
      <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
        lag {formatCount(group.totalLag)}
      </span>
      <span className="flex flex-wrap gap-1">
        <AddButton
          label="whole group"
          title={`Add the lag of ${group.groupId}`}
          added={chosen.includes(total)}
          full={full}
          onAdd={() => onAdd(total)}
          data-testid="lag-add-group"
        />
        {group.topics.length > 1 &&
          group.topics.map((topic) => {
            const spec = seriesSpec({ groupId: group.groupId, topic });
            return (
              <AddButton
                key={topic}
                label={topic}
                title={`Add ${group.groupId}'s lag on ${topic}`}
                added={chosen.includes(spec)}
                full={full}
                onAdd={() => onAdd(spec)}
                data-testid="lag-add-topic"
              />
            );
          })}
      </span>
    </li>
  );
}

/**
 * The compare page's choice of series: the chosen ones, then a search over the cluster's groups
 * (laggiest first), each addable whole or, when it reads several topics, topic by topic.
 */
export function CompareSeriesPicker({
  clusterId,
  specs,
  onChange,
}: {
  clusterId: string;
  specs: string[];
  onChange: (specs: string[]) => void;
}) {
  const [q, setQ] = useState('');
  const query = GroupListQuerySchema.parse({ q, sort: 'totalLag', dir: 'desc', pageSize: 10 });
  const groups = useQuery(groupListOptions(clusterId, query));
  const full = specs.length >= MAX_HISTORY_SERIES;
  const add = (spec: string) => !full && !specs.includes(spec) && onChange([...specs, spec]);

  return (
    <div className="space-y-3" data-testid="lag-series-choice">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold text-zinc-900 dark:text-zinc-100">Series</h2>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {specs.length} of {MAX_HISTORY_SERIES}
        </span>
      </div>
      {specs.length > 0 && (
        <Chosen specs={specs} onRemove={(spec) => onChange(specs.filter((s) => s !== spec))} />
      )}
      <SearchInput
        value={q}
        onSearch={setQ}
        placeholder="Search groups to add"
        aria-label="Search consumer groups to add"
        data-testid="lag-group-search"
        className="w-full sm:w-80"
      />
      {groups.data ? (
        groups.data.items.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            {q ? `No group id contains “${q}”.` : 'This cluster has no consumer groups yet.'}
          </p>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="lag-group-results">
            {groups.data.items.map((g) => (
              <GroupRow key={g.groupId} group={g} chosen={specs} full={full} onAdd={add} />
            ))}
          </ul>
        )
      ) : groups.error ? (
        <p className="text-sm text-red-700 dark:text-red-300">{describeError(groups.error).message}</p>
      ) : (
        <Skeleton className="h-20 w-full rounded-md" />
      )}
      {groups.data && groups.data.total > groups.data.items.length && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          The {groups.data.items.length} laggiest of {formatCount(groups.data.total)} groups; search to find
          others.
        </p>
      )}
    </div>
  );
}

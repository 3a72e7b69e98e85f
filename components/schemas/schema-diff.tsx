'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { codeBox } from '@/components/schemas/schema-text';
import { Alert } from '@/components/ui/alert';
import { cx } from '@/components/ui/cx';
import { Field, Select } from '@/components/ui/field';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/spinner';
import { diffStats, foldUnchanged, lineDiff, type DiffItem, type DiffRow } from '@/lib/format/line-diff';
import { schemaVersionOptions } from '@/lib/query/schema-registry';
import type { SubjectDetail } from '@/lib/schemas/schema-registry';

const rowTone: Record<DiffRow['kind'], string> = {
  same: 'text-zinc-800 dark:text-zinc-200',
  added: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200',
  removed: 'bg-red-50 text-red-900 dark:bg-red-500/10 dark:text-red-200',
};
const sign = { same: ' ', added: '+', removed: '−' } as const;
const gutter = 'w-10 shrink-0 pr-2 text-right text-zinc-400 select-none dark:text-zinc-600';

function Row({ row }: { row: DiffRow }) {
  return (
    <span className={cx('flex', rowTone[row.kind])} data-testid="diff-row" data-kind={row.kind}>
      <span aria-hidden="true" className={gutter}>
        {row.oldLine ?? ''}
      </span>
      <span aria-hidden="true" className={gutter}>
        {row.newLine ?? ''}
      </span>
      <span aria-hidden="true" className="w-5 shrink-0 text-center select-none">
        {sign[row.kind]}
      </span>
      <span className="pr-4 whitespace-pre">
        <span className="sr-only">{row.kind === 'same' ? '' : `${row.kind}: `}</span>
        {row.text || ' '}
      </span>
    </span>
  );
}

/** A unified line diff; unchanged runs fold to a line that opens them. */
function DiffLines({ items }: { items: DiffItem[] }) {
  const [opened, setOpened] = useState<Set<number>>(new Set());
  return (
    <pre className={cx(codeBox, 'max-h-[75vh] py-2')} data-testid="schema-diff">
      <code className="block min-w-max">
        {items.map((item, i) =>
          !item.fold ? (
            <Row key={i} row={item.row} />
          ) : opened.has(i) ? (
            item.rows.map((row, j) => <Row key={`${i}-${j}`} row={row} />)
          ) : (
            <button
              key={i}
              type="button"
              onClick={() => setOpened((s) => new Set(s).add(i))}
              className="text-accent-700 dark:text-accent-300 block w-full bg-zinc-50 py-0.5 pl-[6.25rem] text-left hover:bg-zinc-100 dark:bg-zinc-900 dark:hover:bg-zinc-800"
              data-testid="diff-fold"
            >
              ⋯ {item.rows.length} unchanged lines
            </button>
          ),
        )}
      </code>
    </pre>
  );
}

/** Two versions of a subject side by side in time: `from` → `to`, chosen from every version it keeps. */
export function SchemaDiff({
  clusterId,
  detail,
  from,
  to,
  onChange,
}: {
  clusterId: string;
  detail: SubjectDetail;
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
}) {
  const id = useId();
  const subject = detail.subject;
  const older = useQuery(schemaVersionOptions(clusterId, subject, from));
  const newer = useQuery(schemaVersionOptions(clusterId, subject, to));
  const rows = useMemo(
    () => (older.data && newer.data ? lineDiff(older.data.formatted, newer.data.formatted) : null),
    [older.data, newer.data],
  );
  const stats = rows && diffStats(rows);
  const failed = older.error ?? newer.error;

  const picker = (label: string, value: number, pick: (v: number) => void, testId: string) => (
    <Field label={label} htmlFor={`${id}-${testId}`}>
      <Select
        id={`${id}-${testId}`}
        value={value}
        onChange={(event) => pick(Number(event.target.value))}
        data-testid={testId}
        className="w-40"
      >
        {detail.versions.map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version}
            {v.deleted ? ' (deleted)' : ''}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <div className="space-y-3" data-testid="diff-panel">
      <div className="flex flex-wrap items-end gap-3">
        {picker('From', from, (v) => onChange(v, to), 'diff-from')}
        <span className="pb-1.5 text-zinc-400">→</span>
        {picker('To', to, (v) => onChange(from, v), 'diff-to')}
        {stats && (
          <span
            className="ml-auto pb-1.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
            data-testid="diff-stats"
          >
            <span className="text-emerald-700 dark:text-emerald-400">+{stats.added}</span>{' '}
            <span className="text-red-700 dark:text-red-400">−{stats.removed}</span> lines
            {older.data &&
              newer.data &&
              older.data.id === newer.data.id &&
              ' · the same schema (id ' + older.data.id + ')'}
          </span>
        )}
      </div>
      {failed ? (
        <ErrorPanel error={failed} onRetry={() => void (older.error ? older.refetch() : newer.refetch())} />
      ) : !rows ? (
        <Skeleton className="h-64 w-full rounded-lg" />
      ) : from === to ? (
        <Alert tone="info">Choose two different versions to compare.</Alert>
      ) : (
        <DiffLines key={`${from}..${to}`} items={foldUnchanged(rows)} />
      )}
    </div>
  );
}

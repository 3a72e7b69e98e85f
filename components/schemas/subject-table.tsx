'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import { TableSkeleton, type SortColumn } from '@/components/ui/sort-header';
import { NumTd, TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { paths } from '@/lib/paths';
import type { Compatibility, SubjectSummary } from '@/lib/schemas/schema-registry';

const columns: Array<SortColumn<never>> = [
  { id: 'subject', label: 'Subject' },
  { id: 'type', label: 'Type', className: 'w-28' },
  { id: 'latest', label: 'Latest version', numeric: true, className: 'w-28' },
  { id: 'id', label: 'Schema id', numeric: true, className: 'w-24' },
  { id: 'compatibility', label: 'Compatibility', className: 'w-44 xl:w-64' },
];

const typeLabels = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON Schema' } as const;

export function SchemaTypeBadge({ type }: { type: keyof typeof typeLabels }) {
  return (
    <Badge tone="accent" data-testid="schema-type">
      {typeLabels[type]}
    </Badge>
  );
}

/** The level in force, and whether the subject set it or inherits the global one. */
export function CompatibilityText({ compatibility }: { compatibility: Compatibility }) {
  return (
    <span
      className="inline-flex items-center gap-2"
      data-testid="compatibility"
      data-source={compatibility.source}
    >
      <span className="font-mono text-[13px] font-medium">{compatibility.level}</span>
      <span
        className="text-xs text-zinc-500 dark:text-zinc-400"
        title={compatibility.source === 'global' ? 'Inherited from the global level' : 'Set on the subject'}
      >
        {compatibility.source === 'global' ? 'inherited' : 'own'}
        <span className="hidden xl:inline">
          {compatibility.source === 'global' ? ' from global' : ' level'}
        </span>
      </span>
    </span>
  );
}

const dash = <span className="text-zinc-400 dark:text-zinc-600">—</span>;

/**
 * One page of subjects. Clicking a row opens the subject (the name is also a real link); a row whose
 * details the registry did not give says why.
 */
export function SubjectTable({
  clusterId,
  subjects,
  stale,
}: {
  clusterId: string;
  subjects: SubjectSummary[];
  /** The previous page is still shown while the next one loads. */
  stale: boolean;
}) {
  const router = useRouter();
  return (
    <Table
      aria-label="Subjects"
      aria-busy={stale}
      data-testid="subject-table"
      className={cx('transition-opacity', stale && 'opacity-60')}
    >
      <THead>
        <tr>
          {columns.map(({ id, label, numeric, className }) => (
            <Th key={id} className={cx(numeric && 'text-right', className)}>
              {label}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {subjects.map((row) => {
          const href = paths.subject(clusterId, row.subject);
          return (
            <Tr
              key={row.subject}
              data-testid="subject-row"
              data-subject={row.subject}
              className="cursor-pointer"
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
                router.push(href);
              }}
            >
              <Td className="max-w-0 whitespace-normal">
                <span className="flex min-w-0 items-center gap-2">
                  <Link
                    prefetch={false}
                    href={href}
                    className={cx(
                      'truncate font-medium hover:underline',
                      row.deleted
                        ? 'text-zinc-500 dark:text-zinc-400'
                        : 'text-accent-700 dark:text-accent-300',
                    )}
                    title={row.subject}
                  >
                    {row.subject}
                  </Link>
                  {row.deleted && (
                    <Badge tone="warning" data-testid="deleted-badge">
                      soft-deleted
                    </Badge>
                  )}
                </span>
                {row.error && (
                  <span
                    className="mt-0.5 block truncate text-xs text-red-600 dark:text-red-400"
                    title={row.error}
                  >
                    {row.error}
                  </span>
                )}
              </Td>
              <Td>{row.schemaType ? <SchemaTypeBadge type={row.schemaType} /> : dash}</Td>
              <NumTd data-testid="latest-version">{row.latestVersion ?? dash}</NumTd>
              <NumTd className="text-zinc-600 dark:text-zinc-400">{row.id ?? dash}</NumTd>
              <Td>{row.compatibility ? <CompatibilityText compatibility={row.compatibility} /> : dash}</Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

export function SubjectTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <TableSkeleton
      aria-label="Subjects"
      columns={columns}
      rows={rows}
      bar={({ numeric, id }) => (numeric ? 'ml-auto h-4 w-10' : id === 'subject' ? 'h-4 w-64' : 'h-4 w-20')}
    />
  );
}

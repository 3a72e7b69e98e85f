import { cx } from '@/components/ui/cx';
import { Skeleton } from '@/components/ui/spinner';
import { SortTh, TBody, THead, Table, Td, Th } from '@/components/ui/table';

/** A column of a server-sorted table; without `sort` its header is plain text. */
export interface SortColumn<K extends string> {
  id: string;
  label: string;
  sort?: K;
  numeric?: boolean;
  className?: string;
}

/** The header row: sortable columns get a `sort-${key}` button, numeric ones align right. */
export function SortHeader<K extends string>({
  columns,
  sort,
  dir,
  onSort,
}: {
  columns: ReadonlyArray<SortColumn<K>>;
  sort: K;
  dir: 'asc' | 'desc';
  onSort: (key: K) => void;
}) {
  return (
    <THead>
      <tr>
        {columns.map(({ id, label, sort: key, numeric, className }) =>
          key ? (
            <SortTh
              key={id}
              label={label}
              active={sort === key}
              dir={dir}
              align={numeric ? 'right' : 'left'}
              onSort={() => onSort(key)}
              data-testid={`sort-${key}`}
              className={className}
            />
          ) : (
            <Th key={id} className={cx(numeric && 'text-right', className)}>
              {label}
            </Th>
          ),
        )}
      </tr>
    </THead>
  );
}

/** The table's columns over rows of grey bars, while the first page loads. */
export function TableSkeleton<K extends string>({
  columns,
  rows,
  bar,
  'aria-label': label,
}: {
  columns: ReadonlyArray<SortColumn<K>>;
  rows: number;
  /** The class of a cell's bar, by column. */
  bar: (column: SortColumn<K>) => string;
  'aria-label': string;
}) {
  return (
    <Table aria-label={label} aria-busy="true">
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
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            {columns.map((column) => (
              <Td key={column.id}>
                <Skeleton className={bar(column)} />
              </Td>
            ))}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

import { Button } from '@/components/ui/button';
import { IconClose } from '@/components/ui/icons';

export interface ScanFilter {
  q: string;
  filter: string;
}

export const isFiltered = (f: ScanFilter) => f.q.trim() !== '' || f.filter.trim() !== '';

/**
 * The text and CEL filter a stream applies, said in words beside its counts, with a way to drop them.
 * The fields alone were not enough: a filter carried over from a search sat in them unnoticed while the
 * tail showed nothing of a busy topic.
 */
export function FilterInForce({
  applied,
  pending,
  onClear,
}: {
  applied: ScanFilter;
  /** Not started yet: the filter will apply once it starts. */
  pending: boolean;
  onClear: () => void;
}) {
  if (!isFiltered(applied)) return null;
  const q = applied.q.trim();
  const filter = applied.filter.trim();
  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-2.5 py-1.5 text-xs text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100"
      data-testid="filter-in-force"
      data-q={q}
      data-filter={filter}
    >
      <span className="font-medium">{pending ? 'Will show only messages' : 'Showing only messages'}</span>
      {q && (
        <span>
          containing <q className="font-mono">{q}</q>
        </span>
      )}
      {q && filter && <span>and</span>}
      {filter && (
        <span>
          where <code className="rounded bg-amber-100 px-1 font-mono dark:bg-amber-500/20">{filter}</code>
        </span>
      )}
      <Button size="sm" variant="ghost" className="ml-auto" onClick={onClear} data-testid="filter-clear">
        <IconClose className="size-3.5" />
        Clear filter
      </Button>
    </div>
  );
}

import { CelFilterLabel, toolbarLabel } from '@/components/messages/position-fields';
import { ScanButton } from '@/components/messages/scan-button';
import { Input } from '@/components/ui/field';
import { IconSearch } from '@/components/ui/icons';

/** What a search looks for (a text and a CEL filter), and the button that starts or stops it. */
export function SearchQueryFields({
  id,
  q,
  filter,
  onQ,
  onFilter,
  running,
  onRun,
  onStop,
}: {
  id: string;
  q: string;
  filter: string;
  onQ: (q: string) => void;
  onFilter: (filter: string) => void;
  running: boolean;
  /** Ctrl/⌘+Enter in the filter runs the search, as Enter does in the text field. */
  onRun: () => void;
  onStop: () => void;
}) {
  return (
    <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto] md:items-start">
      <div className="space-y-1">
        <label htmlFor={`${id}-q`} className={toolbarLabel}>
          Text contains
        </label>
        <Input
          id={`${id}-q`}
          value={q}
          placeholder="in key, value or headers"
          data-testid="search-q"
          onChange={(e) => onQ(e.target.value)}
        />
      </div>
      <div className="space-y-1">
        <CelFilterLabel htmlFor={`${id}-filter`} />
        <textarea
          id={`${id}-filter`}
          value={filter}
          rows={2}
          spellCheck={false}
          placeholder='json.status == "cancelled" && partition == 1'
          data-testid="search-filter"
          onChange={(e) => onFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              if (!running) onRun();
            }
          }}
          className="focus-visible:outline-accent-500 block min-h-8 w-full resize-y rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-xs text-zinc-900 shadow-xs placeholder:text-zinc-400 focus-visible:outline-2 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        />
      </div>
      <div className="md:pt-5">
        <ScanButton running={running} onStop={onStop} testIdPrefix="search">
          <IconSearch className="size-3.5" />
          Search
        </ScanButton>
      </div>
    </div>
  );
}

import { cx } from '@/components/ui/cx';
import type { MessageMode } from '@/lib/url-state/pages';

const labels: Record<MessageMode, string> = { browse: 'Browse', search: 'Search', tail: 'Live tail' };

/** Browse | Search | Live tail, as a segmented control; the mode lives in the address (`?mode=`). */
export function ModeSwitch({ mode, onChange }: { mode: MessageMode; onChange: (mode: MessageMode) => void }) {
  return (
    <div
      role="radiogroup"
      aria-label="Messages mode"
      className="inline-flex rounded-md border border-zinc-300 bg-zinc-100 p-0.5 dark:border-zinc-700 dark:bg-zinc-900"
    >
      {(Object.keys(labels) as MessageMode[]).map((m) => (
        <button
          key={m}
          type="button"
          role="radio"
          aria-checked={m === mode}
          data-testid={`mode-${m}`}
          onClick={() => m !== mode && onChange(m)}
          className={cx(
            'focus-visible:outline-accent-500 rounded px-3 py-1 text-sm font-medium transition-colors focus-visible:outline-2',
            m === mode
              ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-700 dark:text-zinc-50'
              : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
          )}
        >
          {labels[m]}
        </button>
      ))}
    </div>
  );
}

import { cx } from '@/components/ui/cx';

export const codeBox =
  'overflow-auto rounded-lg border border-zinc-200 bg-white font-mono text-xs leading-5 shadow-xs dark:border-zinc-800 dark:bg-zinc-950';

/** A schema's text with line numbers (which a selection leaves out), as text: never as HTML. */
export function SchemaText({ text, className }: { text: string; className?: string }) {
  const lines = text.split('\n');
  return (
    <pre className={cx(codeBox, 'max-h-[70vh] py-2', className)} data-testid="schema-text">
      <code className="block min-w-max">
        {lines.map((line, i) => (
          <span key={i} className="flex">
            <span
              aria-hidden="true"
              className="sticky left-0 w-12 shrink-0 bg-white pr-3 text-right text-zinc-400 select-none dark:bg-zinc-950 dark:text-zinc-600"
            >
              {i + 1}
            </span>
            <span className="pr-4 whitespace-pre text-zinc-800 dark:text-zinc-200">{line || ' '}</span>
          </span>
        ))}
      </code>
    </pre>
  );
}

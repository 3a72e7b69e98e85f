import { IconInfo } from '@/components/ui/icons';

const variables: Array<[string, string]> = [
  ['key', 'the key as text'],
  ['value', 'the value as text'],
  ['headers["name"]', 'a header value as text'],
  ['partition', 'the partition number'],
  ['offset', 'the offset'],
  ['timestamp', 'milliseconds since 1970'],
  ['size', 'the value size in bytes'],
  ['transaction', '"committed", "aborted" or "open" for a transactional message, "none" otherwise'],
  ['json.field', 'a field of the value parsed as JSON (null when not JSON)'],
];

const functions: Array<[string, string]> = [
  ['s.contains("x")', 'also startsWith, endsWith, size(), lowerAscii()'],
  [
    's.matches("^ord-\\\\d+$")',
    'an RE2 pattern found in s (^ and $ for all of s; (?i) ignores case). Runs in linear time, so backreferences and lookaround are not supported',
  ],
  ['list.exists(x, …)', 'also all, exists_one, map, filter; nested 2 deep at most'],
];

const examples = [
  'json.status == "cancelled"',
  'value.contains("ERROR") && partition == 1',
  'key.matches("^customer-[0-9]+$")',
  'timestamp > 1732000000000',
];

/** What a CEL filter can use, in a small pop-over next to the filter box. */
export function CelHelp() {
  return (
    <details className="relative inline-block" data-testid="cel-help">
      <summary className="text-accent-700 dark:text-accent-300 inline-flex cursor-pointer list-none items-center gap-1 text-xs select-none [&::-webkit-details-marker]:hidden">
        <IconInfo className="size-3.5" />
        CEL help
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-[28rem] max-w-[calc(100vw-2rem)] space-y-2 rounded-md border border-zinc-200 bg-white p-3 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <p className="text-zinc-600 dark:text-zinc-400">
          A{' '}
          <a className="underline" href="https://cel.dev" target="_blank" rel="noreferrer">
            CEL
          </a>{' '}
          expression that is true for the messages to keep.
        </p>
        <dl className="grid grid-cols-[11.5rem_1fr] gap-x-3 gap-y-1">
          {variables.map(([name, text]) => (
            <div key={name} className="contents">
              <dt className="font-mono text-zinc-900 dark:text-zinc-100">{name}</dt>
              <dd className="text-zinc-600 dark:text-zinc-400">{text}</dd>
            </div>
          ))}
        </dl>
        <dl className="grid grid-cols-[11.5rem_1fr] gap-x-3 gap-y-1" data-testid="cel-help-functions">
          {functions.map(([name, text]) => (
            <div key={name} className="contents">
              <dt className="font-mono text-zinc-900 dark:text-zinc-100">{name}</dt>
              <dd className="text-zinc-600 dark:text-zinc-400">{text}</dd>
            </div>
          ))}
        </dl>
        <p className="text-zinc-600 dark:text-zinc-400">
          At most 2,000 characters. Each message&apos;s evaluation is metered: loops over every character of a
          large message, or loops inside loops, stop the search as too costly.
        </p>
        <div className="space-y-1">
          <p className="font-medium text-zinc-700 dark:text-zinc-300">Examples</p>
          {examples.map((example) => (
            <code key={example} className="block rounded bg-zinc-100 px-2 py-1 font-mono dark:bg-zinc-800">
              {example}
            </code>
          ))}
        </div>
      </div>
    </details>
  );
}

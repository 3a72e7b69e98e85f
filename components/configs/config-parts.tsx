import { Badge, type BadgeTone } from '@/components/ui/badge';
import { IconLock } from '@/components/ui/icons';
import { configValueHint } from '@/lib/format/config';
import type { ConfigEntry } from '@/lib/schemas/topic';

/** Where a value comes from, as Kafka's DescribeConfigs names it. */
const sourceLabels: Record<ConfigEntry['source'], { label: string; tone: BadgeTone; title: string }> = {
  topic: { label: 'topic', tone: 'accent', title: 'Set on this topic' },
  broker: { label: 'broker', tone: 'accent', title: 'Set on this broker (dynamic)' },
  cluster: { label: 'cluster', tone: 'accent', title: 'Cluster-wide dynamic default' },
  static: { label: 'static', tone: 'warning', title: "From the broker's server.properties" },
  default: { label: 'default', tone: 'neutral', title: "Kafka's built-in default" },
  unknown: { label: 'unknown', tone: 'neutral', title: 'Source not reported' },
};

export function SourceBadge({ source }: { source: ConfigEntry['source'] }) {
  const { label, tone, title } = sourceLabels[source];
  return (
    <Badge tone={tone} title={title} data-testid="config-source">
      {label}
    </Badge>
  );
}

export const SENSITIVE_TEXT = '••• (sensitive)';

/** The value, masked when sensitive, with a human reading of durations and sizes next to it. */
export function ConfigValue({ entry }: { entry: ConfigEntry }) {
  if (entry.sensitive || entry.value === null) {
    return (
      <span className="text-zinc-500 italic dark:text-zinc-400" data-testid="config-value">
        {entry.sensitive ? SENSITIVE_TEXT : 'null'}
      </span>
    );
  }
  const hint = configValueHint(entry.name, entry.value);
  return (
    <span className="inline-flex min-w-0 items-baseline gap-2">
      <span
        className="font-mono text-[13px] break-all whitespace-pre-wrap text-zinc-900 dark:text-zinc-100"
        data-testid="config-value"
      >
        {entry.value === '' ? <span className="text-zinc-400 italic">empty</span> : entry.value}
      </span>
      {hint && <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">{hint}</span>}
    </span>
  );
}

export function ConfigName({ entry, override }: { entry: ConfigEntry; override: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      {override && <span className="bg-accent-500 size-1.5 shrink-0 rounded-full" aria-hidden="true" />}
      <span
        className={
          override
            ? 'font-mono text-[13px] font-semibold text-zinc-900 dark:text-zinc-50'
            : 'font-mono text-[13px] text-zinc-700 dark:text-zinc-300'
        }
      >
        {entry.name}
      </span>
      {entry.readOnly && (
        <span title="Read-only" className="text-zinc-400 dark:text-zinc-500">
          <IconLock className="size-3" />
          <span className="sr-only">read-only</span>
        </span>
      )}
    </span>
  );
}

'use client';

import { Button } from '@/components/ui/button';
import { FieldError, Input } from '@/components/ui/field';
import { IconPlus, IconTrash } from '@/components/ui/icons';

export interface ConfigRow {
  id: number;
  key: string;
  value: string;
}

/**
 * Checks the rows a user typed: a value needs a name, a name appears once. Returns the configs to send and
 * the message of each bad row by its id.
 */
export function collectConfigRows(rows: ConfigRow[]): {
  configs: Record<string, string>;
  errors: Record<number, string>;
} {
  const configs: Record<string, string> = {};
  const errors: Record<number, string> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (!key && !row.value.trim()) continue;
    if (!key) errors[row.id] = 'Enter the config name';
    else if (key in configs) errors[row.id] = `${key} is set twice`;
    else configs[key] = row.value.trim();
  }
  return { configs, errors };
}

/** Key/value rows for topic configs at creation, e.g. `retention.ms = 3600000`. */
export function ConfigRowsEditor({
  rows,
  errors,
  onChange,
  disabled,
}: {
  rows: ConfigRow[];
  errors: Record<number, string>;
  onChange: (rows: ConfigRow[]) => void;
  disabled?: boolean;
}) {
  const update = (id: number, patch: Partial<ConfigRow>) =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const add = () =>
    onChange([...rows, { id: Math.max(0, ...rows.map((r) => r.id)) + 1, key: '', value: '' }]);

  return (
    <fieldset className="space-y-2" data-testid="config-rows">
      <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
        Configuration <span className="font-normal text-zinc-500 dark:text-zinc-400">(optional)</span>
      </legend>
      {rows.map((row, index) => (
        <div key={row.id} className="space-y-1" data-testid="config-row-editor">
          <div className="flex items-center gap-2">
            <Input
              aria-label={`Config name ${index + 1}`}
              placeholder="retention.ms"
              value={row.key}
              invalid={row.id in errors}
              onChange={(event) => update(row.id, { key: event.target.value })}
              className="font-mono text-[13px]"
              disabled={disabled}
              list="topic-config-names"
              data-testid="config-key"
            />
            <span className="text-zinc-400">=</span>
            <Input
              aria-label={`Config value ${index + 1}`}
              placeholder="604800000"
              value={row.value}
              onChange={(event) => update(row.id, { value: event.target.value })}
              className="font-mono text-[13px]"
              disabled={disabled}
              data-testid="config-value-input"
            />
            <Button
              variant="ghost"
              size="icon"
              aria-label={`Remove config ${index + 1}`}
              onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
              disabled={disabled}
            >
              <IconTrash className="size-4" />
            </Button>
          </div>
          {errors[row.id] && <FieldError>{errors[row.id]}</FieldError>}
        </div>
      ))}
      <Button size="sm" variant="ghost" onClick={add} disabled={disabled} data-testid="add-config-row">
        <IconPlus className="size-3.5" />
        Add config
      </Button>
      <datalist id="topic-config-names">
        {commonTopicConfigs.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </fieldset>
  );
}

/** Suggestions for the name field; any other topic config Kafka knows is accepted too. */
const commonTopicConfigs = [
  'cleanup.policy',
  'compression.type',
  'delete.retention.ms',
  'max.message.bytes',
  'message.timestamp.type',
  'min.compaction.lag.ms',
  'min.insync.replicas',
  'retention.bytes',
  'retention.ms',
  'segment.bytes',
  'segment.ms',
];

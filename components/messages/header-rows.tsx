'use client';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { IconPlus, IconTrash } from '@/components/ui/icons';

export interface HeaderRow {
  key: string;
  value: string;
}

/** Editable header rows: a key and a text value each, added and removed freely. */
export function HeaderRows({
  rows,
  onChange,
  disabled,
}: {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  disabled?: boolean;
}) {
  const set = (index: number, patch: Partial<HeaderRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Headers</span>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onChange([...rows, { key: '', value: '' }])}
          disabled={disabled}
          data-testid="produce-add-header"
        >
          <IconPlus className="size-3.5" />
          Add header
        </Button>
      </div>
      {rows.length === 0 && <p className="text-xs text-zinc-500 dark:text-zinc-400">No headers.</p>}
      {rows.map((row, i) => (
        <div key={i} className="flex items-center gap-2" data-testid="produce-header-row">
          <Input
            controlSize="sm"
            aria-label={`Header ${i + 1} key`}
            placeholder="key"
            value={row.key}
            invalid={row.key === '' && row.value !== ''}
            onChange={(event) => set(i, { key: event.target.value })}
            disabled={disabled}
            data-testid="produce-header-key"
            className="w-40 font-mono"
          />
          <Input
            controlSize="sm"
            aria-label={`Header ${i + 1} value`}
            placeholder="value"
            value={row.value}
            onChange={(event) => set(i, { value: event.target.value })}
            disabled={disabled}
            data-testid="produce-header-value"
            className="font-mono"
          />
          <Button
            size="icon"
            variant="ghost"
            className="size-7"
            aria-label={`Remove header ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            disabled={disabled}
          >
            <IconTrash className="size-3.5" />
          </Button>
        </div>
      ))}
    </div>
  );
}

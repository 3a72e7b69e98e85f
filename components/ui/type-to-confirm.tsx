'use client';

import { useId } from 'react';
import { Input } from '@/components/ui/field';

/** The guard of a destructive action: the user types the resource's name before the button unlocks. */
export function TypeToConfirm({
  expected,
  value,
  onChange,
  disabled,
}: {
  expected: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs text-zinc-600 dark:text-zinc-400">
        Type{' '}
        <span className="font-mono font-semibold text-zinc-900 select-all dark:text-zinc-100">
          {expected}
        </span>{' '}
        to confirm
      </label>
      <Input
        id={id}
        data-testid="confirm-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        className="font-mono"
      />
    </div>
  );
}

export function confirmed(expected: string, value: string): boolean {
  return value.trim() === expected;
}

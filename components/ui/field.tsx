import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { cx } from '@/components/ui/cx';

const control =
  'w-full rounded-md border bg-white px-2.5 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-offset-0 disabled:cursor-not-allowed disabled:opacity-60 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500';

type ControlSize = 'sm' | 'md';
const heights: Record<ControlSize, string> = { sm: 'h-7 text-xs', md: 'h-8' };

function controlClass(invalid: boolean | undefined, size: ControlSize, className?: string) {
  return cx(
    control,
    heights[size],
    invalid
      ? 'border-red-400 focus-visible:outline-red-500 dark:border-red-500/70'
      : 'focus-visible:outline-accent-500 border-zinc-300 dark:border-zinc-700',
    className,
  );
}

export function Input({
  invalid,
  controlSize = 'md',
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean; controlSize?: ControlSize }) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={controlClass(invalid, controlSize, className)}
      {...props}
    />
  );
}

export function Select({
  invalid,
  className,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return (
    <select
      aria-invalid={invalid || undefined}
      className={controlClass(invalid, 'md', cx('pr-7', className))}
      {...props}
    />
  );
}

/** A label, its control, and under it either the error or a hint. Pass the control's id as `htmlFor`. */
export function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
  className,
}: {
  label: ReactNode;
  htmlFor: string;
  error?: string | null;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx('space-y-1', className)}>
      <label htmlFor={htmlFor} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children}
      {error ? (
        <FieldError id={`${htmlFor}-error`}>{error}</FieldError>
      ) : hint ? (
        <FieldHint>{hint}</FieldHint>
      ) : null}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} data-testid="field-error" className="text-xs text-red-600 dark:text-red-400">
      {children}
    </p>
  );
}

export function FieldHint({ children }: { children: ReactNode }) {
  return <p className="text-xs text-zinc-500 dark:text-zinc-400">{children}</p>;
}

/** An on/off switch with its label, backed by a checkbox so forms, keyboards and screen readers know it. */
export function Switch({
  checked,
  onChange,
  label,
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'type'> & {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
}) {
  return (
    <label className={cx('inline-flex cursor-pointer items-center gap-2 text-sm select-none', className)}>
      <input
        type="checkbox"
        role="switch"
        className="peer sr-only"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        {...props}
      />
      <span
        aria-hidden="true"
        className="peer-checked:bg-accent-600 dark:peer-checked:bg-accent-500 peer-focus-visible:outline-accent-500 relative inline-flex h-4.5 w-8 shrink-0 rounded-full bg-zinc-300 transition-colors peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 dark:bg-zinc-700 peer-checked:[&>span]:translate-x-3.5"
      >
        <span className="absolute top-0.5 left-0.5 size-3.5 rounded-full bg-white shadow transition-transform" />
      </span>
      <span className="text-zinc-700 dark:text-zinc-300">{label}</span>
    </label>
  );
}

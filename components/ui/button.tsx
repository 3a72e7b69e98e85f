import type { ButtonHTMLAttributes } from 'react';
import { cx } from '@/components/ui/cx';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'stop';
type Size = 'sm' | 'md' | 'icon';

const variants: Record<Variant, string> = {
  primary:
    'bg-accent-600 text-white shadow-sm hover:bg-accent-700 dark:bg-accent-500 dark:hover:bg-accent-400 dark:text-zinc-950',
  secondary:
    'border border-zinc-300 bg-white text-zinc-800 shadow-sm hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800',
  danger:
    'bg-red-600 text-white shadow-sm hover:bg-red-700 dark:bg-red-500 dark:hover:bg-red-400 dark:text-zinc-950',
  // Ends something running (a search, a tail): in colour, so it does not read as a disabled Start.
  stop: 'border border-red-300 bg-white text-red-700 shadow-sm hover:bg-red-50 hover:border-red-400 dark:border-red-500/60 dark:bg-zinc-900 dark:text-red-300 dark:hover:bg-red-500/10',
  ghost:
    'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
};

const sizes: Record<Size, string> = {
  sm: 'h-7 gap-1.5 px-2.5 text-xs',
  md: 'h-8 gap-2 px-3 text-sm',
  icon: 'size-8 justify-center',
};

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size };

/** The button look, for links that act as buttons (`<Link className={buttonClass()}>`). */
export function buttonClass({ variant = 'secondary', size = 'md' }: { variant?: Variant; size?: Size } = {}) {
  return cx(
    'inline-flex shrink-0 items-center justify-center rounded-md font-medium transition-colors',
    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500',
    'disabled:cursor-not-allowed disabled:opacity-50',
    variants[variant],
    sizes[size],
  );
}

export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={cx(buttonClass({ variant, size }), className)} {...props} />;
}

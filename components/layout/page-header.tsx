import type { ReactNode } from 'react';
import { IconChevronLeft } from '@/components/ui/icons';
import { IntentLink } from '@/components/ui/intent-link';

export function PageHeader({
  title,
  description,
  actions,
  back,
  badges,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** A link to the list this page belongs to, above the title. */
  back?: { href: string; label: string };
  /** Shown after the title, e.g. an "internal" badge. */
  badges?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-x-4 gap-y-2">
      <div className="min-w-0">
        {back && (
          <IntentLink
            href={back.href}
            className="hover:text-accent-700 dark:hover:text-accent-300 mb-1 inline-flex items-center gap-0.5 text-xs font-medium text-zinc-500 dark:text-zinc-400"
          >
            <IconChevronLeft className="size-3.5" />
            {back.label}
          </IntentLink>
        )}
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <h1 className="min-w-0 text-lg font-semibold tracking-tight break-all text-zinc-900 dark:text-zinc-50">
            {title}
          </h1>
          {badges}
        </div>
        {description && <p className="mt-0.5 text-zinc-500 dark:text-zinc-400">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

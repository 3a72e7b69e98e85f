'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { IconClose } from '@/components/ui/icons';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null);
}

const widths = { sm: 'max-w-sm', md: 'max-w-lg', lg: 'max-w-2xl' } as const;

/**
 * A modal dialog: `role="dialog"`, labelled by its title, Esc and the backdrop close it, Tab cycles inside
 * it, focus goes to the first field (or the `autoFocus` one) and back to the opener on close. While
 * `busy`, it cannot be dismissed, so a half-sent request is never orphaned.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  size = 'md',
  busy = false,
  'data-testid': testId,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  size?: keyof typeof widths;
  busy?: boolean;
  'data-testid'?: string;
}) {
  if (!open) return null;
  return createPortal(
    <DialogPanel
      onClose={onClose}
      title={title}
      description={description}
      size={size}
      busy={busy}
      testId={testId}
    >
      {children}
    </DialogPanel>,
    document.body,
  );
}

function DialogPanel({
  onClose,
  title,
  description,
  children,
  size,
  busy,
  testId,
}: {
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  size: keyof typeof widths;
  busy: boolean;
  testId?: string;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const closeRef = useRef(onClose);
  const busyRef = useRef(busy);
  useEffect(() => {
    closeRef.current = onClose;
    busyRef.current = busy;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = panel.current;
    if (root && !root.contains(document.activeElement)) {
      const preferred = root.querySelector<HTMLElement>('[autofocus], [data-autofocus]');
      (preferred ?? focusables(root).find((el) => el.dataset.dialogClose === undefined) ?? root).focus();
    }
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    // A button disabled while a request runs drops focus to <body>: Escape must still close the dialog.
    const onDocumentKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !root?.contains(document.activeElement) && !busyRef.current) closeRef.current();
    };
    document.addEventListener('keydown', onDocumentKey);
    return () => {
      document.removeEventListener('keydown', onDocumentKey);
      document.body.style.overflow = overflow;
      opener?.focus();
    };
  }, []);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!busyRef.current) closeRef.current();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const items = focusables(panel.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="fixed inset-0 z-50 overflow-y-auto" onKeyDown={onKeyDown}>
      <div
        className="fixed inset-0 bg-zinc-950/50 backdrop-blur-[1px] dark:bg-black/60"
        aria-hidden="true"
        onClick={() => !busy && onClose()}
      />
      <div className="pointer-events-none relative flex min-h-full items-start justify-center p-4 sm:pt-[12vh]">
        <div
          ref={panel}
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          aria-describedby={description ? descriptionId : undefined}
          tabIndex={-1}
          data-testid={testId}
          className={cx(
            'pointer-events-auto w-full rounded-lg border border-zinc-200 bg-white shadow-xl outline-none dark:border-zinc-700 dark:bg-zinc-900',
            widths[size],
          )}
        >
          <div className="flex items-start gap-3 border-b border-zinc-200 px-5 py-3.5 dark:border-zinc-800">
            <div className="min-w-0 flex-1">
              <h2 id={titleId} className="text-base font-semibold text-zinc-900 dark:text-zinc-50">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="mt-0.5 text-zinc-500 dark:text-zinc-400">
                  {description}
                </p>
              )}
            </div>
            <Button
              variant="ghost"
              size="icon"
              className="-mr-2 size-7"
              aria-label="Close"
              data-dialog-close=""
              onClick={onClose}
              disabled={busy}
            >
              <IconClose className="size-4" />
            </Button>
          </div>
          {children}
        </div>
      </div>
    </div>
  );
}

/** The scrolling middle of a dialog. */
export function DialogBody({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cx('space-y-4 px-5 py-4', className)}>{children}</div>;
}

/** Buttons at the bottom right; the primary action goes last. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return (
    <div className="flex items-center justify-end gap-2 rounded-b-lg border-t border-zinc-200 bg-zinc-50 px-5 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">
      {children}
    </div>
  );
}

'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogBody, DialogFooter } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { TypeToConfirm, confirmed } from '@/components/ui/type-to-confirm';
import { describeError } from '@/lib/format/error';

/**
 * The shell of every dialog that sends one request: a `<form>` in a dialog with its title, the fields
 * (children), a typed confirmation when the action destroys something, the request's error, and Cancel
 * and submit at the bottom, the submit with a spinner while the request runs.
 *
 * Render it only while open (`open && <SomeForm />`): the form's state then starts afresh each time.
 * Esc and the backdrop still close it while a request runs, as the Close button does unless disabled.
 */
export function FormDialog({
  onClose,
  title,
  description,
  size,
  'data-testid': testId,
  formTestId,
  onSubmit,
  confirm,
  error,
  errorTestId = 'form-error',
  errorPrefix,
  pending,
  whilePending = 'disable',
  submitLabel,
  submitTestId,
  variant = 'primary',
  submitDisabled = false,
  cancelLabel = 'Cancel',
  cancelTestId,
  cancelDisabled = pending,
  note,
  actions,
  children,
}: {
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  'data-testid': string;
  formTestId?: string;
  /** Submitted, once the typed confirmation (if any) matches and, with `whilePending="ignore"`, no request runs. */
  onSubmit: () => void;
  /** The name to type before a destructive submit unlocks; `disabled` locks the field. */
  confirm?: { expected: string; disabled?: boolean };
  /** The request's error, shown under the fields. */
  error: unknown;
  errorTestId?: string;
  /** Said before the error's message (what did not happen). */
  errorPrefix?: ReactNode;
  /** A request runs: the submit shows a spinner and Cancel is disabled. */
  pending: boolean;
  /**
   * How the submit refuses a second request while one runs: `disable` it, or keep it enabled and
   * `ignore` the click (`aria-busy`), so that a focused button does not drop the focus out of the dialog.
   */
  whilePending?: 'disable' | 'ignore';
  submitLabel: ReactNode;
  submitTestId: string;
  variant?: 'primary' | 'secondary' | 'danger';
  /** Further reasons to disable the submit, beside a missing confirmation and `whilePending="disable"`. */
  submitDisabled?: boolean;
  cancelLabel?: string;
  cancelTestId?: string;
  cancelDisabled?: boolean;
  /** A hint at the left of the buttons. */
  note?: ReactNode;
  /** More buttons, after the submit. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const [typed, setTyped] = useState('');
  const unconfirmed = confirm !== undefined && !confirmed(confirm.expected, typed);
  const ignoring = whilePending === 'ignore' && pending;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (unconfirmed || ignoring) return;
    onSubmit();
  }

  return (
    <Dialog open onClose={onClose} title={title} description={description} size={size} data-testid={testId}>
      <form onSubmit={submit} noValidate data-testid={formTestId}>
        <DialogBody>
          {children}
          {confirm && (
            <TypeToConfirm
              expected={confirm.expected}
              value={typed}
              onChange={setTyped}
              disabled={confirm.disabled}
            />
          )}
          {Boolean(error) && (
            <Alert tone="danger" data-testid={errorTestId}>
              {errorPrefix && <span className="font-semibold">{errorPrefix}</span>}
              {describeError(error).message}
            </Alert>
          )}
        </DialogBody>
        <DialogFooter>
          {note && <span className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">{note}</span>}
          <Button onClick={onClose} disabled={cancelDisabled} data-testid={cancelTestId}>
            {cancelLabel}
          </Button>
          <Button
            type="submit"
            variant={variant}
            disabled={submitDisabled || unconfirmed || (whilePending === 'disable' && pending)}
            aria-busy={whilePending === 'ignore' ? pending : undefined}
            data-testid={submitTestId}
          >
            {pending && <Spinner className="size-3.5" />}
            {submitLabel}
          </Button>
          {actions}
        </DialogFooter>
      </form>
    </Dialog>
  );
}

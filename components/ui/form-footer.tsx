import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DialogFooter } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { describeError } from '@/lib/format/error';

/** A dialog form's Cancel and submit buttons; the submit one shows a spinner while `busy`. */
export function FormFooter({
  onCancel,
  busy,
  cancelDisabled = busy,
  variant,
  disabled,
  'aria-busy': ariaBusy,
  'data-testid': testId,
  children,
}: {
  onCancel: () => void;
  busy: boolean;
  cancelDisabled?: boolean;
  variant: 'primary' | 'danger';
  disabled: boolean;
  'aria-busy'?: boolean;
  'data-testid': string;
  children: ReactNode;
}) {
  return (
    <DialogFooter>
      <Button onClick={onCancel} disabled={cancelDisabled}>
        Cancel
      </Button>
      <Button type="submit" variant={variant} disabled={disabled} aria-busy={ariaBusy} data-testid={testId}>
        {busy && <Spinner className="size-3.5" />}
        {children}
      </Button>
    </DialogFooter>
  );
}

/** Why the last request of a form failed, when it did. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert tone="danger" data-testid="form-error">
      {describeError(error).message}
    </Alert>
  );
}

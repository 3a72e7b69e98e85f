import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { IconStop } from '@/components/ui/icons';

/**
 * Starts a search or tail (the form's submit) or, while it runs, stops it. Keyed apart: two buttons, never
 * one element that changes its type and handler in the middle of a click.
 */
export function ScanButton({
  running,
  onStop,
  testIdPrefix,
  children,
}: {
  running: boolean;
  onStop: () => void;
  testIdPrefix: 'search' | 'tail';
  /** What Start says. */
  children: ReactNode;
}) {
  return running ? (
    <Button
      key="stop"
      variant="stop"
      onClick={onStop}
      data-testid={`${testIdPrefix}-stop-button`}
      className="w-24"
    >
      <IconStop className="size-3.5" />
      Stop
    </Button>
  ) : (
    <Button
      key="start"
      type="submit"
      variant="primary"
      data-testid={`${testIdPrefix}-start-button`}
      className="w-24"
    >
      {children}
    </Button>
  );
}

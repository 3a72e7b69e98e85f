import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { LogoMark } from '@/components/ui/icons';
import { paths } from '@/lib/paths';

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4">
      <LogoMark className="size-8" />
      <EmptyState
        title="Page not found"
        className="w-full max-w-lg"
        action={
          <Link href={paths.home()} className={buttonClass({ variant: 'primary' })}>
            Back to the console
          </Link>
        }
      >
        Nothing lives at this address.
      </EmptyState>
    </main>
  );
}

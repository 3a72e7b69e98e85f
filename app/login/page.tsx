'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect } from 'react';
import { LoginForm } from '@/components/auth/login-form';
import { ErrorPanel } from '@/components/ui/error-panel';
import { LogoMark } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { authOptionsOptions } from '@/lib/query/auth';
import { safeNextPath } from '@/lib/schemas/auth';

function Login() {
  const search = useSearchParams();
  const router = useRouter();
  const next = safeNextPath(search.get('next'));
  const options = useQuery(authOptionsOptions());
  const loginOff = options.data?.authMode === 'none';

  useEffect(() => {
    if (loginOff) router.replace(next);
  }, [loginOff, next, router]);

  if (options.error) return <ErrorPanel error={options.error} title="Cannot reach the console server" />;
  if (!options.data || loginOff) return <Spinner label="Loading…" />;
  return (
    <LoginForm
      next={next}
      passwordLogin={options.data.passwordLogin}
      oidcName={options.data.oidcName}
      initialError={search.get('error')}
    />
  );
}

/** Outside the console layout: nothing here may need a session. */
export default function LoginPage() {
  return (
    <main
      className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-zinc-50 px-4 dark:bg-zinc-950"
      data-testid="login-page"
    >
      <div className="flex items-center gap-2 text-lg font-semibold tracking-tight">
        <LogoMark className="size-8" />
        Kafkascope
      </div>
      <Suspense>
        <Login />
      </Suspense>
    </main>
  );
}

'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { authApi } from '@/lib/api/auth';
import { describeError } from '@/lib/format/error';
import { safeNextPath } from '@/lib/schemas/auth';

/** What /login?error=… means after a single sign-on round trip that failed. */
const ssoErrors: Record<string, string> = {
  oidc: 'Single sign-on failed. Try again, or ask an administrator to check the console log.',
  oidc_state: 'The sign-on took too long or was started in another tab. Try again.',
};

export function LoginForm({
  next,
  passwordLogin,
  oidcName,
  initialError,
}: {
  next: string;
  passwordLogin: boolean;
  oidcName: string | null;
  initialError: string | null;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: authApi.login,
    // A full navigation, not a client transition: every cached answer was made for nobody.
    onSuccess: () => window.location.assign(safeNextPath(next)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };
  const error = login.error
    ? describeError(login.error).message
    : initialError
      ? (ssoErrors[initialError] ?? ssoErrors.oidc)
      : null;

  return (
    <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="mb-4 text-base font-semibold">Sign in</h1>
      {error && (
        <Alert tone="danger" className="mb-4" data-testid="login-error">
          {error}
        </Alert>
      )}
      {passwordLogin && (
        <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Sign in with a password">
          <Field label="User name" htmlFor="login-username">
            <Input
              id="login-username"
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
          <Field label="Password" htmlFor="login-password">
            <Input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="primary" disabled={login.isPending} className="mt-1 justify-center">
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      )}
      {oidcName && (
        <>
          {passwordLogin && <div className="my-4 text-center text-xs text-zinc-500">or</div>}
          {/* A plain link: the provider's pages need a full navigation, and the server starts the flow. */}
          <a
            href={`/api/auth/oidc/start?next=${encodeURIComponent(safeNextPath(next))}`}
            className={buttonClass({ variant: 'secondary', size: 'md' }) + ' w-full justify-center'}
          >
            Sign in with {oidcName}
          </a>
        </>
      )}
    </div>
  );
}

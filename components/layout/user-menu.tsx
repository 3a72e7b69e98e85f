'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { authApi } from '@/lib/api/auth';
import { meOptions } from '@/lib/query/auth';

/** Who is signed in, with which role, and the way out; "login disabled" when the console runs without login. */
export function UserMenu() {
  const me = useQuery(meOptions()).data;
  const logout = useMutation({
    mutationFn: authApi.logout,
    // A full page load, so that no answer cached for this user stays in memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    onSuccess: () => window.location.assign('/login'),
  });
  if (!me) return null;
  if (me.authMode === 'none') {
    return (
      <Badge tone="warning" data-testid="login-disabled" title="KAFKASCOPE_AUTH=none: everyone acts as admin">
        login disabled
      </Badge>
    );
  }
  return (
    <div className="flex items-center gap-2" data-testid="user-menu">
      <span className="max-w-40 truncate text-sm text-zinc-700 dark:text-zinc-300" data-testid="user-name">
        {me.username}
      </span>
      <Badge
        tone={me.role === 'admin' ? 'danger' : me.role === 'operator' ? 'warning' : 'neutral'}
        data-testid="user-role"
      >
        {me.role}
      </Badge>
      <Button size="sm" variant="ghost" onClick={() => logout.mutate()} disabled={logout.isPending}>
        Sign out
      </Button>
    </div>
  );
}

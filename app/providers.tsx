'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useThemeSync } from '@/components/layout/use-theme';
import { ApiError } from '@/lib/api/client';

/**
 * One retry, and only for failures that may pass: a cluster that timed out, refused the connection or is
 * not configured answers the same way a second later, and retrying would only delay the error panel
 * (polling views try again on their own interval anyway).
 */
function retryOnce(failureCount: number, error: Error): boolean {
  if (failureCount >= 1) return false;
  if (error instanceof ApiError) return error.code === 'network' || error.code === 'internal';
  return true;
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: retryOnce,
        staleTime: 5_000,
        // Polling views refresh on their own interval; refetching on every focus change only adds load.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  useThemeSync();
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

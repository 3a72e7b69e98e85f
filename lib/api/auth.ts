import { z } from 'zod';
import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import { AuthOptionsSchema, MeSchema, type LoginInput } from '@/lib/schemas/auth';

export const authApi = {
  options: (signal?: AbortSignal) => apiRequest(AuthOptionsSchema, apiPaths.authOptions(), { signal }),
  me: (signal?: AbortSignal) => apiRequest(MeSchema, apiPaths.me(), { signal }),
  login: (input: LoginInput) => apiRequest(MeSchema, apiPaths.login(), { method: 'POST', body: input }),
  logout: () => apiRequest(z.object({ ok: z.literal(true) }), apiPaths.logout(), { method: 'POST' }),
};

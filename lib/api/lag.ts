import { apiRequest } from '@/lib/api/client';
import type { LagRange } from '@/lib/chart/lag-window';
import { apiPaths } from '@/lib/paths';
import { LagSeriesListSchema } from '@/lib/schemas/lag-history';

/**
 * What one chart asks for: its series (API specs) and its window, either the last `range` up to
 * the moment each poll is sent, or a fixed zoom (`from` and `to`).
 */
export interface LagSeriesRequest {
  series: string[];
  range: LagRange;
  from?: number;
  to?: number;
}

export const lagApi = {
  series: (
    clusterId: string,
    query: { series: string[]; from: number; to: number; points?: number },
    signal?: AbortSignal,
  ) => apiRequest(LagSeriesListSchema, apiPaths.lagHistory(clusterId, query), { signal }),
};

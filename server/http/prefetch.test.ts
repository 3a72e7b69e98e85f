import { hydrate, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '@/lib/api/client';
import { reviveErrors } from '@/lib/query/hydration';
import { ANONYMOUS_ADMIN } from '@/server/auth/session';
import { AppError } from '@/server/http/app-error';
import { prefetchCluster, prefetchQueries } from '@/server/http/prefetch';
import { KafkaError } from '@/server/kafka';

const Schema = z.object({ name: z.string(), at: z.string() });

describe('prefetchQueries', () => {
  it('dehydrates what the API route would answer: through JSON and the schema, unknown fields dropped', async () => {
    const state = await prefetchQueries(ANONYMOUS_ADMIN, [
      {
        queryKey: ['k', 1],
        schema: Schema,
        load: async () => ({ name: 'orders', at: new Date(0), secret: 'never in the page' }),
      },
    ]);
    expect(state.queries).toHaveLength(1);
    expect(state.queries[0]!.queryKey).toEqual(['k', 1]);
    expect(state.queries[0]!.state.data).toEqual({ name: 'orders', at: '1970-01-01T00:00:00.000Z' });
    expect(JSON.stringify(state)).not.toContain('never in the page');
  });

  it('turns a failure into the route’s error answer, which the browser revives as the ApiError a fetch throws', async () => {
    const state = await prefetchQueries(ANONYMOUS_ADMIN, [
      {
        queryKey: ['down'],
        schema: Schema,
        load: async () => {
          throw new KafkaError('unavailable', 'cannot reach the cluster at 127.0.0.1:1');
        },
      },
      {
        queryKey: ['missing'],
        schema: Schema,
        load: () => Promise.reject(new AppError('not_found', 'No topic')),
      },
    ]);
    const [down, missing] = state.queries;
    expect(down!.state.status).toBe('error');
    // Plain data only: no stack, no cause, nothing of the server's error object.
    expect(down!.state.error).toEqual({
      code: 'broker_unavailable',
      status: 503,
      message: 'cannot reach the cluster at 127.0.0.1:1',
    });
    expect(missing!.state.error).toEqual({ code: 'not_found', status: 404, message: 'No topic' });

    const client = new QueryClient();
    hydrate(client, reviveErrors(JSON.parse(JSON.stringify(state))));
    const error = client.getQueryState(['down'])?.error;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'broker_unavailable', status: 503 });
  });
});

describe('prefetchCluster', () => {
  it('fails every query with the route’s 404 for a cluster that is not configured, without calling the service', async () => {
    let called = false;
    const state = await prefetchCluster(ANONYMOUS_ADMIN, 'no-such-cluster', [
      {
        queryKey: ['x'],
        schema: Schema,
        load: () => {
          called = true;
          return { name: 'x', at: 'y' };
        },
      },
    ]);
    expect(called).toBe(false);
    expect(state.queries[0]!.state.error).toEqual({
      code: 'not_found',
      status: 404,
      message: 'No cluster "no-such-cluster" is configured',
    });
  });

  it('refuses a topic name Kafka would never accept, as the routes do', async () => {
    const state = await prefetchCluster(
      ANONYMOUS_ADMIN,
      'local',
      [{ queryKey: ['t'], schema: Schema, load: () => ({}) }],
      {
        topic: '../bad',
      },
    );
    expect(state.queries[0]!.state.error).toMatchObject({ code: 'validation_failed', status: 400 });
  });
});

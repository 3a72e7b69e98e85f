import { describe, expect, it } from 'vitest';
import { ANONYMOUS_ADMIN, type Session } from '@/server/auth/session';
import {
  StreamLimitError,
  acquireStreamSlot,
  runningStreams,
  streamLimits,
} from '@/server/http/stream-slots';

const user = (username: string, via: Session['via'] = 'password'): Session => ({
  username,
  role: 'viewer',
  via,
  expiresAt: null,
});

describe('stream slots', () => {
  it('counts per user and in all, and a slot given back twice is given back once', () => {
    const limits = { perUser: 2, total: 3 };
    const a1 = acquireStreamSlot(user('ann'), limits);
    acquireStreamSlot(user('ann'), limits);
    expect(() => acquireStreamSlot(user('ann'), limits)).toThrow(/You have 2 .*\(2\)/);
    // The same name signed in through OIDC is someone else.
    const oidc = acquireStreamSlot(user('ann', 'oidc'), limits);
    expect(() => acquireStreamSlot(user('ben'), limits)).toThrow(
      /^3 searches and live tails are running.*\(3\)/,
    );
    a1();
    a1();
    expect(runningStreams(user('ann'))).toBe(1);
    expect(runningStreams()).toBe(2);
    const b = acquireStreamSlot(user('ben'), limits);
    expect(() => acquireStreamSlot(user('ann'), limits)).toThrow(
      expect.objectContaining({ code: 'too_many_requests', status: 429 }),
    );
    for (const release of [oidc, b]) release();
  });

  it('with login off, only the console-wide bound applies', () => {
    const before = runningStreams();
    const limits = { perUser: 1, total: before + 2 };
    const one = acquireStreamSlot(ANONYMOUS_ADMIN, limits);
    const two = acquireStreamSlot(ANONYMOUS_ADMIN, limits);
    expect(() => acquireStreamSlot(ANONYMOUS_ADMIN, limits)).toThrow(/the most this console runs at once/);
    one();
    two();
    expect(runningStreams()).toBe(before);
  });

  it('reads its bounds from the environment and refuses nonsense', () => {
    expect(streamLimits({})).toEqual({ perUser: 3, total: 20 });
    expect(streamLimits({ KAFKASCOPE_MAX_STREAMS_PER_USER: '5', KAFKASCOPE_MAX_STREAMS: '50' })).toEqual({
      perUser: 5,
      total: 50,
    });
    expect(() => streamLimits({ KAFKASCOPE_MAX_STREAMS: '0' })).toThrow(StreamLimitError);
    expect(() => streamLimits({ KAFKASCOPE_MAX_STREAMS_PER_USER: 'many' })).toThrow(
      /KAFKASCOPE_MAX_STREAMS_PER_USER: expected a positive whole number/,
    );
  });
});

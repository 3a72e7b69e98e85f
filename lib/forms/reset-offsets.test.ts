import { describe, expect, it } from 'vitest';
import { buildResetRequest, type ResetForm } from '@/lib/forms/reset-offsets';
import { toTimeInput } from '@/lib/format/time';

describe('reset requests', () => {
  const form: ResetForm = {
    scope: 'all',
    topic: 'orders',
    partitions: [],
    target: 'latest',
    timestamp: '',
    offset: '',
    shift: '',
  };

  it('builds each scope', () => {
    expect(buildResetRequest(form)).toEqual({ request: { target: { type: 'latest' } } });
    expect(buildResetRequest({ ...form, scope: 'topic' })).toEqual({
      request: { topic: 'orders', target: { type: 'latest' } },
    });
    expect(buildResetRequest({ ...form, scope: 'partitions', partitions: [2, 0, 2] })).toEqual({
      request: { topic: 'orders', partitions: [0, 2], target: { type: 'latest' } },
    });
    expect(buildResetRequest({ ...form, scope: 'partitions' })).toEqual({
      error: 'Choose at least one partition',
    });
  });

  it('reads the typed targets', () => {
    expect(buildResetRequest({ ...form, target: 'offset', offset: ' 42 ' })).toEqual({
      request: { target: { type: 'offset', offset: 42 } },
    });
    expect(buildResetRequest({ ...form, target: 'offset', offset: '-1' })).toHaveProperty('error');
    expect(buildResetRequest({ ...form, target: 'shift', shift: '+50' })).toEqual({
      request: { target: { type: 'shift', by: 50 } },
    });
    expect(buildResetRequest({ ...form, target: 'shift', shift: '-100' })).toEqual({
      request: { target: { type: 'shift', by: -100 } },
    });
    expect(buildResetRequest({ ...form, target: 'shift', shift: '0' })).toHaveProperty('error');
    expect(buildResetRequest({ ...form, target: 'timestamp', timestamp: '' })).toEqual({
      error: 'Enter a date and time, e.g. 2026-01-31 14:05',
    });
  });

  it('round-trips a local date and time', () => {
    const local = toTimeInput(Date.UTC(2026, 0, 31, 14, 5));
    const built = buildResetRequest({ ...form, target: 'timestamp', timestamp: local });
    expect(built).toEqual({
      request: { target: { type: 'timestamp', timestamp: Date.UTC(2026, 0, 31, 14, 5) } },
    });
  });
});

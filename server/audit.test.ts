import { afterEach, describe, expect, it, vi } from 'vitest';
import { audit } from '@/server/audit';

afterEach(() => vi.restoreAllMocks());

describe('audit log', () => {
  it('writes one JSON line with type "audit" on stdout', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    audit({
      user: 'ann',
      role: 'viewer',
      via: 'password',
      action: 'topic.delete',
      cluster: 'prod',
      topic: 'orders',
      result: 'forbidden',
      status: 403,
      durationMs: 3,
      ip: '10.0.0.1',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      type: 'audit',
      user: 'ann',
      role: 'viewer',
      action: 'topic.delete',
      cluster: 'prod',
      topic: 'orders',
      result: 'forbidden',
      status: 403,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });
});

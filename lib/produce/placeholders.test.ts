import { describe, expect, it } from 'vitest';
import { fillPlaceholders, fillSamplePlaceholders, formatJson, jsonError } from '@/lib/produce/placeholders';

describe('produce checks', () => {
  it('fills placeholders with sample values', () => {
    expect(fillSamplePlaceholders('{"n": {{i}}, "id": "{{uuid}}", "at": {{ now }}}')).toBe(
      '{"n": 0, "id": "00000000-0000-4000-8000-000000000000", "at": 0}',
    );
  });

  it('fills what the server sends: the index, epoch milliseconds and a UUID per occurrence', () => {
    let n = 0;
    const values = { i: 7, now: 1718000000000, uuid: () => `u${n++}` };
    expect(fillPlaceholders('{{i}}-{{ i }}-{{now}}-{{uuid}}-{{ uuid }}', values)).toBe(
      '7-7-1718000000000-u0-u1',
    );
    // Only the three names are placeholders; anything else stays as written.
    expect(fillPlaceholders('{{name}} {{i} {{  now  }}', values)).toBe('{{name}} {{i} 1718000000000');
  });

  it('accepts templated JSON and reports invalid JSON', () => {
    expect(jsonError('{"n": {{i}}}')).toBeNull();
    expect(jsonError('{"ts": {{now}}, "n": {{ i }}}')).toBeNull();
    expect(jsonError('{"id": {{uuid}}}')).toMatch(/^Invalid JSON/);
    expect(jsonError('{"n": }')).toMatch(/^Invalid JSON/);
  });

  it('pretty-prints JSON', () => {
    expect(formatJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(formatJson('nope')).toBeNull();
  });
});

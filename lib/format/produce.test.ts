import { describe, expect, it } from 'vitest';
import { fillSamplePlaceholders, formatJson, jsonError } from '@/lib/format/produce';

describe('produce checks', () => {
  it('fills placeholders with sample values', () => {
    expect(fillSamplePlaceholders('{"n": {{i}}, "id": "{{uuid}}", "at": {{ now }}}')).toBe(
      '{"n": 0, "id": "00000000-0000-4000-8000-000000000000", "at": 0}',
    );
  });

  it('accepts templated JSON and reports invalid JSON', () => {
    expect(jsonError('{"n": {{i}}}')).toBeNull();
    expect(jsonError('{"n": }')).toMatch(/^Invalid JSON/);
  });

  it('pretty-prints JSON', () => {
    expect(formatJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(formatJson('nope')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { diffStats, foldUnchanged, lineDiff } from '@/lib/format/line-diff';

const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}`);

describe('lineDiff', () => {
  it('numbers each line on its side', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc\nd\n')).toEqual([
      { kind: 'same', oldLine: 1, newLine: 1, text: 'a' },
      { kind: 'removed', oldLine: 2, newLine: null, text: 'b' },
      { kind: 'added', oldLine: null, newLine: 2, text: 'B' },
      // The last line without its newline is the same line as one followed by more.
      { kind: 'same', oldLine: 3, newLine: 3, text: 'c' },
      { kind: 'added', oldLine: null, newLine: 4, text: 'd' },
    ]);
  });

  it('finds nothing between equal texts, and everything against an empty one', () => {
    expect(diffStats(lineDiff('x\ny', 'x\ny'))).toEqual({ added: 0, removed: 0 });
    expect(diffStats(lineDiff('', 'x\ny'))).toEqual({ added: 2, removed: 0 });
  });
});

describe('foldUnchanged', () => {
  it('keeps the context around a change and folds the rest', () => {
    const before = lines(20).join('\n');
    const after = [...lines(10), 'changed', ...lines(9, 12)].join('\n');
    const items = foldUnchanged(lineDiff(before, after), 3);
    const folds = items.filter((i) => i.fold);
    expect(folds.map((f) => (f.fold ? f.rows.length : 0))).toEqual([7, 6]);
    const shown = items.flatMap((i) => (i.fold ? [] : [i.row.text]));
    expect(shown).toEqual([
      'line 8',
      'line 9',
      'line 10',
      'line 11',
      'changed',
      'line 12',
      'line 13',
      'line 14',
    ]);
  });

  it('does not fold a single line', () => {
    const before = lines(8).join('\n');
    const after = [...lines(3), 'x', ...lines(4, 5)].join('\n');
    expect(foldUnchanged(lineDiff(before, after), 3).every((i) => !i.fold)).toBe(true);
  });
});

import { diffLines } from 'diff';

/**
 * A line diff of two texts (jsdiff's Myers diff by lines), as rows to draw: each line once, with its
 * number on the old side, the new side, or both. Used for schema versions, which are short texts.
 */
export interface DiffRow {
  kind: 'same' | 'added' | 'removed';
  /** Line number in the old text; null for an added line. */
  oldLine: number | null;
  /** Line number in the new text; null for a removed line. */
  newLine: number | null;
  text: string;
}

/** A run of unchanged lines folded away, or a row shown. */
export type DiffItem = { fold: false; row: DiffRow } | { fold: true; rows: DiffRow[] };

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  // A change's value ends with its last newline: no empty line after it.
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Ends with a newline: a last line without one would differ from the same line followed by more. */
const terminated = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

export function lineDiff(before: string, after: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const change of diffLines(terminated(before), terminated(after))) {
    for (const text of splitLines(change.value)) {
      if (change.added) rows.push({ kind: 'added', oldLine: null, newLine: newLine++, text });
      else if (change.removed) rows.push({ kind: 'removed', oldLine: oldLine++, newLine: null, text });
      else rows.push({ kind: 'same', oldLine: oldLine++, newLine: newLine++, text });
    }
  }
  return rows;
}

/** Lines added and removed. */
export function diffStats(rows: DiffRow[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const row of rows) {
    if (row.kind === 'added') added++;
    else if (row.kind === 'removed') removed++;
  }
  return { added, removed };
}

/**
 * The rows with every run of unchanged lines longer than `2 * context` folded, keeping `context` lines
 * next to each change (as `diff -U`); a fold of a single line is not worth it and stays shown.
 */
export function foldUnchanged(rows: DiffRow[], context = 3): DiffItem[] {
  const items: DiffItem[] = [];
  let i = 0;
  while (i < rows.length) {
    if (rows[i]!.kind !== 'same') {
      items.push({ fold: false, row: rows[i]! });
      i++;
      continue;
    }
    let end = i;
    while (end < rows.length && rows[end]!.kind === 'same') end++;
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = end === rows.length ? 0 : context;
    const run = rows.slice(i, end);
    if (run.length - keepBefore - keepAfter > 1) {
      for (const row of run.slice(0, keepBefore)) items.push({ fold: false, row });
      items.push({ fold: true, rows: run.slice(keepBefore, run.length - keepAfter) });
      for (const row of run.slice(run.length - keepAfter)) items.push({ fold: false, row });
    } else {
      for (const row of run) items.push({ fold: false, row });
    }
    i = end;
  }
  return items;
}

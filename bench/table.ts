/**
 * One table of figures with a column per app (checkout) measured, and the ratio of the last app to the
 * first: bench/views.ts prints it, and any module that measures the same apps (browser pages, server
 * memory) returns its figures as more rows of it.
 */

export interface Row {
  /** What was measured, e.g. `topics list, page 1 (warm)`. */
  view: string;
  /** The cluster shape it was measured on, e.g. `2,000 topics x 6 (RF 3)`. */
  shape: string;
  /** One figure per app, in the order of the apps; null where it could not be measured. */
  values: (number | null)[];
  /** `ms`, `MiB`, `msg/s`, … */
  unit: string;
  /** Kafka requests of the answer, per app (the `x-kafka-requests` header, or counted otherwise). */
  requests?: (number | null)[];
}

/** A heading line between blocks of rows. */
export interface Section {
  section: string;
}

const fmt = (n: number | null | undefined, unit = '') =>
  n === null || n === undefined
    ? '-'
    : `${n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ''}`;

/** Prints rows (and section headings) as one aligned table: view, shape, a column per app, ratio, requests. */
export function printTable(labels: string[], rows: (Row | Section)[]): void {
  const ratio = labels.length > 1;
  const header = [
    'view',
    'shape',
    ...labels,
    ...(ratio ? [`${labels.at(-1)}/${labels[0]}`] : []),
    `kafka requests (${labels.join(' / ')})`,
  ];
  const lines: (string[] | string)[] = [header];
  for (const row of rows) {
    if ('section' in row) {
      lines.push(row.section);
      continue;
    }
    const first = row.values[0];
    const last = row.values.at(-1);
    lines.push([
      row.view,
      row.shape,
      ...row.values.map((v) => fmt(v, row.unit)),
      ...(ratio ? [first && last !== null && last !== undefined ? (last / first).toFixed(2) : '-'] : []),
      row.requests ? row.requests.map((r) => (r === null ? '-' : String(r))).join(' / ') : '',
    ]);
  }
  const widths = header.map((_, i) =>
    Math.max(...lines.filter((l) => typeof l !== 'string').map((l) => (l as string[])[i]!.length)),
  );
  const text = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const total = widths.reduce((s, w) => s + w + 2, -2);
  console.log(text(header));
  console.log('-'.repeat(total));
  for (const line of lines.slice(1)) console.log(typeof line === 'string' ? `-- ${line}` : text(line));
}

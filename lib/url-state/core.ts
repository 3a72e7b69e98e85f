import { z } from 'zod';

/**
 * Screen state kept in the address, one view at a time: each view is a zod schema per search param,
 * reading the param's text (undefined when absent) into its value, with the default and the bounds
 * in the schema. A value that does not pass falls back to the default on its own, so one hand-edited
 * param never breaks a view nor discards the others.
 */
type Shape = Record<string, z.ZodType>;
type Values<S extends Shape> = z.output<z.ZodObject<S>>;

/** What the address holds: a param's text, or null to leave it out (what it reads as when absent). */
export type Search = Record<string, string | null>;

export interface UrlView<T> {
  /** The params, in the order they are written. */
  readonly keys: ReadonlyArray<keyof T & string>;
  /** The state of an address without any of the view's params. */
  readonly defaults: T;
  /** What each param reads as when absent; a value equal to it leaves the param out. */
  readonly absent: Readonly<Record<string, unknown>>;
  readonly read: (raw: Readonly<Record<string, string | undefined>>) => T;
}

/**
 * A view from its params, each with a default (`.default()` or `.optional()`). `settle`, when
 * given, applies what ties params together (a start that needs an offset), after each is read.
 */
export function defineView<S extends Shape, T = Values<S>>(shape: S, settle?: (values: Values<S>) => T) {
  const params = Object.entries(shape).map(([key, schema]) => {
    const absent: unknown = schema.parse(undefined);
    return { key, absent, schema: schema.catch(absent) };
  });
  const read = (raw: Readonly<Record<string, string | undefined>>): T => {
    const values = Object.fromEntries(params.map((p) => [p.key, p.schema.parse(raw[p.key])])) as Values<S>;
    return settle ? settle(values) : (values as unknown as T);
  };
  const view: UrlView<T> = {
    keys: params.map((p) => p.key as keyof T & string),
    absent: Object.fromEntries(params.map((p) => [p.key, p.absent])),
    read,
    defaults: read({}),
  };
  return view;
}

/** The view's state in an address (`URLSearchParams`, Next's `useSearchParams()`). */
export function parseUrlState<T>(view: UrlView<T>, search: { get(key: string): string | null }): T {
  return view.read(Object.fromEntries(view.keys.map((key) => [key, search.get(key) ?? undefined])));
}

/**
 * The params of a patch of the view's state, in the view's order: only the keys the patch holds, so it
 * can be laid over an address; null (leave out) where a value is what the param reads as when absent.
 * Lists are written comma-separated, a comma or a percent sign inside an item escaped as `%2C` and
 * `%25` (`listItems` reads them back), so that an item may hold any text, a group id for one.
 */
export function serializeUrlState<T>(view: UrlView<T>, patch: Partial<T>): Search {
  const out: Search = {};
  for (const key of view.keys) {
    if (!(key in patch)) continue;
    const text = write(patch[key]);
    out[key] = text === '' || text === write(view.absent[key]) ? null : text;
  }
  return out;
}

function write(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value)
    ? value.map((item) => String(item).replace(/[%,]/g, (c) => (c === ',' ? '%2C' : '%25'))).join(',')
    : String(value);
}

/** The items of a list param as `serializeUrlState` writes them: split at commas, then unescaped. */
export function listItems(text: string): string[] {
  return text.split(',').map((item) => item.replace(/%(25|2C)/gi, (m) => (m === '%25' ? '%' : ',')));
}

/** `?a=1&b=2` of the params that are set, or '' when none is. */
export function toSearch(search: Readonly<Record<string, string | number | null | undefined>> = {}): string {
  const entries = Object.entries(search).flatMap(([key, value]) =>
    value === null || value === undefined || value === '' ? [] : [[key, String(value)]],
  );
  const text = new URLSearchParams(entries).toString();
  return text ? `?${text}` : '';
}

/** A page's `searchParams` (Next's server props) read as `useSearchParams()` reads the address: a repeated param by its first value. */
export function searchOf(params: Readonly<Record<string, string | string[] | undefined>>): {
  get(key: string): string | null;
} {
  return {
    get: (key) => {
      const value = params[key];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

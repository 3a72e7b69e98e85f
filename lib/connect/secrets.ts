/**
 * A Connect worker's REST API answers a connector's config as it was written, passwords included.
 * The console shows the values of secret settings as HIDDEN: those the plugin declares of type
 * PASSWORD, and those whose names say they hold one (a converter's, a transform's or a client
 * override's, which the plugin's definition does not list). A ConfigProvider reference
 * (`${file:/secrets:db-password}`) names where a secret is, not the secret: it stays visible. An
 * edit that sends HIDDEN back keeps the stored value.
 */
export const HIDDEN = '[hidden]';

const SECRET_NAME =
  /(^|[._-])(password|passwd|pwd|secret|token|credentials?|jaas\.config|api[._-]?key|private[._-]?key|access[._-]?key|secret[._-]?key|user\.info|bearer)([._-]|$)/i;

export function isSecretKey(key: string, passwordKeys: ReadonlySet<string>): boolean {
  return passwordKeys.has(key) || SECRET_NAME.test(key);
}

const isReference = (value: string) => /^\$\{[^}]+\}$/.test(value.trim());

/** The config as the browser may see it. */
export function maskConfig(
  config: Record<string, string>,
  passwordKeys: ReadonlySet<string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [
      k,
      isSecretKey(k, passwordKeys) && v !== '' && !isReference(v) ? HIDDEN : v,
    ]),
  );
}

/**
 * An edited config with every HIDDEN value put back from the stored one. Null names a key sent as
 * HIDDEN that has no stored value (nothing to keep).
 */
export function unmaskConfig(
  edited: Record<string, string>,
  stored: Record<string, string>,
): { config: Record<string, string>; missing: string | null } {
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(edited)) {
    if (v !== HIDDEN) config[k] = v;
    else if (k in stored) config[k] = stored[k]!;
    else return { config, missing: k };
  }
  return { config, missing: null };
}

const SECRET_ASSIGNMENT = /([A-Za-z][A-Za-z0-9_.-]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&)}\]"']+)/g;
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^@\s/]+@/gi;

/**
 * Text a worker wrote (a task's trace, an error message) as the browser may see it: the value of a
 * setting named like a secret (`password=…`, `api.key: …`) and the password of a URL
 * (`jdbc:postgresql://u:p@db/x`) show as HIDDEN. Traces quote configs and connection strings.
 */
export function maskText(text: string): string {
  return text
    .replace(URL_PASSWORD, `$1${HIDDEN}@`)
    .replace(SECRET_ASSIGNMENT, (all, key: string, sep: string, value: string) =>
      SECRET_NAME.test(key) && !isReference(value.replace(/^["']|["']$/g, '')) && value !== HIDDEN
        ? `${key}${sep}${HIDDEN}`
        : all,
    );
}

type JsonMap = Record<string, unknown>;

function maskMap(map: JsonMap): JsonMap {
  return Object.fromEntries(
    Object.entries(map).map(([k, v]) => {
      if (typeof v !== 'string') return [k, v];
      if (SECRET_NAME.test(k) && v !== '' && !isReference(v)) return [k, HIDDEN];
      return [k, maskText(v)];
    }),
  );
}

/**
 * A connector's offsets as the browser may see them: a source's partition and offset maps are the
 * connector's own (a JDBC source may keep a connection string there), so values named like secrets
 * and URL passwords are hidden as in a config.
 */
export function maskOffsets<T extends { partition: JsonMap; offset: JsonMap | null }>(offsets: T[]): T[] {
  return offsets.map((o) => ({
    ...o,
    partition: maskMap(o.partition),
    offset: o.offset === null ? null : maskMap(o.offset),
  }));
}

/** One text per partition map, whatever the order of its keys (to match a partition). */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as JsonMap).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * Offsets edited from what maskOffsets showed, with every hidden value put back from the stored
 * ones: a partition is the stored partition it was shown as; a HIDDEN offset value is the stored
 * offset's value under that key. `missing` describes an entry with a HIDDEN value nothing stored
 * matches (then nothing may be sent).
 */
export function unmaskOffsets<T extends { partition: JsonMap; offset: JsonMap | null }>(
  edited: T[],
  stored: T[],
): { offsets: T[]; missing: string | null } {
  const shown = new Map(stored.map((s) => [canonical(maskMap(s.partition)), s]));
  const offsets: T[] = [];
  for (const entry of edited) {
    const hasHidden = (m: JsonMap | null) =>
      m !== null && Object.values(m).some((v) => typeof v === 'string' && v.includes(HIDDEN));
    let source = entry;
    if (hasHidden(entry.partition) || hasHidden(entry.offset)) {
      const match = shown.get(canonical(entry.partition));
      if (!match) return { offsets, missing: `partition ${canonical(entry.partition)}` };
      const offset =
        entry.offset === null
          ? null
          : Object.fromEntries(
              Object.entries(entry.offset).map(([k, v]) => [
                k,
                typeof v === 'string' && v.includes(HIDDEN) ? match.offset?.[k] : v,
              ]),
            );
      if (offset && Object.values(offset).includes(undefined))
        return { offsets, missing: `an offset of partition ${canonical(entry.partition)}` };
      source = { ...entry, partition: match.partition, offset };
    }
    offsets.push(source);
  }
  return { offsets, missing: null };
}

/**
 * A Connect worker's REST API answers a connector's config as it was written, passwords included,
 * and its traces may quote them ("Invalid value hunter2 for configuration …"). The console shows
 * the values of secret settings as HIDDEN: those the plugin declares of type PASSWORD, and those
 * whose names say they hold one (a converter's, a transform's or a client override's, which the
 * plugin's definition does not list). When the plugin's definition cannot be read, every value
 * but those of the framework's own settings is hidden, since any could be a declared password.
 * The password of a URL (`mongodb://user:pw@host`, `…?password=pw`) is hidden in any value. A
 * ConfigProvider reference (`${file:/secrets:db-password}`) names where a secret is, not the
 * secret: it stays visible. An edit that sends a value back as it was shown keeps the stored value.
 */
export const HIDDEN = '[hidden]';

const SECRET_NAME =
  /(^|[._-])(password|passwd|pwd|secret|token|credentials?$|jaas\.config|api[._-]?key|private[._-]?key|access[._-]?key|secret[._-]?key|keystore\.key|sas[._-]?key|user\.info|bearer)([._-]|$)|(^|[._-])key$/i;

/** Settings of the Connect framework itself, which no plugin declares as a password. */
const FRAMEWORK_KEYS =
  /^(name|connector\.class|tasks\.max|topics|topics\.regex|topic|(key|value|header)\.converter|(key|value|header)\.converter\.schemas\.enable|transforms|predicates|errors\.[a-z.]+|config\.action\.reload|exactly\.once\.support|transaction\.boundary|offsets\.storage\.topic)$/;

/** Which settings are secret: declared PASSWORD ones, or null when the plugin's definition is unknown. */
export type PasswordKeys = ReadonlySet<string> | null;

export function isSecretKey(key: string, passwordKeys: PasswordKeys): boolean {
  if (SECRET_NAME.test(key)) return true;
  return passwordKeys === null ? !FRAMEWORK_KEYS.test(key) : passwordKeys.has(key);
}

const isReference = (value: string) => /^\$\{[^}]+\}$/.test(value.trim());

// `scheme://user:password@` and `password=…` in a query string or a JDBC URL's properties.
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)([^\s@/]+)@/gi;
const PARAM_PASSWORD = /([?&;](?:password|pwd|passwd|secret|token)=)([^&;\s"']+)/gi;

/** The text with URL passwords hidden. */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_PASSWORD, `$1${HIDDEN}@`).replace(PARAM_PASSWORD, `$1${HIDDEN}`);
}

/** A setting's value as the browser may see it. */
export function maskValue(key: string, value: string, passwordKeys: PasswordKeys): string {
  if (value === '' || isReference(value)) return value;
  return isSecretKey(key, passwordKeys) ? HIDDEN : maskUrlCredentials(value);
}

/** The config as the browser may see it. */
export function maskConfig(
  config: Record<string, string>,
  passwordKeys: PasswordKeys,
): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, maskValue(k, v, passwordKeys)]));
}

/** The secret values a config holds (whole secret settings and URL passwords), longest first. */
export function secretValues(config: Record<string, string>, passwordKeys: PasswordKeys): string[] {
  const found = new Set<string>();
  for (const [k, v] of Object.entries(config)) {
    if (v === '' || isReference(v)) continue;
    if (isSecretKey(k, passwordKeys)) found.add(v);
    for (const m of v.matchAll(URL_PASSWORD)) found.add(m[2]!);
    for (const m of v.matchAll(PARAM_PASSWORD)) found.add(m[2]!);
  }
  // A value of one or two characters would blank out common text; it is hidden in the config all the same.
  return [...found].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
}

/**
 * A worker's text (a trace, an error message) with the given secrets (a config's, secretValues)
 * hidden wherever they appear, then as maskText hides settings and URLs.
 */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(HIDDEN);
  return maskText(out);
}

/**
 * An edited config with every value sent back as it was shown (HIDDEN, or a URL with its password
 * hidden) put back from the stored one. `missing` names a key whose value still holds HIDDEN but
 * not as it was shown (or has nothing stored): its whole value must be entered.
 */
export function unmaskConfig(
  edited: Record<string, string>,
  stored: Record<string, string>,
  passwordKeys: PasswordKeys,
): { config: Record<string, string>; missing: string | null } {
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(edited)) {
    if (!v.includes(HIDDEN)) config[k] = v;
    else if (k in stored && maskValue(k, stored[k]!, passwordKeys) === v) config[k] = stored[k]!;
    else if (k in stored && v === HIDDEN) config[k] = stored[k]!;
    else return { config, missing: k };
  }
  return { config, missing: null };
}

const SECRET_ASSIGNMENT = /([A-Za-z][A-Za-z0-9_.-]*)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&)}\]"']+)/g;

/**
 * Text a worker wrote (a task's trace, an error message) as the browser may see it: the value of a
 * setting named like a secret (`password=…`, `api.key: …`) and the password of a URL
 * (`jdbc:postgresql://u:p@db/x`) show as HIDDEN. Traces quote configs and connection strings.
 */
export function maskText(text: string): string {
  return maskUrlCredentials(text).replace(
    SECRET_ASSIGNMENT,
    (all, key: string, sep: string, value: string) =>
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

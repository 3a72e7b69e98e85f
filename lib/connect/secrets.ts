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

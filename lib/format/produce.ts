/** Client-side checks of a message to produce, before the server sees it. */

const samples: Record<string, string> = { i: '0', now: '0', uuid: '00000000-0000-4000-8000-000000000000' };

/** Fills `{{i}}`, `{{uuid}}` and `{{now}}` with sample values, so a templated value can be checked. */
export function fillSamplePlaceholders(text: string): string {
  return text.replace(/\{\{\s*(i|uuid|now)\s*\}\}/g, (_, name: string) => samples[name] ?? '');
}

/** Null when the value is valid JSON once its placeholders are filled, else the parser's complaint. */
export function jsonError(value: string): string | null {
  try {
    JSON.parse(fillSamplePlaceholders(value));
    return null;
  } catch (error) {
    return `Invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Pretty-printed JSON, or null when the text is not JSON as it stands (placeholders included). */
export function formatJson(value: string): string | null {
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return null;
  }
}

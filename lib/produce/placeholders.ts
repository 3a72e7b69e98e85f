/**
 * The placeholder grammar of produced messages, one implementation for the dialog's check, its
 * preview and the server: `{{i}}`, `{{uuid}}` and `{{now}}`, spaces allowed inside the braces
 * (`{{ i }}`). Any other `{{…}}` is left as written.
 */
const PLACEHOLDER = /\{\{\s*(i|uuid|now)\s*\}\}/g;

export interface PlaceholderValues {
  /** The message's index in the send, from 0. */
  i: number;
  /** The send's time in epoch milliseconds, the same for every message of one send. */
  now: number;
  /** A fresh value per occurrence. */
  uuid: () => string;
}

/** What each placeholder becomes, for the help text. */
export const PLACEHOLDER_HELP: { name: string; becomes: string }[] = [
  { name: '{{i}}', becomes: "the message's index: 0, 1, 2… up to count − 1" },
  { name: '{{now}}', becomes: 'the send time in epoch milliseconds, a bare number (e.g. 1718000000000)' },
  { name: '{{uuid}}', becomes: 'a random UUID v4, new at each occurrence, without quotes' },
];

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (_, name: string) =>
    name === 'i' ? String(values.i) : name === 'now' ? String(values.now) : values.uuid(),
  );
}

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

/** Fills the placeholders with values of the same shape as the real ones, so a templated value can be checked. */
export function fillSamplePlaceholders(text: string): string {
  return fillPlaceholders(text, { i: 0, now: 0, uuid: () => SAMPLE_UUID });
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

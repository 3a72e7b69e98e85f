import 'server-only';
import { Environment } from '@marcbachmann/cel-js';
import type { FetchedRecord } from '@/server/kafka/fetch';
import { AppError } from '@/server/http/app-error';

/**
 * Filters for search and tail. `q` is plain text; `filter` is CEL, evaluated by an interpreter:
 * user input is never handed to eval, new Function or node:vm.
 */
export interface RecordFilter {
  (partition: number, record: FetchedRecord): boolean;
}

const utf8 = (buffer: Buffer | null | undefined) => (buffer ? buffer.toString('utf8') : '');

function headerMap(record: FetchedRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of record.headers) if (!(h.key in out)) out[h.key] = utf8(h.value);
  return out;
}

export function compileFilter(q: string, filter: string): RecordFilter {
  const needle = q.trim();
  let program: ((context: Record<string, unknown>) => unknown) | null = null;
  const usesJson = /\bjson\b/.test(filter);
  if (filter.trim()) {
    try {
      // Declared variables: a typo or a non-boolean filter is refused before the scan starts.
      const env = new Environment()
        .registerVariable('key', 'string')
        .registerVariable('value', 'string')
        .registerVariable('headers', 'map<string, string>')
        .registerVariable('partition', 'int')
        .registerVariable('offset', 'int')
        .registerVariable('timestamp', 'int')
        .registerVariable('size', 'int')
        .registerVariable('json', 'dyn');
      const checked = env.check(filter);
      if (!checked.valid) throw checked.error ?? new Error('invalid expression');
      if (checked.type !== 'bool' && checked.type !== 'dyn')
        throw new Error(`the expression gives a ${checked.type}, not true or false`);
      const parsed = env.parse(filter);
      program = (context) => parsed(context);
    } catch (error) {
      throw new AppError('validation_failed', `Filter: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return (partition, record) => {
    const key = utf8(record.key);
    const value = utf8(record.value);
    const headers = headerMap(record);
    if (
      needle &&
      !key.includes(needle) &&
      !value.includes(needle) &&
      !Object.values(headers).some((h) => h.includes(needle))
    ) {
      return false;
    }
    if (!program) return true;
    let json: unknown = null;
    if (usesJson) {
      try {
        json = JSON.parse(value);
      } catch {
        json = null;
      }
    }
    try {
      const result = program({
        key,
        value,
        headers,
        partition: BigInt(partition),
        offset: BigInt(record.offset),
        timestamp: BigInt(record.timestamp),
        size: BigInt((record.value?.length ?? 0) + (record.key?.length ?? 0)),
        json,
      });
      return result === true;
    } catch {
      return false; // a field missing in this message: it does not match
    }
  };
}

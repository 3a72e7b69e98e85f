import 'server-only';
import { readFileSync } from 'node:fs';
import { LineCounter, YAMLError, parse } from 'yaml';

/**
 * Reads and parses a YAML file; the error says where it went wrong, never what is written there. The
 * yaml library's own messages quote the offending line, and in a config file that line may hold a
 * password: only the error code and the line and column leave this function.
 */
export function readYamlFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read config file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const lineCounter = new LineCounter();
  try {
    return parse(text, { prettyErrors: false, lineCounter });
  } catch (error) {
    if (!(error instanceof YAMLError)) throw new Error(`Cannot parse config file ${file}`);
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new Error(`Config file ${file} is not valid YAML: ${error.code} at line ${line}, column ${col}`);
  }
}

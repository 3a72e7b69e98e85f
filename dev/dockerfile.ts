import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One instruction of a Dockerfile stage, continuation lines joined. */
export interface Instruction {
  op: string;
  args: string;
}

export interface Stage {
  name: string;
  instructions: Instruction[];
}

// Both test runners (vitest, Playwright) run from the repository root.
export const REPO_ROOT = process.cwd();

/** Just enough of the Dockerfile grammar for what our tests check: stages, ENV, COPY, WORKDIR, CMD. */
export function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  // ARGs before the first FROM (the base image's tag) land in a stage of their own, named "global".
  const stages: Stage[] = [{ name: 'global', instructions: [] }];
  for (const line of lines) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') {
      stages.push({ name: /\bAS\s+(\S+)/i.exec(args)?.[1] ?? String(stages.length), instructions: [] });
    } else {
      stages.at(-1)!.instructions.push({ op: op.toUpperCase(), args: args.replace(/\s+/g, ' ') });
    }
  }
  return stages[0]!.instructions.length > 0 ? stages : stages.slice(1);
}

export function readDockerfile(): Stage[] {
  return parseDockerfile(readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8'));
}

export const args = (stage: Stage, op: string) =>
  stage.instructions.filter((i) => i.op === op).map((i) => i.args);

/** `ENV A=1 B=2` lines of a stage as one record. */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of args(stage, 'ENV')) {
    for (const [, key, value] of line.matchAll(/(\w+)=("[^"]*"|\S+)/g))
      env[key!] = value!.replace(/^"|"$/g, '');
  }
  return env;
}

/** The stage's working directory after its last WORKDIR. */
export const workdirOf = (stage: Stage) => args(stage, 'WORKDIR').at(-1) ?? '/';

export interface Copy {
  from: string | null;
  sources: string[];
  destination: string;
}

export function copiesOf(stage: Stage): Copy[] {
  return args(stage, 'COPY').map((line) => {
    const words = line.split(' ');
    const flags = words.filter((w) => w.startsWith('--'));
    const paths = words.filter((w) => !w.startsWith('--'));
    const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length) ?? null;
    return { from, sources: paths.slice(0, -1), destination: paths.at(-1)! };
  });
}

/** Exec-form CMD as its argument list. */
export const cmdOf = (stage: Stage): string[] => JSON.parse(args(stage, 'CMD').at(-1) ?? '[]');

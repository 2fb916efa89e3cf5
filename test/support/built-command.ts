// The built command as a child process, as users run it: its exit code, stdout and stderr.
import { spawnSync } from 'node:child_process';
import { CLI, ROOT } from './paths.js';

export interface BuiltRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBuiltCommand(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): BuiltRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The command run in-process, its stdout and stderr captured: faster than a child process, same code path.
import { vi } from 'vitest';
import { main, mainAsync } from '../../src/cli/run.js';

export function runCommand(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    return { code: main(argv), stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** The same through mainAsync, as the installed command runs: for commands that run asynchronously (export). */
export async function runCommandAsync(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    return { code: await mainAsync(argv), stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

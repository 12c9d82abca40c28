// Running a program without blocking: validators (epubcheck, Ace) and the CLI in tests take seconds to
// minutes, and a process that waits for them with spawnSync can answer nothing else meanwhile (a test
// runner's worker then misses its own heartbeats: vitest's "Timeout calling onTaskUpdate").
import { spawn } from 'node:child_process';

export interface RunResult {
  /** Exit code; null when the program was killed (timeout) or did not start. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Why it did not start or was stopped. */
  error?: Error;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the program is killed (none by default). */
  timeout?: number;
  /** Bytes written to the program's standard input (closed at once otherwise). */
  input?: Uint8Array;
}

export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (options.input && child.stdin) {
      // A program that exits before reading all of it closes the pipe: its exit status tells what happened.
      child.stdin.on('error', () => {});
      child.stdin.end(options.input);
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let error: Error | undefined;
    const timer = options.timeout ? setTimeout(() => { error = new Error(`${command} timed out after ${options.timeout! / 1000} s`); child.kill('SIGKILL'); }, options.timeout) : undefined;
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => { error = e; });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: error ? null : code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), error });
    });
  });
}

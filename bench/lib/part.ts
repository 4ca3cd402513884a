import type { PartResult } from './table.ts';

/** A benchmark: runs, then returns its rows for the table. Register it in bench/run.ts. */
export interface Part {
  name: string;
  describe: string;
  run(): Promise<PartResult>;
}

/** Progress goes to stderr, so that stdout carries only the report. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** A positive number from the environment, or the default; a wrong value stops the bench. */
export function numberFromEnv(name: string, fallback: number, options: { integer?: boolean } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (options.integer && !Number.isInteger(value))) {
    throw new Error(
      `${name}=${JSON.stringify(raw)}: expected a positive ${options.integer ? 'integer' : 'number'}`,
    );
  }
  return value;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

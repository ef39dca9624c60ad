/** The streams a command uses, passed in so tests can run commands in-process. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** A usage or file problem: exit 2 with a one-line reason. */
export class UsageError extends Error {}

export type Command = (argv: string[], io: Io) => Promise<number>;

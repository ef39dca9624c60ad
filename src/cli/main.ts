/** `interlock`: dispatches to one module per command. */
import { Io, UsageError, Command } from './io';

const HELP = `interlock: check alignment matrices in Excel workbooks

Usage:
  interlock validate <file.xlsx|folder>... [--out <file|dir>] [--in-place] [--json]
                     [--fail-on error|warning|never]
  interlock analyze [text...] [--json]     statements as arguments, or one per line on stdin
  interlock clear <file.xlsx> [--out <file>] [--in-place]
                                           remove everything Interlock wrote
  interlock init <file.xlsx>               write a starter matrix
  interlock --help | --version

Exit codes: 0 nothing at the --fail-on level, 1 something is, 2 usage or file problem.
`;

const COMMANDS: Record<string, () => Command> = {
  analyze: () => require('./analyze').run as Command,
  validate: () => require('./validate').run as Command,
  clear: () => require('./clear').run as Command,
  init: () => require('./init').run as Command,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    io.stdout.write(`${require('../../package.json').version}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`interlock: unknown command "${name}". Run \`interlock --help\`.\n`);
    return 2;
  }
  let command: Command;
  try {
    command = load();
  } catch {
    io.stderr.write(`interlock: the "${name}" command is not available in this build.\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`interlock ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

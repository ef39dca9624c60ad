/** `interlock`: dispatches to one module per command. */
import { Io, UsageError, Command } from './io';

const USAGE: Record<string, string> = {
  validate: `  interlock validate <file.xlsx|folder>... [options]
      Checks each workbook's alignment matrix, writes the validated copy and prints the report.
      --out <file|dir>      where the validated copy goes (default <name>.validated.xlsx beside it)
      --in-place            write into the file itself, keeping <name>.backup.xlsx
      --no-write            check only, write nothing
      --json                one JSON document on stdout (an array for several files)
      --fail-on <level>     error (default), warning or never: when to exit 1
      --range <ref>         the matrix, e.g. 'Plan FY27'!B5:L21, instead of finding it
      --cascade <which>     all (default): a cascade sheet per department; existing: refresh
                            only those already there; none: leave cascade sheets as they are
      --quiet               only the one-line summary per file
`,
  analyze: `  interlock analyze [text...] [--json]
      Checks statements given as arguments, or one per line on stdin.
`,
  clear: `  interlock clear <file.xlsx> [--out <file>] [--in-place] [--all]
      Removes everything Interlock wrote. Cascade sheets holding rows people typed are kept
      unless --all is given.
`,
  init: `  interlock init <file.xlsx>
      Writes a starter matrix in the layout Interlock reads (never overwrites a file).
`,
};

const HELP = `interlock: check alignment matrices in Excel workbooks

Usage:
${Object.values(USAGE).join('')}  interlock --help | --version

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
    io.stdout.write(`${require('../../package.json').version}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`interlock: unknown command "${name}". Run \`interlock --help\`.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`Usage:\n${USAGE[name]}`);
    return 0;
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

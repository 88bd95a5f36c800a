/** The program's options that take a value: the word after them is not the command. */
const VALUE_OPTIONS = new Set(["-f", "--file", "--today"]);

/**
 * The first word of `argv` that is neither an option nor an option's value: the command a
 * command line runs, if it names one. Its own module, with no imports, because the start-up
 * (start.ts) reads it before the bundle that holds the commands is loaded.
 */
export function commandNameIn(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === "--") return argv[i + 1];
    if (!word.startsWith("-")) return word;
    if (VALUE_OPTIONS.has(word)) i++;
  }
  return undefined;
}

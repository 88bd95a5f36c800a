import type { Command } from "commander";
import { CATEGORIES } from "../core/category.js";

/**
 * Shell completion scripts (docs/completion.md). Command and option names are written into
 * the script from the program itself, so they cannot drift from what the CLI accepts; item ids
 * and people change with the docket, so the script asks `ppppt completion ids|people` for them
 * at the moment Tab is pressed (with the `--file` typed on the line, if any).
 */

/** What a command's words complete to after its name. */
type ArgumentKind = "ids" | "people" | "categories" | "subcommands" | "none";

export interface CommandSpec {
  names: string[];
  /** Every flag: `-c`, `--cat`, `--json`. */
  flags: string[];
  /** The flags that take a value (the next word is that value, not an argument). */
  valueFlags: string[];
  /** What each argument completes to; the last one also covers any words after it. */
  positionals: ArgumentKind[];
  subcommands: string[];
}

export interface ProgramSpec {
  globalFlags: string[];
  globalValueFlags: string[];
  commands: CommandSpec[];
}

function flagsOf(command: Command): { flags: string[]; valueFlags: string[] } {
  const flags: string[] = [];
  const valueFlags: string[] = [];
  for (const option of command.options) {
    const names = [option.short, option.long].filter((n): n is string => n !== undefined);
    flags.push(...names);
    if (option.required || option.optional) valueFlags.push(...names);
  }
  return { flags, valueFlags };
}

/** An argument called id or ids takes ids (show, done, rm, log…); name or person, a person. */
function positionalsOf(command: Command): ArgumentKind[] {
  if (command.commands.length > 0) return ["subcommands", "none"];
  const kinds = command.registeredArguments.map((argument): ArgumentKind => {
    const name = argument.name();
    if (name === "id" || name === "ids") return "ids";
    if (name === "name" || name === "person") return "people";
    if (name === "category") return "categories";
    return "none";
  });
  return kinds.length > 0 ? kinds : ["none"];
}

export function programSpec(program: Command): ProgramSpec {
  const global = flagsOf(program);
  return {
    globalFlags: [...global.flags, "-h", "--help"],
    globalValueFlags: global.valueFlags,
    commands: program.commands
      .filter((c) => c.name() !== "help")
      .map((c) => ({
        names: [c.name(), ...c.aliases()],
        ...flagsOf(c),
        positionals: positionalsOf(c),
        subcommands: c.commands.map((s) => s.name()),
      })),
  };
}

/** Every flag that takes a value, anywhere: the word after it is never an argument. */
function valueFlagPattern(spec: ProgramSpec, sep: string): string {
  const all = new Set([...spec.globalValueFlags, ...spec.commands.flatMap((c) => c.valueFlags)]);
  return [...all].join(sep);
}

const CATEGORY_WORDS = [...CATEGORIES, "none"];

/** A shell word list, single-quoted for sh-like shells. */
const quoted = (words: readonly string[]) => `'${words.join(" ")}'`;

/** One `case` arm per command whose body `pick` gives (bash and zsh share the syntax). */
function caseArms(spec: ProgramSpec, pick: (c: CommandSpec) => string | undefined): string {
  return spec.commands
    .map((c) => {
      const body = pick(c);
      return body === undefined ? undefined : `    ${c.names.join("|")}) ${body} ;;`;
    })
    .filter((l) => l !== undefined)
    .join("\n");
}

export function bashScript(spec: ProgramSpec): string {
  const commandNames = spec.commands.flatMap((c) => c.names);
  const cases = (pick: (c: CommandSpec) => string | undefined) => caseArms(spec, pick);
  return `# ppppt completion for bash. Load it with: source <(ppppt completion bash)
# or save it as ~/.local/share/bash-completion/completions/ppppt
_ppppt_values() {
  local file=() i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -f | --file) file=(--file "\${COMP_WORDS[i + 1]}") ;;
    esac
  done
  "\${COMP_WORDS[0]}" "\${file[@]}" completion "$1" 2>/dev/null
}

_ppppt() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" cmd="" n=0 i w words
  ((COMP_CWORD > 0)) && prev="\${COMP_WORDS[COMP_CWORD - 1]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in
      ${valueFlagPattern(spec, " | ")}) ((i++)) ;;
      -*) ;;
      *) if [[ -z "$cmd" ]]; then cmd="$w"; else ((n++)); fi ;;
    esac
  done
  case "$prev" in
    -f | --file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -c | --cat) COMPREPLY=($(compgen -W ${quoted(CATEGORY_WORDS)} -- "$cur")); return ;;
  esac
  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=($(compgen -W ${quoted(spec.globalFlags)} -- "$cur"))
    else
      COMPREPLY=($(compgen -W ${quoted(commandNames)} -- "$cur"))
    fi
    return
  fi
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${cases((c) => `words=${quoted(c.flags)}`)}
    esac
    COMPREPLY=($(compgen -W "$words -h --help" -- "$cur"))
    return
  fi
  case "$cmd" in
${cases((c) => positionalCase(c, "bash"))}
  esac
}
complete -o default -F _ppppt ppppt
`;
}

/** What a command's argument words complete to, as a bash or zsh statement. */
function valuesFor(kind: ArgumentKind, c: CommandSpec, shell: "bash" | "zsh"): string {
  const words = (list: readonly string[]) =>
    shell === "bash"
      ? `COMPREPLY=($(compgen -W ${quoted(list)} -- "$cur"))`
      : `reply=(${list.join(" ")})`;
  const asked = (what: string) =>
    shell === "bash"
      ? `COMPREPLY=($(compgen -W "$(_ppppt_values ${what})" -- "$cur"))`
      : `reply=(\${(f)"$(_ppppt_values ${what})"})`;
  switch (kind) {
    case "ids":
    case "people":
      return asked(kind);
    case "categories":
      return words(CATEGORIES);
    case "subcommands":
      return words(c.subcommands);
    default:
      return ":";
  }
}

/** A `case $n` over the argument positions, or undefined when no argument completes. */
function positionalCase(c: CommandSpec, shell: "bash" | "zsh"): string | undefined {
  if (c.positionals.every((k) => k === "none")) return undefined;
  const last = c.positionals.length - 1;
  const arms = c.positionals.map(
    (kind, i) => `${i === last ? "*" : i}) ${valuesFor(kind, c, shell)} ;;`,
  );
  return `case $n in ${arms.join(" ")} esac`;
}

export function zshScript(spec: ProgramSpec): string {
  const commandNames = spec.commands.flatMap((c) => c.names);
  const cases = (pick: (c: CommandSpec) => string | undefined) => caseArms(spec, pick);
  return `#compdef ppppt
# ppppt completion for zsh. Load it with: source <(ppppt completion zsh)
# or save it as _ppppt in a folder on your $fpath.
_ppppt_values() {
  local file=() i
  for ((i = 2; i < CURRENT; i++)); do
    case "\${words[i]}" in
      -f|--file) file=(--file "\${words[i + 1]}") ;;
    esac
  done
  "\${words[1]}" "\${file[@]}" completion "$1" 2>/dev/null
}

# Sets reply to the candidates for the word at CURRENT (kept apart from compadd so it can be tested).
_ppppt_candidates() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT - 1]}" cmd="" n=0 i w
  reply=()
  for ((i = 2; i < CURRENT; i++)); do
    w="\${words[i]}"
    case "$w" in
      ${valueFlagPattern(spec, "|")}) ((i++)) ;;
      -*) ;;
      *) if [[ -z "$cmd" ]]; then cmd="$w"; else ((n++)); fi ;;
    esac
  done
  case "$prev" in
    -c|--cat) reply=(${CATEGORY_WORDS.join(" ")}); return ;;
  esac
  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then reply=(${spec.globalFlags.join(" ")}); else reply=(${commandNames.join(" ")}); fi
    return
  fi
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${cases((c) => `reply=(${c.flags.join(" ")})`)}
    esac
    reply+=(-h --help)
    return
  fi
  case "$cmd" in
${cases((c) => positionalCase(c, "zsh"))}
  esac
}

_ppppt() {
  local -a reply
  case "\${words[CURRENT - 1]}" in
    -f|--file) _files; return ;;
  esac
  _ppppt_candidates
  compadd -a reply
}

if (( $+functions[compdef] )); then compdef _ppppt ppppt; fi
`;
}

export function fishScript(spec: ProgramSpec): string {
  const lines = [
    "# ppppt completion for fish. Load it with: ppppt completion fish | source",
    "# or save it as ~/.config/fish/completions/ppppt.fish",
    "function __ppppt_command",
    "    set -l words (commandline -opc)",
    "    set -e words[1]",
    "    while set -q words[1]",
    "        switch $words[1]",
    `            case ${valueFlagPattern(spec, " ")}`,
    "                set -e words[1]",
    "            case '-*'",
    "            case '*'",
    "                echo $words[1]",
    "                return",
    "        end",
    "        set -e words[1]",
    "    end",
    "end",
    "# How many arguments the command has before the word being completed.",
    "function __ppppt_position",
    "    set -l words (commandline -opc)",
    "    set -e words[1]",
    "    set -l n -1",
    "    while set -q words[1]",
    "        switch $words[1]",
    `            case ${valueFlagPattern(spec, " ")}`,
    "                set -e words[1]",
    "            case '-*'",
    "            case '*'",
    "                set n (math $n + 1)",
    "        end",
    "        set -e words[1]",
    "    end",
    "    echo $n",
    "end",
    "function __ppppt_values",
    "    set -l words (commandline -opc)",
    "    set -l file",
    "    for i in (seq (count $words))",
    "        if contains -- $words[$i] -f --file; and set -q words[(math $i + 1)]",
    "            set file --file $words[(math $i + 1)]",
    "        end",
    "    end",
    "    $words[1] $file completion $argv[1] --describe 2>/dev/null",
    "end",
    "complete -c ppppt -f",
    `complete -c ppppt -n 'test -z (__ppppt_command)' -a ${quoted(spec.commands.flatMap((c) => c.names))}`,
  ];
  const flagLine = (condition: string, flag: string, value: boolean) => {
    const spec = flag.startsWith("--") ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`;
    return `complete -c ppppt -n '${condition}' ${spec}${value ? " -r" : ""}`;
  };
  for (const flag of spec.globalFlags) {
    lines.push(flagLine("test -z (__ppppt_command)", flag, spec.globalValueFlags.includes(flag)));
  }
  for (const c of spec.commands) {
    const condition = `contains -- (__ppppt_command) ${c.names.join(" ")}`;
    for (const flag of c.flags) lines.push(flagLine(condition, flag, c.valueFlags.includes(flag)));
    if (c.flags.includes("--cat")) {
      lines.push(`complete -c ppppt -n '${condition}' -s c -l cat -x -a ${quoted(CATEGORY_WORDS)}`);
    }
    c.positionals.forEach((kind, i) => {
      const values =
        kind === "ids"
          ? "(__ppppt_values ids)"
          : kind === "people"
            ? "(__ppppt_values people)"
            : kind === "categories"
              ? CATEGORIES.join(" ")
              : kind === "subcommands"
                ? c.subcommands.join(" ")
                : undefined;
      if (values === undefined) return;
      const at =
        i === c.positionals.length - 1
          ? `test (__ppppt_position) -ge ${i}`
          : `test (__ppppt_position) -eq ${i}`;
      lines.push(`complete -c ppppt -n '${condition}; and ${at}' -a '${values}'`);
    });
  }
  lines.push("complete -c ppppt -s f -l file -r -F");
  return `${lines.join("\n")}\n`;
}

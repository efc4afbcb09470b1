import type { Range } from "@shipshape/text";

/** Maps an offset in a script to an offset in the Dockerfile (or whatever text the script came from). */
export type ToSource = (scriptOffset: number) => number;

/**
 * One shell word (a command name, an argument, an assignment value, a redirect target).
 * `range` is in source offsets (mapped through the script's `toSource`); `scriptRange` is in script offsets.
 */
export interface ShellWord {
  /**
   * The word with quotes and backslash escapes removed. Parts that the shell expands at run time
   * (`$x`, `${x:-y}`, `$(cmd)`, `$((1+2))`, `{a,b}`) are kept as written, so `"$V"-x` gives `$V-x`.
   * Exact only when `isStatic`.
   */
  value: string;
  /** The word exactly as written in the script. */
  raw: string;
  range: Range;
  scriptRange: Range;
  /** No expansion of any kind: `value` is what the command receives (globs aside). */
  isStatic: boolean;
  /** Contains a parameter, command, arithmetic or brace expansion. */
  hasExpansion: boolean;
  /** Some part of the word is quoted or backslash-escaped. */
  quoted: boolean;
  /**
   * An element of an exec-form (JSON) array, `range` its string literal: text put beside it must be
   * another element (`, "-y"`), not a shell word.
   */
  jsonElement?: boolean;
}

/** `NAME=value` before a command, or alone as a statement. */
export interface ShellAssignment {
  name: string;
  nameRange: Range;
  /** Absent for `NAME=`. */
  value?: ShellWord;
  /** `NAME+=value`. */
  append: boolean;
  range: Range;
}

export interface ShellHeredocRedirect {
  /** Delimiter with quotes removed. */
  delimiter: string;
  /** False when the delimiter was quoted: the body is not expanded. */
  expand: boolean;
  /** `<<-`. */
  chomp: boolean;
  /** The body text (script text, terminator excluded) and its source range. */
  body: string;
  bodyRange: Range;
}

/** A redirection such as `>/dev/null`, `2>&1`, `<<<"x"` or `<<EOF`. */
export interface ShellRedirect {
  /** The operator as written: `>`, `>>`, `<`, `>&`, `&>`, `&>>`, `<&`, `>|`, `<>`, `<<`, `<<-`, `<<<`. */
  operator: string;
  /** The explicit file descriptor (`2` in `2>&1`); absent when implied. */
  fd?: number;
  /** The target word (file, fd number, here-string, or heredoc delimiter). */
  target?: ShellWord;
  heredoc?: ShellHeredocRedirect;
  range: Range;
}

/** How a command's statement is joined to the statement before it in the same list. */
export type ShellConnector = "&&" | "||" | "|" | "|&" | ";" | "&" | "newline";

/** A pipeline of two or more statements (`a | b`, `a |& b`). */
export interface ShellPipeline {
  range: Range;
  scriptRange: Range;
  /** Number of statements in the pipeline (at least 2). */
  length: number;
  /** The simple commands that are direct members, in order (compound members such as `while` are not listed). */
  commands: ShellCommand[];
  /** Preceded by `!`. */
  negated: boolean;
}

/** Where a command sits, for rules that care about context. */
export interface ShellCommandContext {
  /** Inside `$( )`, backticks or `<( )` / `>( )`. */
  inSubstitution: boolean;
  /** Inside `( )`. */
  inSubshell: boolean;
  /** Inside a function body. */
  inFunction: boolean;
  /** Inside the condition or body of `if`/`while`/`until`/`for`/`case`. */
  inCompound: boolean;
  /** Inside the script of `sh -c '...'`/`bash -c "..."` found in a word of an outer command. */
  inNestedShell: boolean;
  /** Nesting depth of substitutions and subshells (0 at top level). */
  depth: number;
}

/**
 * A simple command: optional assignments, a name, arguments and redirects. Builtins such as
 * `export`/`local`/`unset` are commands too (their operands are `args`).
 */
export interface ShellCommand {
  /** Absent for a statement that only assigns (`A=1`) or only redirects. */
  name?: ShellWord;
  args: ShellWord[];
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  /** From the first assignment/redirect/word to the last, source offsets. */
  range: Range;
  scriptRange: Range;
  /** The separator before this command's statement; absent for the first statement of a list or body. */
  connector?: ShellConnector;
  /** Set when the command is a direct member of a pipeline. */
  pipeline?: ShellPipeline;
  /** Position in `pipeline.commands`' statement order (0-based statement index). */
  pipelineIndex?: number;
  /** Preceded by `!`. */
  negated: boolean;
  /** Followed by `&`. */
  background: boolean;
  context: ShellCommandContext;
  /** Index in `ShellScript.commands`. */
  index: number;
  /**
   * Set on the view `unwrapCommand` returns: the wrapper as written (`sudo`, `env X=1`, `xargs`, ...).
   * Commands in `ShellScript.commands` never have it.
   */
  wrapper?: ShellCommand;
}

export interface ShellSyntaxError {
  range: Range;
  scriptRange: Range;
  message: string;
}

export interface ShellComment {
  text: string;
  range: Range;
  scriptRange: Range;
}

export interface ShellScript {
  /** The script text that was parsed. */
  text: string;
  toSource: ToSource;
  /** Every simple command, in source order, including those in lists, pipelines, subshells, substitutions and compound bodies. */
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  comments: ShellComment[];
  hasSyntaxError: boolean;
  errors: ShellSyntaxError[];
  /** False when the parser was not initialised (call `initShell()` first); the script is then empty. */
  parsed: boolean;
}

import type { ParseArgsConfig } from "node:util";

/** One command-line option: the single source of both the `parseArgs` config and the `--help` text. */
export interface OptionSpec {
  name: string;
  short?: string;
  type: "string" | "boolean";
  multiple?: boolean;
  /** Placeholder shown in help, e.g. `F`. */
  value?: string;
  description: string;
  /** Shown in help; the real default is applied where the option is used. */
  default?: string;
  /** Environment variables that set this option when the flag is absent, highest precedence first. */
  env?: string[];
}

export interface CommandSpec {
  name: string;
  usage: string;
  summary: string;
  options: OptionSpec[];
}

const HELP: OptionSpec = { name: "help", short: "h", type: "boolean", description: "show this help" };

export const LINT_OPTIONS: OptionSpec[] = [
  {
    name: "format",
    short: "f",
    type: "string",
    multiple: true,
    value: "F",
    description:
      "stylish, json, sarif, checkstyle, junit, gitlab, github, gnu, sonarqube, compact, rdjson, codacy (aliases: tty = stylish, codeclimate and gitlab_codeclimate = gitlab); repeated (or a comma list), one report per format, each to the --output in the same place or to stdout",
    default: "stylish",
    env: ["SHIPSHAPE_FORMAT", "HADOLINT_FORMAT"],
  },
  { name: "formatter", type: "string", value: "F", description: "the same as --format (dclint's name)" },
  { name: "output", short: "o", type: "string", multiple: true, value: "FILE", description: "write the report to FILE instead of stdout (repeated: one per --format, in order)", env: ["SHIPSHAPE_OUTPUT"] },
  { name: "output-file", type: "string", value: "FILE", description: "the same as --output (dclint's name)" },
  { name: "file-path-in-report", type: "string", value: "PATH", description: "the file name the report gives every finding (for stdin: - by default; hadolint's)" },
  { name: "kind", type: "string", value: "K", description: "dockerfile or compose, for stdin or unusual file names", default: "from the name" },
  {
    name: "config",
    short: "c",
    type: "string",
    value: "FILE",
    description: "config file",
    default: ".shipshape.yaml upward from each file, else dclint's config for compose files, else .hadolint.yaml",
    env: ["SHIPSHAPE_CONFIG"],
  },
  {
    name: "select",
    type: "string",
    multiple: true,
    value: "CODES",
    description: "exactly these rules (codes, names or aliases, comma-separated), including rules off by default",
    env: ["SHIPSHAPE_SELECT"],
  },
  { name: "extend-select", type: "string", multiple: true, value: "CODES", description: "these rules in addition to the default set", env: ["SHIPSHAPE_EXTEND_SELECT"] },
  {
    name: "ignore",
    type: "string",
    multiple: true,
    value: "CODES",
    description: "drop these rules (added to the lists of the environment variables, as hadolint does)",
    env: ["SHIPSHAPE_IGNORE", "HADOLINT_IGNORE"],
  },
  { name: "disable-rule", type: "string", multiple: true, value: "RULES", description: "the same as --ignore (dclint's name)" },
  {
    name: "failure-threshold",
    short: "t",
    type: "string",
    value: "L",
    description: "error, warning, info, style or none: the lowest severity that makes the exit status 1",
    default: "info",
    env: ["SHIPSHAPE_FAILURE_THRESHOLD", "HADOLINT_FAILURE_THRESHOLD"],
  },
  ...(["error", "warning", "info", "style"] as const).map(
    (level): OptionSpec => ({
      name: level,
      type: "string",
      multiple: true,
      value: "CODES",
      description: `report these rules at severity ${level} (enables them if off by default)`,
      env: [`SHIPSHAPE_OVERRIDE_${level.toUpperCase()}`, `HADOLINT_OVERRIDE_${level.toUpperCase()}`],
    }),
  ),
  {
    name: "trusted-registry",
    type: "string",
    multiple: true,
    value: "R",
    description: "a registry images may come from (enables DL3026; wildcards *, *.suffix, prefix*)",
    env: ["SHIPSHAPE_TRUSTED_REGISTRIES", "HADOLINT_TRUSTED_REGISTRIES"],
  },
  {
    name: "require-label",
    type: "string",
    multiple: true,
    value: "NAME:TYPE",
    description: "a label every image must carry, of type text, url, rfc3339, spdx, hash, semver or email (hadolint's; DL3049-DL3058)",
    env: ["SHIPSHAPE_REQUIRE_LABELS", "HADOLINT_REQUIRE_LABELS"],
  },
  {
    name: "strict-labels",
    type: "boolean",
    description: "also report labels that --require-label (or the config's label schema) does not list",
    env: ["SHIPSHAPE_STRICT_LABELS", "HADOLINT_STRICT_LABELS"],
  },
  {
    name: "disable-ignore-pragma",
    type: "boolean",
    description: "ignore the ignore comments in files (# hadolint ignore=..., # shipshape ignore=..., dclint's disable comments); # check=skip=..., which BuildKit obeys too, still applies",
    env: ["SHIPSHAPE_DISABLE_IGNORE_PRAGMA", "HADOLINT_DISABLE_IGNORE_PRAGMA"],
  },
  { name: "no-fail", type: "boolean", description: "exit 0 even when there are findings (2 still means a usage or read error)", env: ["SHIPSHAPE_NO_FAIL", "HADOLINT_NOFAIL"] },
  { name: "fix", type: "boolean", description: "apply safe fixes in place, then report what is left" },
  {
    name: "diff",
    type: "boolean",
    description: "write nothing: print the changes --fix would make as a unified diff (exit 1 when there are any)",
  },
  { name: "fix-dry-run", type: "boolean", description: "the same as --diff (dclint's name)" },
  {
    name: "compose-file",
    type: "string",
    multiple: true,
    value: "F",
    description: "lint these compose files as one merged project, like docker compose -f a -f b",
  },
  {
    name: "env-file",
    type: "string",
    multiple: true,
    value: "F",
    description: "variables for compose interpolation; repeated, the later files win (as docker compose --env-file a --env-file b)",
    default: ".env beside the first compose file",
  },
  {
    name: "exclude",
    short: "e",
    type: "string",
    multiple: true,
    value: "PATTERN",
    description: "skip paths matching this gitignore-style pattern (relative to the working directory) in folder walks",
    env: ["SHIPSHAPE_EXCLUDE"],
  },
  {
    name: "max-warnings",
    type: "string",
    value: "N",
    description: "also exit 1 when there are more than N warnings (as ESLint and dclint)",
  },
  { name: "shard", type: "string", value: "I/N", description: "lint only the I-th of N deterministic slices of the files (1-based)", env: ["SHIPSHAPE_SHARD"] },
  { name: "quiet", short: "q", type: "boolean", description: "report errors only" },
  { name: "recursive", short: "r", type: "boolean", description: "accepted for dclint's command lines: folders are always walked" },
  { name: "verbose", short: "V", type: "boolean", description: "say on stderr which config file each file was linted with", env: ["SHIPSHAPE_VERBOSE", "HADOLINT_VERBOSE"] },
  { name: "debug", type: "boolean", description: "the same as --verbose (dclint's name)" },
  { name: "color", type: "boolean", description: "force colour in the stylish format" },
  { name: "no-color", type: "boolean", description: "no colour (also when NO_COLOR is set)" },
  HELP,
];

export const PARSE_OPTIONS: OptionSpec[] = [
  { name: "format", short: "f", type: "string", value: "F", description: "json (the syntax tree) or buildkit (BuildKit's parser dump)", default: "json" },
  HELP,
];

export const RULES_OPTIONS: OptionSpec[] = [
  { name: "format", short: "f", type: "string", value: "F", description: "text, json or markdown", default: "text" },
  HELP,
];

export const PLAN_OPTIONS: OptionSpec[] = [
  { name: "format", short: "f", type: "string", value: "F", description: "text, json, mermaid or dot", default: "text" },
  { name: "target", type: "string", value: "T", description: "the stage to build", default: "the last stage" },
  { name: "build-arg", type: "string", multiple: true, value: "K=V", description: "a build argument (K alone takes the value from the environment)" },
  { name: "platform", type: "string", value: "P", description: "the target platform, e.g. linux/arm64", default: "linux/amd64" },
  { name: "context", type: "string", value: "DIR", description: "the build context", default: "the Dockerfile's folder" },
  { name: "changed", type: "string", multiple: true, value: "PATH", description: "a context file changed since the last build (relative to the context): predicts which steps re-run" },
  { name: "no-cache-filter", type: "string", multiple: true, value: "STAGES", description: "do not use the cache for these stages (comma-separated)" },
  { name: "no-cache", type: "boolean", description: "do not use the cache at all" },
  { name: "build-context", type: "string", multiple: true, value: "NAME=VALUE", description: "a named build context (another folder, docker-image://REF, ...)" },
  { name: "label", type: "string", multiple: true, value: "K=V", description: "a label set on the image" },
  HELP,
];

export const COMMANDS: CommandSpec[] = [
  { name: "lint", usage: "shipshape lint [PATH|-]... [options]", summary: "lint Dockerfiles and Compose files (directories are walked)", options: LINT_OPTIONS },
  { name: "parse", usage: "shipshape parse FILE|- [--format json|buildkit]", summary: "print a Dockerfile's syntax tree", options: PARSE_OPTIONS },
  { name: "rules", usage: "shipshape rules [--format text|json|markdown]", summary: "list every rule", options: RULES_OPTIONS },
  { name: "explain", usage: "shipshape explain CODE", summary: "print one rule's documentation (code, name or alias)", options: [HELP] },
  {
    name: "plan",
    usage: "shipshape plan FILE|- [--target T] [--build-arg K=V]... [--platform P] [--context DIR] [--changed PATH]... [--format text|json|mermaid|dot]",
    summary: "predict what docker build would do: stages, order, cache hits and misses, the final image",
    options: PLAN_OPTIONS,
  },
  { name: "lsp", usage: "shipshape lsp --stdio", summary: "run the language server over stdin/stdout", options: [{ name: "stdio", type: "boolean", description: "talk LSP over stdin/stdout" }, HELP] },
  { name: "help", usage: "shipshape help [COMMAND]", summary: "show help for a command", options: [] },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The `util.parseArgs` options for a table. */
export function parseArgsOptions(specs: OptionSpec[]): NonNullable<ParseArgsConfig["options"]> {
  const options: NonNullable<ParseArgsConfig["options"]> = {};
  for (const s of specs) {
    options[s.name] = { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}) };
  }
  return options;
}

/** `--help` text for one command, generated from its option table. */
export function commandHelp(cmd: CommandSpec): string {
  const rows = cmd.options.map((s) => {
    const flag = `${s.short ? `-${s.short}, ` : "    "}--${s.name}${s.value ? ` ${s.value}` : ""}`;
    const notes: string[] = [];
    if (s.multiple) notes.push("repeatable");
    if (s.default) notes.push(`default: ${s.default}`);
    if (s.env?.length) notes.push(`env: ${s.env.join(", ")}`);
    return [flag, s.description + (notes.length ? ` [${notes.join("; ")}]` : "")] as const;
  });
  const width = Math.max(0, ...rows.map(([flag]) => flag.length));
  const wrapAt = Math.max(40, HELP_WIDTH - width - 4);
  const lines = [`Usage: ${cmd.usage}`, "", cmd.summary[0]!.toUpperCase() + cmd.summary.slice(1) + "."];
  if (rows.length) {
    lines.push("", "Options:");
    for (const [flag, text] of rows) {
      const [first = "", ...more] = wrap(text, wrapAt);
      lines.push(`  ${flag.padEnd(width)}  ${first}`, ...more.map((l) => `  ${" ".repeat(width)}  ${l}`));
    }
  }
  if (cmd.name === "lint") lines.push("", LINT_EXIT_HELP);
  return lines.join("\n") + "\n";
}

const HELP_WIDTH = 100;

/** Greedy word wrap. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

const LINT_EXIT_HELP = `Exit status: 2 for bad usage or an unreadable path (the other files are still reported),
else 1 when a finding is at or above the failure threshold, else 0. NO_COLOR turns colour off.`;

export function mainHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `shipshape ${version}: a linter, parser and build planner for Dockerfiles and Docker Compose files`,
    "",
    "Usage: shipshape <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  -h, --help     show help (also: shipshape <command> --help)",
    "  -v, --version  print the version",
    "",
  ].join("\n");
}

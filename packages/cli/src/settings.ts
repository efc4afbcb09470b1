import { isSeverity, LABEL_TYPES, type Severity } from "@shipshape/text";
import { type FileKind, isFileKind } from "./kinds.js";
import type { OptionSpec } from "./options.js";
import { type FormatName, resolveFormat } from "./reporters/index.js";
import { parseShard, type Shard } from "./shard.js";

export type Env = Readonly<Record<string, string | undefined>>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** A problem with the command line or the environment: exit status 2. */
export class UsageError extends Error {}

/** Everything `lint` needs to know from the command line and the environment, validated. */
export interface LintSettings {
  paths: string[];
  format: FormatName;
  output?: string;
  kind?: FileKind;
  config?: string;
  /** Undefined: the default set. */
  select?: string[];
  extendSelect: string[];
  ignore: string[];
  /** Undefined: the config file's, else `info`. */
  failureThreshold?: Severity | "none";
  /** HADOLINT_FAILURE_THRESHOLD: as in hadolint, below a config file's failure-threshold (env < file < flags). */
  envFailureThreshold?: Severity | "none";
  noFail: boolean;
  /** hadolint's --error/--warning/--info/--style overrides, by rule reference. */
  severity: Record<string, Severity>;
  trustedRegistries?: string[];
  /** hadolint's --require-label: label name to type. */
  labelSchema?: Record<string, string>;
  strictLabels: boolean;
  disableIgnorePragma: boolean;
  fix: boolean;
  /** Reports after the first (`format`, `output`): a config file's other `formats`. */
  moreReports: ReportTarget[];
  /** --diff / --fix-dry-run: print what --fix would change, write nothing. */
  diff: boolean;
  composeFiles: string[];
  envFiles?: string[];
  shard?: Shard;
  quiet: boolean;
  color: boolean;
  exclude: string[];
  maxWarnings?: number;
  filePathInReport?: string;
  verbose: boolean;
}

/** hadolint's truthy spellings for boolean environment variables. */
export function envFlag(value: string | undefined): boolean {
  return value !== undefined && ["1", "y", "on", "true", "yes"].includes(value.trim().toLowerCase());
}

/** The first non-empty environment variable an option lists, with its name. */
export function fromEnv(spec: OptionSpec, env: Env): { name: string; value: string } | undefined {
  for (const name of spec.env ?? []) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return { name, value };
  }
  return undefined;
}

/** Comma lists, repeated flags or both: `--ignore DL3008,DL3009 --ignore DL4006`. */
export function splitList(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

/**
 * Output settings a config file gives (hadolint's `.hadolint.yaml` keys `format`/`formats`, `output`/`outputs`,
 * `no-color`, `verbose`, or the same in `.shipshape.yaml`): used when no flag or variable sets them.
 */
export interface FileOutputSettings {
  /** The config file, for messages. */
  path: string;
  /** Formats in order, each to the `outputs` entry in its place, else to stdout. */
  formats?: string[];
  outputs?: string[];
  noColor?: boolean;
  verbose?: boolean;
}

/** One report to write: a format, to a file or (undefined) to stdout. */
export interface ReportTarget {
  format: FormatName;
  output?: string;
}

export function resolveLintSettings(
  specs: readonly OptionSpec[],
  values: OptionValues,
  positionals: string[],
  env: Env,
  stdoutIsTTY: boolean,
  file?: FileOutputSettings,
): LintSettings {
  const spec = (name: string) => specs.find((s) => s.name === name)!;
  /** Flag > SHIPSHAPE_* > HADOLINT_*. */
  const scalar = (name: string): { value: string; source: string } | undefined => {
    // dclint's names for two of them: --formatter and --output-file.
    const alias = name === "format" ? "formatter" : name === "output" ? "output-file" : undefined;
    const given = values[name] ?? (alias ? values[alias] : undefined);
    // --format and --output may be repeated: the first is the main report's (see moreReports).
    const v = Array.isArray(given) ? given[0] : given;
    if (typeof v === "string") return { value: v, source: values[name] === undefined ? `--${alias}` : `--${name}` };
    const e = fromEnv(spec(name), env);
    return e && { value: e.value, source: e.name };
  };
  const list = (name: string): string[] | undefined => {
    const v = values[name];
    if (Array.isArray(v) && v.length) return splitList(v as string[]);
    const e = fromEnv(spec(name), env);
    return e && splitList([e.value]);
  };
  const flag = (name: string): boolean => values[name] === true || (spec(name).env ?? []).some((n) => envFlag(env[n]));

  // hadolint ranks its environment below its config file (env < file < flags): HADOLINT_FORMAT gives way to
  // a config's format, as HADOLINT_FAILURE_THRESHOLD does to its failure-threshold (see `failed`).
  const fromHadolintEnv = (s: { source: string } | undefined) => s !== undefined && s.source.startsWith("HADOLINT_");
  const formatGiven = scalar("format");
  const formatOption = fromHadolintEnv(formatGiven) && file?.formats ? undefined : formatGiven;
  const configFormats = formatOption ? undefined : file?.formats;
  const resolveNamed = (name: string, source: string): FormatName => {
    const resolved = resolveFormat(name.trim());
    if (!resolved) throw new UsageError(`${source}: unknown format '${name.trim()}'`);
    return resolved;
  };
  // The formats in force, one report each, paired in order with their outputs (the first pair is the main
  // report; one without an output goes to stdout): the flags' (-f repeated, or a comma list as hadolint
  // takes them, also in HADOLINT_FORMAT), else the config file's list.
  const reports = formatOption
    ? {
        names: (formatOption.source === "--format" ? (values.format as string[]) : [formatOption.value]).flatMap((f) => f.split(",")),
        outputs: Array.isArray(values.output) ? (values.output as string[]) : [],
        source: formatOption.source,
      }
    : configFormats && { names: configFormats, outputs: file!.outputs ?? [], source: `${file!.path}: format` };
  const formats = reports ? reports.names.map((name) => resolveNamed(name, reports.source)) : [];
  const format: FormatName = formats[0] ?? "stylish";
  const moreReports: ReportTarget[] = formats.slice(1).map((f, i) => ({ format: f, output: reports!.outputs[i + 1] }));

  const kindValue = values.kind as string | undefined;
  if (kindValue !== undefined && !isFileKind(kindValue)) throw new UsageError(`--kind: expected dockerfile or compose, got '${kindValue}'`);

  const thresholdSetting = scalar("failure-threshold");
  let failureThreshold: Severity | "none" | undefined;
  let envFailureThreshold: Severity | "none" | undefined;
  if (thresholdSetting) {
    const t = thresholdSetting.value.trim().toLowerCase();
    let threshold: Severity | "none";
    // hadolint also accepts "ignore" for "never fail on findings".
    if (t === "none" || t === "ignore") threshold = "none";
    else if (isSeverity(t)) threshold = t;
    else throw new UsageError(`${thresholdSetting.source}: expected error, warning, info, style or none, got '${thresholdSetting.value}'`);
    if (fromHadolintEnv(thresholdSetting)) envFailureThreshold = threshold;
    else failureThreshold = threshold;
  }

  const shardSetting = scalar("shard");
  let shard: Shard | undefined;
  if (shardSetting) {
    shard = parseShard(shardSetting.value);
    if (!shard) throw new UsageError(`${shardSetting.source}: expected I/N with 1 <= I <= N, got '${shardSetting.value}'`);
  }

  // hadolint concatenates the ignore lists of every source; so do we.
  const ignore = [
    ...splitList((values.ignore as string[] | undefined) ?? []),
    ...splitList((values["disable-rule"] as string[] | undefined) ?? []),
    ...(spec("ignore").env ?? []).flatMap((n) => splitList(env[n] ? [env[n]!] : [])),
  ];

  // hadolint applies style, then info, warning and error, so error wins for a code in several lists.
  const severity: Record<string, Severity> = {};
  for (const level of ["style", "info", "warning", "error"] as const) for (const code of list(level) ?? []) severity[code] = level;

  const composeFiles = (values["compose-file"] as string[] | undefined) ?? [];
  const paths = positionals.length || composeFiles.length ? positionals : ["."];
  if (paths.filter((p) => p === "-").length > 1) throw new UsageError("stdin (-) can be named only once");

  const maxWarningsValue = values["max-warnings"] as string | undefined;
  let maxWarnings: number | undefined;
  if (maxWarningsValue !== undefined) {
    maxWarnings = Number(maxWarningsValue);
    // dclint's default -1 means "no limit".
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings: expected a whole number, got '${maxWarningsValue}'`);
    if (maxWarnings === -1) maxWarnings = undefined;
  }

  const diff = values.diff === true || values["fix-dry-run"] === true;
  if (diff && values.fix === true) throw new UsageError("--fix writes the fixes and --diff only shows them: use one of them");

  let labelSchema: Record<string, string> | undefined;
  for (const entry of list("require-label") ?? []) {
    const colon = entry.lastIndexOf(":");
    const name = (colon < 0 ? entry : entry.slice(0, colon)).trim();
    const type = colon < 0 ? "text" : entry.slice(colon + 1).trim().toLowerCase();
    if (!name || !(LABEL_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(`--require-label: expected NAME:TYPE with TYPE one of ${LABEL_TYPES.join(", ")}, got '${entry}'`);
    }
    (labelSchema ??= {})[name] = type;
  }

  let color: boolean;
  if (values["no-color"] === true) color = false;
  else if (values.color === true) color = true;
  else if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") color = false;
  else if (file?.noColor === true) color = false;
  else if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") color = true;
  else color = stdoutIsTTY;

  return {
    paths,
    format,
    // A config's first output goes with its first format (or the default one), not with a format a flag gave.
    output: scalar("output")?.value ?? (formatOption ? undefined : file?.outputs?.[0]),
    moreReports,
    kind: kindValue as FileKind | undefined,
    config: scalar("config")?.value,
    select: list("select"),
    extendSelect: list("extend-select") ?? [],
    ignore: [...new Set(ignore)],
    failureThreshold,
    envFailureThreshold,
    noFail: flag("no-fail"),
    severity,
    trustedRegistries: list("trusted-registry"),
    labelSchema,
    strictLabels: flag("strict-labels"),
    disableIgnorePragma: flag("disable-ignore-pragma"),
    fix: values.fix === true,
    diff,
    composeFiles,
    envFiles: values["env-file"] as string[] | undefined,
    shard,
    quiet: values.quiet === true,
    color,
    exclude: list("exclude") ?? [],
    maxWarnings,
    filePathInReport: scalar("file-path-in-report")?.value,
    verbose: flag("verbose") || values.debug === true || file?.verbose === true,
  };
}

import { describe, expect, test } from "vitest";
import { parseCommandLine } from "../src/main.js";
import { commandHelp, findCommand, LINT_OPTIONS, parseArgsOptions } from "../src/options.js";
import { envFlag, resolveLintSettings, UsageError } from "../src/settings.js";

const lint = findCommand("lint")!;
const settings = (args: string[], env: Record<string, string> = {}, tty = false) => {
  const { values, positionals } = parseCommandLine(lint, args);
  return resolveLintSettings(LINT_OPTIONS, values, positionals, env, tty);
};

describe("the option table", () => {
  test("parseArgs config and help come from the same rows", () => {
    const config = parseArgsOptions(LINT_OPTIONS);
    const help = commandHelp(lint);
    for (const spec of LINT_OPTIONS) {
      expect(config[spec.name]).toMatchObject({ type: spec.type });
      expect(help).toContain(`--${spec.name}`);
      for (const v of spec.env ?? []) expect(help).toContain(v);
    }
    expect(Object.keys(config)).toEqual(LINT_OPTIONS.map((s) => s.name));
  });

  test("unknown options and missing values are usage errors", () => {
    expect(() => parseCommandLine(lint, ["--nope"])).toThrow(UsageError);
    expect(() => parseCommandLine(lint, ["--format"])).toThrow(UsageError);
  });
});

describe("lint settings", () => {
  test("defaults", () => {
    expect(settings([])).toMatchObject({
      paths: ["."],
      format: "stylish",
      failureThreshold: undefined,
      noFail: false,
      fix: false,
      ignore: [],
      extendSelect: [],
      select: undefined,
      color: false,
      quiet: false,
    });
  });

  test("format: flag > SHIPSHAPE_FORMAT > HADOLINT_FORMAT, aliases resolved, first of a hadolint list", () => {
    expect(settings([], { HADOLINT_FORMAT: "tty" }).format).toBe("stylish");
    expect(settings([], { HADOLINT_FORMAT: "sarif,json" }).format).toBe("sarif");
    expect(settings([], { HADOLINT_FORMAT: "json", SHIPSHAPE_FORMAT: "gnu" }).format).toBe("gnu");
    expect(settings(["-f", "codeclimate"], { SHIPSHAPE_FORMAT: "gnu" }).format).toBe("gitlab");
    expect(() => settings([], { SHIPSHAPE_FORMAT: "xml" })).toThrow(/SHIPSHAPE_FORMAT: unknown format 'xml'/);
    expect(settings(["--formatter", "compact"], { SHIPSHAPE_FORMAT: "gnu" }).format).toBe("compact");
    expect(() => settings(["--formatter", "nope"])).toThrow(/--formatter: unknown format 'nope'/);
  });

  test("dclint's command line works as it is: -r, --output-file, --disable-rule, --formatter, -q, --max-warnings", () => {
    const s = settings(["-r", "--formatter", "json", "--output-file", "out.json", "--disable-rule", "no-version-field", "--disable-rule", "services-alphabetical-order", "-q", "--max-warnings", "0", "."]);
    expect(s).toMatchObject({ format: "json", output: "out.json", quiet: true, maxWarnings: 0, paths: ["."] });
    expect(s.ignore).toEqual(["no-version-field", "services-alphabetical-order"]);
    expect(settings(["--output", "a.json", "--output-file", "b.json"]).output).toBe("a.json");
    expect(settings(["--ignore", "DL3008", "--disable-rule", "DL3009"], { HADOLINT_IGNORE: "DL4006" }).ignore).toEqual(["DL3008", "DL3009", "DL4006"]);
  });

  test("hadolint's label options: --require-label NAME:TYPE and --strict-labels, or their HADOLINT_* variables", () => {
    expect(settings(["--require-label", "maintainer:email", "--require-label", "org.opencontainers.image.created:RFC3339,owner"])).toMatchObject({
      labelSchema: { maintainer: "email", "org.opencontainers.image.created": "rfc3339", owner: "text" },
      strictLabels: false,
    });
    expect(settings([], { HADOLINT_REQUIRE_LABELS: "a:url,b:spdx", HADOLINT_STRICT_LABELS: "yes" })).toMatchObject({ labelSchema: { a: "url", b: "spdx" }, strictLabels: true });
    expect(settings([], { HADOLINT_STRICT_LABELS: "no" }).strictLabels).toBe(false);
    expect(settings([]).labelSchema).toBeUndefined();
    expect(() => settings(["--require-label", "x:colour"])).toThrow(/--require-label: expected NAME:TYPE with TYPE one of text, url/);
    expect(() => settings(["--require-label", ":url"])).toThrow(UsageError);
  });

  test("hadolint's --file-path-in-report and -V/--verbose (or HADOLINT_VERBOSE)", () => {
    expect(settings(["--file-path-in-report", "app/Dockerfile", "-"])).toMatchObject({ filePathInReport: "app/Dockerfile", paths: ["-"], verbose: false });
    expect(settings(["-V"]).verbose).toBe(true);
    expect(settings([], { HADOLINT_VERBOSE: "1" }).verbose).toBe(true);
    expect(settings(["--debug"]).verbose).toBe(true); // dclint's name
  });

  test("a config file's report settings apply when no flag or variable sets them", () => {
    const file = { path: ".hadolint.yaml", formats: ["json", "sarif", "gnu"], outputs: ["report.json", "report.sarif"], noColor: true, verbose: true };
    const withFile = (args: string[], env: Record<string, string> = {}, f: typeof file | { path: string; formats?: string[]; outputs?: string[] } = file) => {
      const { values, positionals } = parseCommandLine(lint, args);
      return resolveLintSettings(LINT_OPTIONS, values, positionals, env, true, f);
    };
    // Each format to the output in its place; one without goes to stdout.
    expect(withFile([])).toMatchObject({
      format: "json", output: "report.json", color: false, verbose: true,
      moreReports: [{ format: "sarif", output: "report.sarif" }, { format: "gnu", output: undefined }],
    });
    // A flag's or variable's format replaces the config's list; --output its first output.
    expect(withFile(["-f", "gnu", "-o", "x.txt", "--color"])).toMatchObject({ format: "gnu", output: "x.txt", color: true, moreReports: [] });
    expect(withFile(["-f", "gnu"])).toMatchObject({ format: "gnu", output: undefined, moreReports: [] });
    expect(withFile([], { SHIPSHAPE_FORMAT: "sarif", SHIPSHAPE_OUTPUT: "y" })).toMatchObject({ format: "sarif", output: "y", moreReports: [] });
    // hadolint ranks its environment below its config file: HADOLINT_FORMAT gives way to the file's formats.
    expect(withFile([], { HADOLINT_FORMAT: "sarif" })).toMatchObject({ format: "json", output: "report.json" });
    expect(withFile([], { HADOLINT_FORMAT: "sarif" }, { path: "c.yaml" })).toMatchObject({ format: "sarif" });
    expect(withFile(["-o", "z"])).toMatchObject({ format: "json", output: "z", moreReports: [{ output: "report.sarif" }, { output: undefined }] });
    // An output alone: the default format goes there.
    expect(withFile([], {}, { path: "c.yaml", outputs: ["out.txt"] })).toMatchObject({ format: "stylish", output: "out.txt", moreReports: [] });
    expect(() => withFile([], {}, { path: "c.yaml", formats: ["xml"] })).toThrow(/c\.yaml: format: unknown format 'xml'/);
    expect(() => withFile([], {}, { path: "c.yaml", formats: ["json", "xml"] })).toThrow(/c\.yaml: format: unknown format 'xml'/);
  });

  test("several formats: repeated -f paired in order with repeated -o, comma lists in -f and HADOLINT_FORMAT", () => {
    expect(settings(["-f", "json", "-o", "a.json", "-f", "checkstyle", "-o", "b.xml"])).toMatchObject({
      format: "json", output: "a.json", moreReports: [{ format: "checkstyle", output: "b.xml" }],
    });
    expect(settings(["-f", "json", "-f", "gnu"])).toMatchObject({ format: "json", output: undefined, moreReports: [{ format: "gnu", output: undefined }] });
    expect(settings(["-f", "json,codeclimate"])).toMatchObject({ format: "json", moreReports: [{ format: "gitlab" }] });
    expect(settings([], { HADOLINT_FORMAT: "json,gnu" })).toMatchObject({ format: "json", moreReports: [{ format: "gnu" }] });
    expect(() => settings(["-f", "json", "-f", "nope"])).toThrow(/unknown format 'nope'/);
  });

  test("failure threshold from flag or variables; hadolint's ignore means none", () => {
    expect(settings(["-t", "error"], { SHIPSHAPE_FAILURE_THRESHOLD: "style" }).failureThreshold).toBe("error");
    expect(settings([], { SHIPSHAPE_FAILURE_THRESHOLD: "style", HADOLINT_FAILURE_THRESHOLD: "error" }).failureThreshold).toBe("style");
    // HADOLINT_FAILURE_THRESHOLD is kept apart: a config file's failure-threshold wins over it (hadolint's env < file).
    expect(settings([], { HADOLINT_FAILURE_THRESHOLD: "ignore" })).toMatchObject({ failureThreshold: undefined, envFailureThreshold: "none" });
    expect(() => settings(["--failure-threshold", "fatal"])).toThrow(UsageError);
  });

  test("rule lists: comma lists and repeats; ignore adds up across sources as hadolint's does", () => {
    expect(settings(["--select", "DL3007, DL3008", "--select", "latest-tag"]).select).toEqual(["DL3007", "DL3008", "latest-tag"]);
    expect(settings([], { SHIPSHAPE_SELECT: "DL3007" }).select).toEqual(["DL3007"]);
    expect(settings(["--ignore", "DL3007"], { SHIPSHAPE_IGNORE: "DL3008", HADOLINT_IGNORE: "DL3009,DL3007" }).ignore).toEqual(["DL3007", "DL3008", "DL3009"]);
  });

  test("hadolint's severity overrides: error wins for a code in several lists", () => {
    expect(settings(["--style", "DL3007", "--error", "DL3007", "--info", "DL3008"], { HADOLINT_OVERRIDE_WARNING: "DL3009" }).severity).toEqual({
      DL3007: "error",
      DL3008: "info",
      DL3009: "warning",
    });
  });

  test("boolean variables use hadolint's truthy words", () => {
    for (const yes of ["1", "y", "on", "TRUE", "yes"]) expect(envFlag(yes)).toBe(true);
    for (const no of ["0", "false", "no", "", "enabled"]) expect(envFlag(no)).toBe(false);
    expect(settings([], { HADOLINT_NOFAIL: "true" }).noFail).toBe(true);
    expect(settings([], { HADOLINT_DISABLE_IGNORE_PRAGMA: "1" }).disableIgnorePragma).toBe(true);
  });

  test("colour: --no-color > --color > NO_COLOR > FORCE_COLOR > TTY", () => {
    expect(settings([], {}, true).color).toBe(true);
    expect(settings([], { NO_COLOR: "1" }, true).color).toBe(false);
    expect(settings([], { NO_COLOR: "" }, true).color).toBe(true);
    expect(settings([], { FORCE_COLOR: "1" }, false).color).toBe(true);
    expect(settings(["--color"], { NO_COLOR: "1" }).color).toBe(true);
    expect(settings(["--no-color", "--color"], {}, true).color).toBe(false);
  });

  test("--max-warnings: a whole number, -1 for no limit; --exclude lists", () => {
    expect(settings(["--max-warnings", "0"]).maxWarnings).toBe(0);
    expect(settings(["--max-warnings=-1"]).maxWarnings).toBeUndefined();
    expect(() => settings(["--max-warnings", "many"])).toThrow(UsageError);
    expect(settings(["-e", "vendor/,*.old", "--exclude", "tmp"]).exclude).toEqual(["vendor/", "*.old", "tmp"]);
    expect(settings([], { SHIPSHAPE_EXCLUDE: "build" }).exclude).toEqual(["build"]);
  });

  test("shard, kind and stdin checks", () => {
    expect(settings(["--shard", "2/5"]).shard).toEqual({ index: 2, total: 5 });
    expect(settings([], { SHIPSHAPE_SHARD: "1/2" }).shard).toEqual({ index: 1, total: 2 });
    expect(() => settings(["--shard", "0/5"])).toThrow(UsageError);
    expect(() => settings(["--kind", "yaml"])).toThrow(UsageError);
    expect(() => settings(["-", "-"])).toThrow(/only once/);
    expect(settings(["--compose-file", "a.yaml"]).paths).toEqual([]);
  });
});

/** The JSON schema of `.shipshape.yaml`, generated from the rule set (written to schemas/ by codegen). */
import type { OptionSpec } from "../rule.js";
import type { Rule } from "../rule.js";

type Json = Record<string, unknown>;

function optionSchema(spec: OptionSpec): Json {
  const base: Json = { description: spec.description };
  if (spec.default !== undefined) base.default = spec.default;
  switch (spec.type) {
    case "string":
      return { ...base, type: "string" };
    case "string[]":
      return { ...base, anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] };
    case "boolean":
      return { ...base, type: "boolean" };
    case "number":
      return { ...base, type: "number" };
    case "enum":
      return { ...base, enum: [...spec.values] };
    case "string-map":
      return { ...base, type: "object", additionalProperties: { type: ["string", "number", "boolean", "null"] } };
  }
}

/** Both spellings of a key: `failureThreshold` and `failure-threshold`. */
function both(camel: string, schema: Json): Record<string, Json> {
  const kebab = camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return kebab === camel ? { [camel]: schema } : { [camel]: schema, [kebab]: schema };
}

export function configJsonSchema(rules: readonly Rule[]): Json {
  const refs = [...new Set(rules.flatMap((r) => [r.code, r.name, ...(r.aliases ?? [])]))].sort();
  const ruleRef = { anyOf: [{ enum: [...refs, "all"] }, { type: "string", pattern: "^SC\\d{4}$" }] };
  const ruleList = {
    anyOf: [{ type: "array", items: ruleRef }, { type: "string", description: "A comma-separated list." }],
  };
  const severity = { enum: ["error", "warning", "info", "style"] };
  const severityOrOff = { enum: ["error", "warning", "info", "style", "off", "ignore", "none"] };

  const sharedOptions: Record<string, Json> = {};
  const ruleEntries: Record<string, Json> = {};
  for (const rule of [...rules].sort((a, b) => a.code.localeCompare(b.code))) {
    const props: Record<string, Json> = {
      severity: severityOrOff,
      enabled: { type: "boolean", description: "Turn the rule on or off." },
    };
    for (const [name, spec] of Object.entries(rule.options ?? {})) {
      Object.assign(props, both(name, optionSchema(spec)));
      for (const [k, v] of Object.entries(both(name, optionSchema(spec)))) sharedOptions[k] ??= v;
    }
    const entry = {
      description: `${rule.name}${rule.aliases?.length ? ` (${rule.aliases.join(", ")})` : ""}`,
      anyOf: [severityOrOff, { type: "boolean" }, { type: "object", properties: props, additionalProperties: false }],
    };
    ruleEntries[rule.code] = entry;
  }

  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://shipshape.dev/schemas/shipshape-config.schema.json",
    title: "shipshape configuration (.shipshape.yaml)",
    description: "Rule selection, severities and options for shipshape. Hadolint's .hadolint.yaml keys are accepted too.",
    type: "object",
    properties: {
      select: { ...ruleList, description: "Exactly these rules (codes, names or aliases), replacing the default set." },
      ...both("extendSelect", { ...ruleList, description: "Rules added to the default set." }),
      ignore: { ...ruleList, description: "Rules to turn off." },
      ignored: { ...ruleList, description: "Hadolint's spelling of `ignore`." },
      severity: { type: "object", description: "Severity per rule; `off` disables it.", additionalProperties: severityOrOff },
      override: {
        type: "object",
        description: "Hadolint's severity overrides: lists of rules per severity (the most severe wins).",
        properties: { error: ruleList, warning: ruleList, info: ruleList, style: ruleList },
        additionalProperties: false,
      },
      ...both("failureThreshold", { enum: [...severity.enum, "none", "ignore"], description: "The lowest severity that fails the run." }),
      ...both("disableIgnorePragma", { type: "boolean", description: "Ignore all `# hadolint ignore` and `# shipshape ignore` comments." }),
      ...both("noFail", { type: "boolean", description: "Always exit with status 0." }),
      quiet: { type: "boolean", description: "Report errors only (as --quiet) for the files this config covers." },
      ...both("strictLabels", { type: "boolean", description: "Hadolint: labels not in the label schema are reported." }),
      rules: {
        type: "object",
        description: "Per-rule settings: a severity, `off`, true/false, or a map with `severity`, `enabled` and the rule's options.",
        properties: ruleEntries,
        additionalProperties: { anyOf: [severityOrOff, { type: "boolean" }, { type: "object" }] },
      },
      ...sharedOptions,
      ...both("noColor", { type: "boolean", description: "No colour in the stylish report (the CLI reads it from the working directory's config)." }),
      format: { type: "string", description: "The report's format when no --format or variable gives one (CLI)." },
      formats: { type: "array", items: { type: "string" }, description: "hadolint's list of formats: the CLI writes each, to the `outputs` entry in its place or to stdout." },
      output: { type: "string", description: "The file the report is written to when no --output gives one (CLI)." },
      outputs: { type: "array", items: { type: "string" }, description: "hadolint's list of outputs, one per format in `formats` (CLI)." },
      verbose: { type: "boolean", description: "Say on stderr which config file each file is linted with (CLI)." },
    },
    additionalProperties: false,
  };
}

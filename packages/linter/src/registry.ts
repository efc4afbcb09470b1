/** A set of rules looked up by code, name or alias (case-insensitively), as everywhere a rule is named. */
import type { OptionSpec, Rule } from "./rule.js";

/** ShellCheck findings are reported as `SC<nnnn>`; they have no rule objects of their own. */
export const SHELLCHECK_CODE = /^SC\d{4}$/i;

/** BuildKit's build check names (frontend/dockerfile/linter/ruleset.go). `# check=skip=all` reaches these. */
export const BUILDKIT_CHECKS: readonly string[] = [
  "StageNameCasing", "FromAsCasing", "NoEmptyContinuation", "ConsistentInstructionCasing", "DuplicateStageName",
  "ReservedStageName", "JSONArgsRecommended", "MaintainerDeprecated", "UndefinedArgInFrom", "WorkdirRelativePath",
  "UndefinedVar", "MultipleInstructionsDisallowed", "LegacyKeyValueFormat", "InvalidBaseImagePlatform",
  "RedundantTargetPlatform", "SecretsUsedInArgOrEnv", "InvalidDefaultArgInFrom", "FromPlatformFlagConstDisallowed",
  "CopyIgnoredFile", "InvalidDefinitionDescription", "ExposeProtoCasing", "ExposeInvalidFormat",
];

const BUILDKIT_LOWER = new Set(BUILDKIT_CHECKS.map((c) => c.toLowerCase()));

export class RuleSet {
  readonly rules: readonly Rule[];
  private readonly byRef = new Map<string, Rule>();
  /** Aliases may be shared: BuildKit's MultipleInstructionsDisallowed is hadolint's DL4003, DL4004 and DL3012. */
  private readonly allByRef = new Map<string, Rule[]>();
  private readonly byCode = new Map<string, Rule>();
  private readonly buildkit = new Set<string>();

  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    for (const rule of rules) {
      this.byCode.set(rule.code, rule);
      for (const ref of [rule.code, rule.name, ...(rule.aliases ?? [])]) {
        const key = ref.toLowerCase();
        if (!this.byRef.has(key)) this.byRef.set(key, rule);
        const all = this.allByRef.get(key);
        if (!all) this.allByRef.set(key, [rule]);
        else if (!all.includes(rule)) all.push(rule);
        if (BUILDKIT_LOWER.has(key)) this.buildkit.add(rule.code);
      }
    }
  }

  /** The rule a code, name or alias names. */
  resolve(ref: string): Rule | undefined {
    return this.byRef.get(ref.trim().toLowerCase());
  }

  /** Every rule a code, name or alias names (several only for a shared alias). */
  resolveAll(ref: string): readonly Rule[] {
    return this.allByRef.get(ref.trim().toLowerCase()) ?? [];
  }

  /** The canonical codes a reference names: rules' codes, or an `SCnnnn` code upper-cased. */
  canonicalCodes(ref: string): string[] {
    const rules = this.resolveAll(ref);
    if (rules.length) return rules.map((r) => r.code);
    if (SHELLCHECK_CODE.test(ref.trim())) return [ref.trim().toUpperCase()];
    return [];
  }

  byExactCode(code: string): Rule | undefined {
    return this.byCode.get(code);
  }

  /** The canonical code for a reference: a rule's code, or an `SCnnnn` code upper-cased. */
  canonicalCode(ref: string): string | undefined {
    const rule = this.resolve(ref);
    if (rule) return rule.code;
    if (SHELLCHECK_CODE.test(ref.trim())) return ref.trim().toUpperCase();
    return undefined;
  }

  /** True for a rule that does what a BuildKit build check does (its code or an alias is a check name). */
  isBuildkitCheck(code: string): boolean {
    return this.buildkit.has(code);
  }

  /** The option spec named `name` in any rule (the first that declares it). */
  sharedOption(name: string): OptionSpec | undefined {
    for (const rule of this.rules) {
      const spec = rule.options?.[name];
      if (spec) return spec;
    }
    return undefined;
  }
}

/**
 * @shipshape/linter: the rule engine for Dockerfiles and Compose files, its rules, suppressions,
 * configuration and fixes. Pure: file access is injected through `LintOptions.readFile`.
 */
export { lint, lintSync, lintDocument, LintSession, type LintInput, type LintOptions } from "./lint.js";
/** For `LintOptions.yamlCache`: an editor keeps one for its session. */
export { YamlCache } from "@shipshape/compose";
export { applySafeFixes, fixFile, MAX_FIX_ROUNDS, type FixResult } from "./fix.js";
export { listRules, explainRule, resolveRule, ruleInfo } from "./rule-info.js";
export {
  defineRule,
  type Rule,
  type RuleKind,
  type RuleMeta,
  type DockerfileRule,
  type DockerfileRuleContext,
  type DockerfileVisitor,
  type StageSpan,
  type OptionSpec,
  type OptionSpecs,
  type Target,
  type ReportExtra,
  type SourceFile,
} from "./rule.js";
export { md, docSections, codeBlocks, docSummary, DOC_HEADINGS } from "./docs.js";
export { RuleSet, BUILDKIT_CHECKS, SHELLCHECK_CODE } from "./registry.js";
export { ALL_RULES, defaultRuleSet } from "./rules/all.js";
export { LABEL_TYPES } from "./rules/dockerfile/support/labels.js";
export { parseConfig, outputSettingsOf, INVALID_CONFIG, type OutputSettings } from "./config/parse.js";
export { CONFIG_NAMES, HADOLINT_CONFIG_NAMES, COMPOSE_CONFIG_NAMES, type ReadFile, type FindConfig } from "./config/discover.js";
export { DCLINT_CONFIG_NAMES, DCLINT_SCRIPT_NAMES, dclintConfigKind, dclintExcludes, packageHasDclint, parseDclintConfig } from "./config/dclint.js";
export { mergeConfigs, type LinterConfig, type FailureThreshold, type SeverityOrOff } from "./config/types.js";
export { selectRules } from "./config/select.js";
export { fileKindOf, recognisedKind } from "./file-kind.js";
export { toReported, compareReported } from "./report.js";
export { INTERNAL_ERROR } from "./engine/builders.js";
export { UNUSED_SUPPRESSION } from "./engine/unused.js";
export { SHELLCHECK_RULE, type ShellcheckRunner } from "./engine/shellcheck.js";

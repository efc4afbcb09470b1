/**
 * Shared by hadolint's label-schema rules (DL3049-DL3058): the `labelSchema` / `strictLabels` options,
 * the LABEL pairs of a file with their values, and a validator per label type.
 *
 * Configuration: `.hadolint.yaml`'s `label-schema` and `strict-labels` reach these rules as the options
 * `labelSchema` and `strictLabels` (the config reader camel-cases keys and hands top-level keys to every
 * rule that declares an option of that name).
 */
import type { KeyValuePair, LabelInstruction } from "@shipshape/dockerfile";
import type { DockerfileRuleContext } from "../../../rule.js";
import { LABEL_TYPES } from "@shipshape/text";
import { SPDX_LICENSE_IDS } from "./spdx-license-ids.js";
import { hasVariable, unquote } from "./words.js";

// hadolint's label types, shared with the CLI's --require-label.
export { LABEL_TYPES };
export type LabelType = (typeof LABEL_TYPES)[number];

export const labelSchemaOption = {
  type: "string-map",
  description:
    "Labels every image must carry, each with its type: text, url, rfc3339, spdx, hash, semver or email (empty means text). Hadolint's `label-schema`.",
  default: {},
} as const;

export const strictLabelsOption = {
  type: "boolean",
  description: "Report labels that are not in `labelSchema`. Hadolint's `strict-labels`.",
  default: false,
} as const;

/** The type a schema gives a label (`""` and unknown spellings count as text). */
export function typeOf(schema: Readonly<Record<string, string>>, key: string): LabelType | undefined {
  if (!Object.hasOwn(schema, key)) return undefined;
  const t = (schema[key] ?? "").trim().toLowerCase();
  return (LABEL_TYPES as readonly string[]).includes(t) ? (t as LabelType) : "text";
}

export interface LabelValue {
  pair: KeyValuePair;
  key: string;
  /** The value as the build sets it; undefined when it depends on something unknown here. */
  value: string | undefined;
}

/** The pairs of a LABEL with their keys unquoted and values expanded where the scope allows. */
export function labelValues(ctx: DockerfileRuleContext<unknown>, node: LabelInstruction): LabelValue[] {
  return node.pairs.map((pair) => {
    const key = unquote(pair.key.value);
    const raw = pair.value?.value ?? "";
    if (!hasVariable(raw)) return { pair, key, value: unquote(raw) };
    const resolved = ctx.semantic.resolveAt(node, raw);
    const known = resolved.unmatched.length === 0 && resolved.errors.length === 0;
    return { pair, key, value: known ? resolved.value : undefined };
  });
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function isRfc3339(v: string): boolean {
  const m = RFC3339.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offH, offM] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const days = [31, year! % 4 === 0 && (year! % 100 !== 0 || year! % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= days[month! - 1]! && hour! < 24 && minute! < 60 && second! <= 60 && offH! < 24 && offM! < 60;
}

/** semver.org's grammar: MAJOR.MINOR.PATCH, optional -prerelease and +build, no leading zeros. */
const SEMVER =
  /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** An addr-spec: a dot-atom or quoted local part, `@`, a dot-atom domain or an address literal. */
const EMAIL =
  /^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*|"(?:[^"\\\r\n]|\\.)*")@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[^\][\\\s]*\])$/;

function isUrl(v: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/** A license id, `LicenseRef-...`, or an SPDX expression of them (AND, OR, WITH, parentheses, `+`). */
function isSpdx(v: string): boolean {
  const tokens = v.replace(/[()]/g, " $& ").trim().split(/\s+/);
  let depth = 0;
  let expectOperand = true;
  let afterWith = false;
  for (const t of tokens) {
    if (t === "(") {
      if (!expectOperand) return false;
      depth++;
    } else if (t === ")") {
      if (expectOperand || --depth < 0) return false;
    } else if (/^(AND|OR|WITH)$/.test(t)) {
      if (expectOperand) return false;
      expectOperand = true;
      afterWith = t === "WITH";
    } else {
      if (!expectOperand) return false;
      const ok = afterWith
        ? /^[A-Za-z0-9.-]+$/.test(t)
        : SPDX_LICENSE_IDS.has(t.replace(/\+$/, "")) || /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(t);
      if (!ok) return false;
      expectOperand = false;
      afterWith = false;
    }
  }
  return depth === 0 && !expectOperand;
}

/** Whether a non-empty value is valid for its type. */
export const VALIDATORS: Record<Exclude<LabelType, "text">, (v: string) => boolean> = {
  url: isUrl,
  rfc3339: isRfc3339,
  spdx: isSpdx,
  hash: (v) => /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/.test(v),
  semver: (v) => SEMVER.test(v),
  email: (v) => EMAIL.test(v),
};

/** The visitor of a typed-label rule: every schema label of `type` whose known, non-empty value fails. */
export function typedLabelVisitor(
  ctx: DockerfileRuleContext<{ readonly labelSchema: Readonly<Record<string, string>> }>,
  type: Exclude<LabelType, "text">,
  message: (key: string, value: string) => string,
) {
  return {
    Label(node: LabelInstruction) {
      if (node.parentOnbuild) return;
      for (const { pair, key, value } of labelValues(ctx, node)) {
        if (typeOf(ctx.options.labelSchema, key) !== type || value === undefined || value === "") continue;
        if (!VALIDATORS[type](value)) ctx.report(pair.value ?? pair.key, message(key, value));
      }
    },
  };
}

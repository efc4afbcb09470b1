import type { EnvInstruction, KeyValuePair, LabelInstruction } from "@shipshape/dockerfile";
import type { Fix } from "@shipshape/text";
import type { DockerfileRuleContext } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** True when the raw value has white space outside quotes (it would split into words in `k=v` form). */
function hasBareSpace(raw: string, escape: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === escape && quote !== "'") i++;
    else if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (/\s/.test(c)) return true;
  }
  return false;
}

/**
 * `ENV k v` → `ENV k=v`. The legacy value is taken whole; in `k=v` form it must be one word, so a value
 * with bare white space is double-quoted, which keeps it as is only when it holds no quotes or escapes.
 */
function fixFor(ctx: DockerfileRuleContext<unknown>, pair: KeyValuePair, escape: string): Fix | undefined {
  const value = pair.value;
  if (!value || value.range.end - value.range.start !== value.value.length) return undefined; // spans lines
  const raw = value.value;
  const gap = { start: pair.key.range.end, end: value.range.start };
  if (!hasBareSpace(raw, escape)) return ctx.fix.of("Use key=value", [ctx.edit.replace(gap, "=")]);
  if (/["'`]/.test(raw) || raw.includes(escape) || raw.includes("\\")) return undefined;
  return ctx.fix.of("Use key=value", [ctx.edit.replace(gap, '="'), ctx.edit.insertAfter(value, '"')]);
}

export default defineRule({
  code: "LegacyKeyValueFormat",
  name: "legacy-key-value-format",
  kind: "dockerfile",
  category: "style",
  severity: "warning",
  enabledByDefault: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags \`ENV\` and \`LABEL\` in the legacy form \`ENV key value\`, without \`=\`.

    ## Why is this bad?
    The legacy form takes everything after the key as the value, spaces included, while the
    \`key=value\` form splits on spaces and allows several pairs. Mixing both is confusing
    (\`ENV A B=C\` sets \`A\` to \`B=C\`), and the legacy form is deprecated.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    ENV APP_HOME /opt/app
    LABEL description A small tool
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    ENV APP_HOME=/opt/app
    LABEL description="A small tool"
    \`\`\`

    ## Fix safety
    Safe: \`key value\` becomes \`key=value\`, and a value with spaces is put in double quotes so it stays
    one value. No fix is offered when such a value already holds quotes or escape characters, or spans
    several lines, since quoting would change it.

    ## Differences from BuildKit
    None.
  `,
  create: (ctx) => {
    const check = (node: EnvInstruction | LabelInstruction) => {
      for (const pair of node.pairs) {
        // Without a value the parser already reports the line (missing-value).
        if (!pair.legacy || !pair.value) continue;
        ctx.report(pair.key, `Write '${node.keyword} ${pair.key.value}=...' instead of the legacy '${node.keyword} ${pair.key.value} ...' form`, {
          fix: fixFor(ctx, pair, ctx.ast.escape),
        });
      }
    };
    return { Env: check, Label: check };
  },
});

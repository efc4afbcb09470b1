import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DL3044",
  name: "env-self-reference",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a variable used in an \`ENV\` instruction that the same instruction defines earlier, when it
    had no value before the instruction (\`ENV A=1 B=\$A\`).

    ## Why is this bad?
    All values of one \`ENV\` are expanded with the environment from before the instruction: in
    \`ENV A=1 B=\$A\`, \`B\` does not get \`1\` but the previous value of \`A\`, here nothing.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    ENV APP_HOME=/opt/app APP_BIN=\${APP_HOME}/bin
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    ENV APP_HOME=/opt/app
    ENV APP_BIN=\${APP_HOME}/bin
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    Whether the variable existed before is taken from the variable scopes BuildKit uses (ARG and ENV of
    the stage, the stages it builds on, and predefined arguments), rather than from any earlier ARG or
    ENV in the file.
  `,
  create: (ctx) => ({
    Env(node) {
      if (node.parentOnbuild) return;
      const scope = ctx.semantic.scopeAt(node);
      node.pairs.forEach((pair, i) => {
        if (!pair.value) return;
        const earlierKeys = new Set(node.pairs.slice(0, i).map((p) => p.key.value));
        for (const ref of node.variables) {
          if (ref.range.start < pair.value.range.start || ref.range.end > pair.value.range.end) continue;
          if (!earlierKeys.has(ref.name) || scope.declarationOf(ref.name) || scope.lookup(ref.name) !== undefined) continue;
          ctx.report(ref, `'${ref.name}' is defined in this same ENV, so '${ref.name}' here expands to its value from before the instruction (none); set it in an earlier ENV`);
        }
      });
    },
  }),
});

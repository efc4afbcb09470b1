import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DF113",
  name: "blank-variable-name",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags an \`ENV\` or \`LABEL\` pair with nothing before the \`=\` (\`ENV =production\`, \`LABEL ="x"\`).

    ## Why is this bad?
    BuildKit stops with \`ENV names can not be blank\` (or \`LABEL names ...\`). It is usually a space typed
    before the \`=\` in a list of pairs: \`ENV A=1 PORT =3000\` reads \`PORT\` as a word without a value
    and \`=3000\` as a pair without a name. (With a single pair, \`ENV PORT =3000\` is the legacy form and
    sets \`PORT\` to \`=3000\`.)

    ## Example
    \`\`\`dockerfile
    FROM node:22-alpine
    ENV NODE_ENV=production =1
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-alpine
    ENV NODE_ENV=production
    \`\`\`

    ## Fix safety
    No fix: the intended name is unknown.

    ## Relation to dockerfile-utils
    dockerfile-utils reports this as \`SYNTAX_MISSING_NAMES\`.
  `,
  create: (ctx) => {
    const check = (keyword: string, pairs: readonly { key: { value: string }; range: import("@shipshape/text").Range }[]) => {
      for (const pair of pairs) {
        if (pair.key.value === "") ctx.report(pair.range, `${keyword} has a value without a name before '='`);
      }
    };
    return {
      Env: (node) => check("ENV", node.pairs),
      Label: (node) => check("LABEL", node.pairs),
    };
  },
});

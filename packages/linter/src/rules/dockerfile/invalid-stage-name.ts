import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DF109",
  name: "invalid-stage-name",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a stage name (\`FROM ... AS <name>\`) BuildKit refuses: it must start with a letter and go on with
    letters, digits, \`-\`, \`_\` and \`.\` only (letter case does not matter; names are stored lower-cased).

    ## Why is this bad?
    The build stops with \`invalid name for build stage\`, whichever target is built.

    ## Example
    \`\`\`dockerfile
    FROM golang:1.23 AS 2-build
    FROM alpine:3.20
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM golang:1.23 AS build-2
    FROM alpine:3.20
    \`\`\`

    ## Fix safety
    No fix: renaming a stage means renaming its every use, which may be outside this file (\`--target\`,
    compose \`build.target\`).

    ## Relation to dockerfile-utils
    dockerfile-utils reports this as \`INVALID_BUILD_STAGE_NAME\`. Reserved names (\`scratch\`, \`context\`)
    are DL3063's concern, casing is StageNameCasing's.
  `,
  create: (ctx) => ({
    "File:exit"() {
      for (const problem of ctx.semantic.problems) {
        if (problem.code !== "invalid-stage-name") continue;
        const name = problem.stage?.nameWord?.value ?? ctx.text(problem.range);
        ctx.report(problem.range, `'${name}' cannot name a stage: start with a letter, then use only letters, digits, '-', '_' and '.'`);
      }
    },
  }),
});

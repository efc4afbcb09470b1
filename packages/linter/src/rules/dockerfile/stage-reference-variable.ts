import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DF118",
  name: "stage-reference-variable",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags \`COPY --from\` and \`RUN --mount=...,from=\` written with a variable (\`--from=$SRC\`,
    \`from=\${BASE}\`).

    ## Why is this bad?
    BuildKit resolves these before any variable has a value and refuses the Dockerfile: \`variable expansion
    is not supported for --from\` (and \`'from' doesn't support variable expansion\` for mounts). The build
    fails whichever target is built, even when the stage holding the line is not.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20 AS build
    FROM alpine:3.20
    ARG SRC=build
    COPY --from=$SRC /out /out
    \`\`\`

    ## Use instead
    Pick the source with a stage that a global ARG names in its \`FROM\`, and copy from that stage:

    \`\`\`dockerfile
    ARG SRC=build
    FROM alpine:3.20 AS build
    FROM \${SRC} AS source
    FROM alpine:3.20
    COPY --from=source /out /out
    \`\`\`

    ## Fix safety
    No fix: the stage to copy from is a choice the file does not make for you.

    ## Notes
    \`shipshape plan\` reports the same two errors (CopyFromVariable, MountFromVariable). No other linter
    reports them; hadolint's DL3022 only looks for an unknown stage name.
  `,
  create: (ctx) => ({
    "File:exit"() {
      for (const problem of ctx.semantic.problems) {
        if (problem.code === "copy-from-variable") {
          ctx.report(problem.range, "COPY --from cannot use a variable: BuildKit refuses it before expanding anything; copy from a stage whose FROM names the source instead");
        } else if (problem.code === "mount-from-variable") {
          ctx.report(problem.range, "RUN --mount from= cannot use a variable: BuildKit refuses it before expanding anything; mount a stage whose FROM names the source instead");
        }
      }
    },
  }),
});

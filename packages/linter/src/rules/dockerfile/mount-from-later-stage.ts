import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DF203",
  name: "mount-from-later-stage",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags \`RUN --mount=...,from=<stage>\` naming the stage the \`RUN\` is in, or a stage defined after it.

    ## Why is this bad?
    A stage can only mount from stages defined before it: BuildKit stops with \`stage needs to be defined
    before current command\` (a stage mounting itself would be a cycle). The same mistake with
    \`COPY --from\` is DL3022 (later stage) and DL3023 (itself).

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    RUN --mount=from=assets,target=/assets cp -r /assets /srv/
    FROM alpine:3.20 AS assets
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20 AS assets
    FROM alpine:3.20
    RUN --mount=from=assets,target=/assets cp -r /assets /srv/
    \`\`\`

    ## Fix safety
    No fix: moving stages around is a larger edit.
  `,
  create: (ctx) => ({
    "File:exit"() {
      for (const ref of ctx.semantic.stageReferences) {
        if (ref.kind !== "mount-from" || ref.target.kind !== "stage") continue;
        const target = ref.target.stage;
        if (ref.problem === "self") {
          ctx.report(ref.range, `RUN --mount from=${ref.value} names the stage it is in; a stage cannot mount itself`);
        } else if (ref.problem === "later-stage") {
          const line = ctx.file.lines.positionAt(target.from.range.start).line + 1;
          ctx.report(ref.range, `Stage '${target.displayName}' is defined later (line ${line}); RUN --mount from= can only use earlier stages`);
        }
      }
    },
  }),
});

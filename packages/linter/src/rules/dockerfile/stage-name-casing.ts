import type { Word } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "StageNameCasing",
  name: "stage-name-casing",
  kind: "dockerfile",
  category: "style",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags a stage name (\`FROM image AS Name\`) that is not all lowercase.

    ## Why is this bad?
    BuildKit lower-cases stage names, so \`Build\` and \`build\` are the same stage. Writing them in mixed
    case suggests a distinction that does not exist and makes references harder to search for.

    ## Example
    \`\`\`dockerfile
    FROM golang:1.23 AS Builder
    FROM alpine:3.20
    COPY --from=Builder /out/app /app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM golang:1.23 AS builder
    FROM alpine:3.20
    COPY --from=builder /out/app /app
    \`\`\`

    ## Fix safety
    Safe: the name and every reference to it (\`FROM\`, \`COPY --from\`, \`RUN --mount=from=\`) are
    lower-cased, and BuildKit already treats them as lowercase.
  `,
  create: (ctx) => ({
    From(node) {
      const name = node.stageName;
      if (!name || node.extraArgs.length > 0 || name.value === name.value.toLowerCase()) return;
      const lower = name.value.toLowerCase();
      const refs: Word[] = [name];
      const later = ctx.ast.instructions.filter((i) => i.range.start > node.range.start);
      for (const instr of later) {
        const target = instr.kind === "Onbuild" && instr.trigger ? instr.trigger : instr;
        if (target.kind === "From" && target.image && target.image.value.toLowerCase() === lower) refs.push(target.image);
        if (target.kind === "Copy" && target.from?.value?.value.toLowerCase() === lower) refs.push(target.from.value);
        if (target.kind === "Run") {
          for (const mount of target.mounts) {
            for (const field of mount.fields) {
              if (field.key.value.toLowerCase() === "from" && field.value?.value.toLowerCase() === lower) refs.push(field.value);
            }
          }
        }
      }
      const fix = ctx.fix.of(
        `Rename the stage to '${lower}'`,
        refs.map((w) => ctx.edit.replace(w, lower)),
      );
      ctx.report(name, `Stage name '${name.value}' should be lowercase`, { fix });
    },
  }),
});

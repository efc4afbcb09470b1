import type { Stage } from "@shipshape/semantic";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** Stages the given roots need: themselves, their bases, COPY --from and mount sources, transitively. */
function reachableFrom(roots: readonly Stage[]): Set<Stage> {
  const seen = new Set<Stage>();
  const queue = [...roots];
  while (queue.length > 0) {
    const stage = queue.pop()!;
    if (seen.has(stage)) continue;
    seen.add(stage);
    for (const ref of stage.references) if (ref.target.kind === "stage") queue.push(ref.target.stage);
    if (stage.base.kind === "stage") queue.push(stage.base.stage);
  }
  return seen;
}

export default defineRule({
  code: "DF202",
  name: "unused-stage",
  kind: "dockerfile",
  category: "best-practice",
  severity: "info",
  enabledByDefault: true,
  options: {
    targets: {
      type: "string[]",
      description: "Stages you also build with --target (besides the last one); what they need counts as used.",
      default: [],
    },
  },
  docs: () => md`
    ## What it does
    Flags a stage that building the last stage does not need: neither the last stage nor any stage it
    depends on (through \`FROM <stage>\`, \`COPY --from\`, \`RUN --mount from=\`, transitively) uses it.

    ## Why is this bad?
    BuildKit skips it, so its instructions are never built or checked by a plain \`docker build\`: leftover
    code that still has to be read and maintained, or a stage that was meant to be wired in and is not.

    ## Example
    \`\`\`dockerfile
    FROM golang:1.23 AS tools
    RUN go install golang.org/x/tools/cmd/stringer@v0.26.0

    FROM golang:1.23 AS build
    RUN go build -o /out/app ./...

    FROM alpine:3.20
    COPY --from=build /out/app /usr/local/bin/app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM golang:1.23 AS build
    RUN go build -o /out/app ./...

    FROM alpine:3.20
    COPY --from=build /out/app /usr/local/bin/app
    \`\`\`

    ## Fix safety
    No fix: the stage may be built on purpose with \`--target\`.

    ## Options
    \`targets\`: stages you build with \`--target\` (\`dev\`, \`test\`); they and what they need are not
    reported. The severity is \`info\` because alternative targets are common.
  `,
  create: (ctx) => ({
    "File:exit"() {
      const stages = ctx.semantic.stages;
      const last = stages[stages.length - 1];
      if (!last) return;
      const wanted = new Set(ctx.options.targets.map((t) => t.toLowerCase()));
      const roots = [last, ...stages.filter((s) => s.name !== undefined && wanted.has(s.name))];
      const used = reachableFrom(roots);
      for (const stage of stages) {
        if (used.has(stage)) continue;
        const target = stage.nameWord ?? stage.from.keywordWord;
        ctx.report(target, `Stage '${stage.displayName}' is not needed to build the last stage '${last.displayName}' (build it with --target, or remove it)`, {
          tags: ["unnecessary"],
        });
      }
    },
  }),
});

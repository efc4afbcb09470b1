import type { StageSpan } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { stageChain } from "./support/stages.js";

export default defineRule({
  code: "DL3057",
  name: "healthcheck-missing",
  kind: "dockerfile",
  category: "best-practice",
  severity: "info",
  enabledByDefault: false,
  docs: () => md`
    ## What it does
    Flags an image stage with no \`HEALTHCHECK\`, neither its own nor one from a stage it builds on.
    Off by default.

    ## Why is this bad?
    Without a health check, Docker and Swarm only know whether the process runs, not whether it
    answers. A hung server stays "up". Where the orchestrator has its own probes (Kubernetes), this rule
    is best left off.

    ## Example
    \`\`\`dockerfile
    FROM nginx:1.27
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM nginx:1.27
    HEALTHCHECK CMD curl -fsS http://localhost/ || exit 1
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    Only stages that become images are checked: the last stage and stages no other stage refers to.
    Hadolint also reports build stages used by \`COPY --from\` or as a base, which never run as
    containers. \`HEALTHCHECK NONE\` counts as a deliberate choice and is not reported. The base
    image's own health check cannot be seen offline.
  `,
  create: (ctx) => {
    const hasHealthcheck = (stage: StageSpan): boolean =>
      stageChain(ctx.stages, stage).some((s) => s.instructions.some((i) => i.kind === "Healthcheck"));
    return {
      "Stage:exit"(stage) {
        const isLast = stage.index === ctx.stages.length - 1;
        if (!isLast && (ctx.semantic.stages[stage.index]?.referencedBy.length ?? 0) > 0) return;
        if (hasHealthcheck(stage)) return;
        const where = stage.name ? `Stage '${stage.name}'` : "This image";
        ctx.report(stage.from.keywordWord, `${where} has no HEALTHCHECK`);
      },
    };
  },
});

import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { stagesNamed } from "./support/stages.js";

export default defineRule({
  code: "DL3024",
  name: "duplicate-stage-name",
  aliases: ["DuplicateStageName"],
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a stage name (\`FROM image AS name\`) already used by an earlier stage. Names are compared
    without regard to case, since the build lower-cases them.

    ## Why is this bad?
    References to the name (\`FROM name\`, \`COPY --from=name\`, \`--target name\`) can only reach one of
    the stages, and which one is easy to get wrong when reading the file.

    ## Example
    \`\`\`dockerfile
    FROM node:22 AS build
    RUN npm ci
    FROM node:22 AS build
    RUN npm run build
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22 AS deps
    RUN npm ci
    FROM deps AS build
    RUN npm run build
    \`\`\`

    ## Fix safety
    No fix is offered: the references to update depend on which stage each was meant for.

    ## Differences from hadolint
    This is also BuildKit's \`DuplicateStageName\` check and is reported at the later stage, as BuildKit
    does. As BuildKit, \`Build\` and \`build\` are the same name; hadolint compares them as written.
  `,
  create: (ctx) => ({
    From(node) {
      const name = node.stageName;
      const stage = ctx.stageOf(node);
      if (!name || !stage) return;
      const first = stagesNamed(ctx.stages, name.value)[0];
      if (!first || first.index >= stage.index || !first.from.stageName) return;
      const line = ctx.file.lines.positionAt(first.from.range.start).line + 1;
      ctx.report(name, `Stage name '${name.value}' is already used by the stage on line ${line}`, {
        related: [{ message: "The first stage with this name", target: first.from.stageName }],
      });
    },
  }),
});

import { isPredefinedArg } from "@shipshape/semantic";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { forEachServiceDockerfile } from "./support/service-dockerfiles.js";
import { located } from "./support/targets.js";

export default defineRule({
  code: "DC205",
  name: "build-arg-not-declared",
  kind: "compose",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`build.args\` key that the Dockerfile never declares with \`ARG\`, neither before the first
    \`FROM\` nor in a stage the build runs.

    ## Why is this bad?
    BuildKit silently ignores a build arg no \`ARG\` declares: a misspelled name, or an \`ARG\` in a stage
    the target does not build, leaves the default in place without any message.

    ## Example
    \`\`\`yaml
    services:
      web:
        build:
          dockerfile_inline: |
            FROM node:22
            ARG NODE_ENV=development
            RUN echo "$$NODE_ENV"
          args:
            NODEENV: production
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        build:
          dockerfile_inline: |
            FROM node:22
            ARG NODE_ENV=development
            RUN echo "$$NODE_ENV"
          args:
            NODE_ENV: production
    \`\`\`

    ## Fix safety
    No fix: the arg may be misspelled here or missing in the Dockerfile.

    ## Differences from BuildKit
    BuildKit used to warn that build args were not consumed and no longer does. BuildKit's predefined
    args (proxies, \`BUILDKIT_*\`, platform args) need no declaration.
  `,
  create: (ctx) => ({
    Project() {
      forEachServiceDockerfile(ctx, (service, build) => {
        if (build.target && !build.targetStage) return;
        const declared = new Set(
          build.semantic.declarations.filter((d) => d.kind === "arg" && (d.global || d.stage?.reachable)).map((d) => d.name),
        );
        for (const kv of service.build?.args ?? []) {
          if (declared.has(kv.key) || isPredefinedArg(kv.key)) continue;
          const where = build.target ? ` in the stages target '${build.target}' builds` : "";
          ctx.report(located(kv.keyRange, kv.file), `Build arg '${kv.key}' of service '${service.name}' is not declared by an ARG in ${build.dockerfile.path}${where}; BuildKit ignores it`);
        }
      });
    },
  }),
});

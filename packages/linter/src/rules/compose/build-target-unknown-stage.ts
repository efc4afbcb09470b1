import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { forEachServiceDockerfile } from "./support/service-dockerfiles.js";

export default defineRule({
  code: "DC204",
  name: "build-target-unknown-stage",
  kind: "compose",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`build.target\` that names no stage (\`FROM ... AS name\`) of the Dockerfile the service builds.

    ## Why is this bad?
    Compose accepts the file, and the build fails later with \`target stage "x" could not be found\`.

    ## Example
    \`\`\`yaml
    services:
      web:
        build:
          dockerfile_inline: |
            FROM node:22 AS build
            FROM nginx:1.27 AS runtime
          target: prod
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        build:
          dockerfile_inline: |
            FROM node:22 AS build
            FROM nginx:1.27 AS runtime
          target: runtime
    \`\`\`

    ## Fix safety
    No fix: the intended stage is a choice.

    ## Differences from BuildKit
    Stage names are compared without case, as BuildKit does. The Dockerfile is read from
    \`build.context\` + \`build.dockerfile\` (or \`dockerfile_inline\`); remote contexts and unreadable
    files are skipped (see DC203).
  `,
  create: (ctx) => ({
    Project() {
      forEachServiceDockerfile(ctx, (service, build) => {
        if (!build.target || build.targetStage) return;
        const names = build.semantic.stages.filter((s) => s.name).map((s) => s.nameWord?.value ?? s.name!);
        ctx.report(service.build!.target!, `Service '${service.name}' builds the target '${build.target}', which is not a stage of ${build.dockerfile.path}${names.length ? ` (stages: ${names.join(", ")})` : " (it has no named stages)"}`);
      });
    },
  }),
});

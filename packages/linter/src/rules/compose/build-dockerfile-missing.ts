import { dockerfileLocation } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DC203",
  name: "build-dockerfile-missing",
  kind: "compose",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a service whose \`build\` points at a Dockerfile that cannot be read: a \`build.context\` folder
    that does not exist, or a \`build.dockerfile\` that is not in it.

    ## Why is this bad?
    Compose accepts the file; \`docker compose build\` (or \`up\`) fails with \`unable to prepare context\`
    or \`failed to read dockerfile\`.

    ## Example
    \`\`\`yaml
    services:
      web:
        build:
          context: ./web
          dockerfile: Dockerfile.prod
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        build:
          context: ./web
          dockerfile_inline: |
            FROM nginx:1.27
    \`\`\`

    ## Fix safety
    No fix: the right path is unknown.

    ## Differences from Compose
    The Dockerfile is read through the linter's file reader; remote contexts (git, http) and paths that
    still hold a \`$\` are skipped. Without a reader (some editor setups) nothing can be known about the
    file, so nothing is reported; a reader that fails counts as the file missing.
  `,
  create: (ctx) => ({
    Project(project) {
      for (const service of Object.values(project.services)) {
        const where = dockerfileLocation(service, project);
        // A file never looked up (no reader was given) may well exist: only a failed read counts.
        if (where?.kind !== "file" || !ctx.isMissing(where.path)) continue;
        const build = service.build!;
        ctx.report(build.dockerfile ?? build.context ?? build, `Service '${service.name}' builds from ${where.path}, which cannot be read`);
      }
    },
  }),
});

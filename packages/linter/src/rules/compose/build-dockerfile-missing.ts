import { dirname, isAbsolute, join } from "node:path";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** A remote build context (git, http) cannot be read offline. */
const isRemote = (context: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith("git@") || /^github\.com\//.test(context);

export default defineRule({
  code: "DC203",
  name: "build-dockerfile-missing",
  kind: "compose",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: md`
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
    The Dockerfile is read through the linter's file reader; remote contexts (git, http) are skipped.
    Without a reader (some editor setups), every local build is reported.
  `,
  create: (ctx) => ({
    Project(project) {
      for (const service of Object.values(project.services)) {
        const build = service.build;
        if (!build || build.dockerfile_inline !== undefined || ctx.dockerfileOf(service)) continue;
        const context = String(build.context?.value ?? ".");
        if (isRemote(context) || context.includes("$")) continue;
        const file = build.dockerfile?.value === undefined ? "Dockerfile" : String(build.dockerfile.value);
        if (file.includes("$")) continue;
        const where = build.context?.file ?? build.file;
        const base = project.baseDirs[where] ?? dirname(where);
        const contextDir = isAbsolute(context) ? context : join(base, context);
        const path = isAbsolute(file) ? file : join(contextDir, file);
        const at = build.dockerfile ?? build.context ?? build;
        ctx.report(at, `Service '${service.name}' builds from ${path}, which cannot be read`);
      }
    },
  }),
});

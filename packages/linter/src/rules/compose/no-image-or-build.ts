import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { isOverlay } from "./support/overlay.js";
import { nameOf } from "./support/targets.js";

export default defineRule({
  code: "DC104",
  name: "no-image-or-build",
  kind: "compose",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a service that has neither \`image\` nor \`build\` (nor a \`provider\`), after merging every file
    of the project and resolving \`extends\`.

    ## Why is this bad?
    Compose has nothing to run and refuses the project (\`has neither an image nor a build context
    specified\`).

    ## Example
    \`\`\`yaml
    services:
      web:
        ports:
          - "8080:80"
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        ports:
          - "8080:80"
    \`\`\`

    ## Fix safety
    No fix: the image to use is a choice.

    ## Differences from Compose
    An override file that only adjusts a service is fine: the check runs on the merged project.

    A project made only of files whose names \`docker compose\` does not load by default
    (\`compose.prod.yaml\`, \`docker-compose.nginx.yml\`) and that is incomplete on its own (a service
    without image or build, a dependency on a service it lacks) is taken for an overlay of a base file
    and not checked: lint it together with its base (\`--compose-file\`) to check it.
  `,
  create: (ctx) => ({
    Project(project) {
      if (isOverlay(ctx, project)) return;
      for (const service of Object.values(project.services)) {
        if (service.image || service.build || service.provider) continue;
        // An image or build written with the wrong type (or a service that is not a mapping) already has
        // its schema error; "neither an image nor a build" would only repeat it, less precisely.
        if (!service.node || service.node.entries.some((e) => e.key === "image" || e.key === "build" || e.key === "provider")) continue;
        ctx.report(nameOf(service), `Service '${service.name}' has neither an image nor a build`);
      }
    },
  }),
});

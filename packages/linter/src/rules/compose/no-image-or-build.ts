import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { nameOf } from "./support/targets.js";

export default defineRule({
  code: "DC104",
  name: "no-image-or-build",
  kind: "compose",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: md`
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
  `,
  create: (ctx) => ({
    Project(project) {
      for (const service of Object.values(project.services)) {
        if (service.image || service.build || service.provider) continue;
        ctx.report(nameOf(service), `Service '${service.name}' has neither an image nor a build`);
      }
    },
  }),
});

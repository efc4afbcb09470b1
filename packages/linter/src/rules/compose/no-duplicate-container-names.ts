import type { Scalar, Service } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DC001",
  name: "no-duplicate-container-names",
  aliases: ["no-duplicate-container-names"],
  kind: "compose",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`container_name\` used by two services of the same project, across all its files.

    ## Why is this bad?
    Container names are unique on a Docker host: the second container cannot be created, and
    \`docker compose up\` fails part-way with the first service already running.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        container_name: app
      worker:
        image: busybox:1.36
        container_name: app
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        container_name: app-web
      worker:
        image: busybox:1.36
        container_name: app-worker
    \`\`\`

    ## Fix safety
    No fix is offered: which name to change is a choice.

    ## Differences from dclint
    dclint's rule of the same name sees one file at a time; this one checks the merged project (override
    files, includes and extends), reports the later service at its \`container_name\` value and points to
    the first one. Names that use variables are compared after interpolation.
  `,
  create: (ctx) => ({
    Project(project) {
      const first = new Map<string, { service: Service; name: Scalar<string> }>();
      for (const service of Object.values(project.services)) {
        const name = service.container_name;
        if (!name || typeof name.value !== "string") continue;
        const earlier = first.get(name.value);
        if (!earlier) {
          first.set(name.value, { service, name });
          continue;
        }
        ctx.report(name, `Service '${service.name}' uses the container name '${name.value}' of service '${earlier.service.name}'`, {
          related: [{ message: `'${earlier.service.name}' uses it here`, target: earlier.name }],
        });
      }
    },
  }),
});

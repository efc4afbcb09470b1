import { referencesOf } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { isOverlay } from "./support/overlay.js";

export default defineRule({
  code: "DC102",
  name: "undefined-service",
  kind: "compose",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a service named in \`depends_on\`, \`links\`, \`volumes_from\`, \`network_mode\`/\`ipc\`/\`pid:
    service:NAME\` or a \`service:NAME\` build context that the project does not define, or that the
    active profiles switch off. A build context taken from a service that does not build is flagged too.

    ## Why is this bad?
    Compose refuses the project (\`depends on undefined service\`). A dependency switched off by a profile
    is refused as well, unless the \`depends_on\` entry says \`required: false\`.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        depends_on:
          - api
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        depends_on:
          - api
      api:
        image: example/api:1.4
    \`\`\`

    ## Fix safety
    No fix: the missing service has to be written or the name corrected.

    ## Differences from Compose
    Every reference is reported at once, at the name. As in Compose, \`required: false\` only excuses a
    dependency switched off by a profile, not one that does not exist. \`extends\` targets are checked by the loader
    (\`CF013\`), not here.

    A project made only of files whose names \`docker compose\` does not load by default
    (\`compose.prod.yaml\`, \`docker-compose.nginx.yml\`) and that is incomplete on its own (a service
    without image or build, a dependency on a service it lacks) is taken for an overlay of a base file
    and not checked: lint it together with its base (\`--compose-file\`) to check it.
  `,
  create: (ctx) => ({
    Project(project) {
      if (isOverlay(ctx, project)) return;
      for (const service of Object.values(project.services)) {
        for (const r of referencesOf(service)) {
          if (r.kind !== "service" || r.via === "extends") continue;
          const name = r.ref.value;
          const target = project.services[name];
          if (target) {
            if (r.via === "build.additional_contexts" && !target.build) {
              ctx.report(r.ref, `Service '${service.name}' takes a build context from service '${name}', which does not build an image`);
            }
            continue;
          }
          if (project.disabledServices[name]) {
            if (r.required) ctx.report(r.ref, `Service '${service.name}' needs service '${name}' (${r.via}), which the active profiles switch off`);
            continue;
          }
          ctx.report(r.ref, `Service '${service.name}' refers to the undefined service '${name}' (${r.via})`);
        }
      }
    },
  }),
});

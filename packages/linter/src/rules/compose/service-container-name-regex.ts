import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

const VALID = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export default defineRule({
  code: "DC009",
  name: "service-container-name-regex",
  aliases: ["service-container-name-regex"],
  kind: "compose",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`container_name\` that Docker will not accept: it must start with a letter or digit, be at least
    two characters long and use only letters, digits, \`_\`, \`.\` and \`-\`.

    ## Why is this bad?
    The Compose schema checks this pattern without anchoring it, so a name such as \`my app\` passes
    \`docker compose config\` and fails only when the container is created.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        container_name: my web
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        container_name: my-web
    \`\`\`

    ## Fix safety
    No fix: the name is a choice.

    ## Differences from dclint
    A warning rather than an error (Compose itself accepts the file). Names built from variables are
    checked after interpolation, and skipped when a variable has no value.
  `,
  create: (ctx) => ({
    Service(service) {
      const name = service.container_name;
      if (!name || typeof name.value !== "string" || name.value.includes("$")) return;
      if (VALID.test(name.value)) return;
      ctx.report(name, `Service '${service.name}' has the container name '${name.value}', which Docker refuses: use letters, digits, '_', '.' and '-', starting with a letter or digit`);
    },
  }),
});

import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DC007",
  name: "require-project-name-field",
  aliases: ["require-project-name-field"],
  kind: "compose",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: false,
  docs: () => md`
    ## What it does
    Flags a project none of whose files sets the top-level \`name\`.

    ## Why is this bad?
    Without \`name\`, the project is named after the folder it is started from: the same file run from two
    checkouts makes two sets of containers, networks and volumes, and renaming the folder orphans them.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
    \`\`\`

    ## Use instead
    \`\`\`yaml
    name: shop
    services:
      web:
        image: nginx:1.27
    \`\`\`

    ## Fix safety
    No fix: the name is a choice.

    ## Differences from dclint
    Off by default (tools such as Portainer name stacks themselves). The whole project counts: a name in an
    override file is enough. Reported at the start of the project's first file.
  `,
  create: (ctx) => ({
    Project(project) {
      if (project.model.name) return;
      ctx.report({ start: 0, end: 0 }, "The project has no top-level 'name'; it will be named after its folder");
    },
  }),
});

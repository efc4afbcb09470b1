import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { unquote } from "./support/words.js";

export default defineRule({
  code: "DL3002",
  name: "last-user-root",
  kind: "dockerfile",
  category: "security",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a stage whose last \`USER\` switches to root (\`root\` or user id \`0\`, with any group).

    ## Why is this bad?
    The container then runs its process as root. Anyone who breaks into the process owns the container,
    and any mistake in a volume mount or a capability setting hits the host as root.

    ## Example
    \`\`\`dockerfile
    FROM node:22-slim
    USER root
    RUN npm ci
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-slim
    USER root
    RUN npm ci
    USER node
    \`\`\`

    ## Fix safety
    No fix is offered: the unprivileged user to switch to depends on the image.

    ## Differences from hadolint
    None: as hadolint, every stage is checked (not only the last one), and a stage without \`USER\` is
    not reported, since its user comes from the base image.
  `,
  create: (ctx) => ({
    "Stage:exit"(stage) {
      const last = stage.instructions.findLast((i) => i.kind === "User");
      if (last?.kind !== "User" || !last.user) return;
      const name = unquote(last.user.value);
      if (name !== "root" && name !== "0") return;
      const where = stage.name ? `stage '${stage.name}'` : "this stage";
      ctx.report(last.user, `The last USER of ${where} is '${name}': switch to an unprivileged user before the stage ends`);
    },
  }),
});

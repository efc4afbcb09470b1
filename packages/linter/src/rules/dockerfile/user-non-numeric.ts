import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, unquote } from "./support/words.js";

export default defineRule({
  code: "DL3066",
  name: "user-non-numeric",
  kind: "dockerfile",
  category: "best-practice",
  severity: "info",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a \`USER\` given by name rather than by numeric user id.

    ## Why is this bad?
    A user name is resolved through the image's \`/etc/passwd\`. Platforms that check whether a container
    runs as non-root (Kubernetes' \`runAsNonRoot\`) can only verify a numeric id, and a name that the
    image does not define fails at start-up.

    ## Example
    \`\`\`dockerfile
    FROM node:22-slim
    USER node
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-slim
    USER 1000:1000
    \`\`\`

    ## Fix safety
    No fix is offered: the id of a named user depends on the image.

    ## Differences from hadolint
    A user written with variables is expanded with the \`ARG\`/\`ENV\` values in force: it is reported
    when the value is known and not numeric, and not reported when the value is unknown. Hadolint skips
    any reference to a declared \`ARG\`. Windows stages are not checked: Windows users have no numeric
    ids.
  `,
  create: (ctx) => ({
    User(node) {
      const user = node.user;
      const stage = ctx.stageOf(node);
      // Windows containers have no numeric user ids: ContainerUser is the way to write it.
      if (!user || node.parentOnbuild || (stage && ctx.semantic.stages[stage.index]?.os === "windows")) return;
      let name = unquote(user.value);
      if (hasVariable(name)) {
        const resolved = ctx.semantic.resolveAt(node, user.value);
        if (resolved.unmatched.length > 0 || resolved.errors.length > 0) return;
        name = resolved.value;
      }
      if (name === "" || /^\d+$/.test(name)) return;
      ctx.report(user, `USER '${name}' is a name: use the numeric user id so the runtime can verify who the container runs as`);
    },
  }),
});

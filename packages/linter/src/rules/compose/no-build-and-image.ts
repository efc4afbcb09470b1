import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DC002",
  name: "no-build-and-image",
  aliases: ["no-build-and-image"],
  kind: "compose",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: false,
  options: {
    checkPullPolicy: {
      type: "boolean",
      description: "Accept `build` with `image` when the service sets `pull_policy` (it then says which one wins).",
      default: true,
    },
  },
  docs: () => md`
    ## What it does
    Flags a service that sets both \`build\` and \`image\` (unless it sets \`pull_policy\`, with the default
    option \`checkPullPolicy: true\`).

    ## Why is this bad?
    With both, Compose first tries to pull \`image\` and builds only when the pull fails, or tags the local
    build with a name that also exists in a registry: which image runs depends on the registry. Setting
    \`pull_policy\` (\`build\`, \`never\`, ...) makes the choice explicit.

    ## Example
    \`\`\`yaml
    services:
      web:
        build: .
        image: example/web:1.0
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        build: .
        image: example/web:1.0
        pull_policy: build
    \`\`\`

    ## Fix safety
    No fix: whether to pull or build is a choice.

    ## Differences from dclint
    Off by default (naming the built image is a common and valid use of \`image\`), and a warning.
  `,
  create: (ctx) => ({
    Service(service) {
      if (!service.image || !service.build) return;
      if (ctx.options.checkPullPolicy && service.pull_policy) return;
      ctx.report(service.image, `Service '${service.name}' sets both 'build' and 'image'; set 'pull_policy' to say which one is used, or drop one`);
    },
  }),
});

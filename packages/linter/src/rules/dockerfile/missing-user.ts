import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { stageChain } from "./support/stages.js";

/** Base images that already run as an unprivileged user. */
const NON_ROOT_BASE = [
  /^(?:gcr\.io\/distroless|cgr\.dev\/chainguard)\/.*:(?:[^:@]*-)?nonroot(?:-|$|@)/,
  /:(?:[^:@]*-)?rootless(?:-|$|@)/,
  /^(?:docker\.io\/)?bitnami\//,
];

export default defineRule({
  code: "DF208",
  name: "missing-user",
  kind: "dockerfile",
  category: "security",
  severity: "warning",
  enabledByDefault: false,
  docs: () => md`
    ## What it does
    Flags a final stage in which no \`USER\` instruction is ever given (neither in the stage nor in the
    stages it is built \`FROM\`), so the container runs as the base image's user, which is root for almost
    every image (and always for \`scratch\`).

    ## Why is this bad?
    A process running as root inside the container is root on the host's kernel: an escape or a mounted
    volume gives an attacker far more than an unprivileged user would.

    ## Example
    \`\`\`dockerfile
    FROM node:22-alpine
    COPY . /app
    CMD ["node", "/app/server.js"]
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-alpine
    COPY . /app
    USER node
    CMD ["node", "/app/server.js"]
    \`\`\`

    ## Fix safety
    No fix: the user has to exist in the image (\`scratch\` has no \`/etc/passwd\`: use a numeric
    \`USER 65532:65532\`).

    ## Choices
    Off by default: many images are meant to start as root (init systems, images that drop privileges in
    their entrypoint), so this is an opt-in policy (\`extend-select: [DF208]\`). Base images known to run as
    non-root are not reported: distroless and Chainguard \`:nonroot\` tags, \`*-rootless\` tags and
    Bitnami images. Windows stages are skipped. An explicit \`USER root\` at the end is DL3002's concern.
  `,
  create: (ctx) => ({
    "File:exit"() {
      const last = ctx.stages[ctx.stages.length - 1];
      if (!last) return;
      const chain = stageChain(ctx.stages, last);
      if (chain.some((s) => s.instructions.some((i) => i.kind === "User"))) return;
      const model = ctx.semantic.stages[last.index];
      if (model?.os === "windows") return;
      const root = chain[chain.length - 1]!;
      const rootModel = ctx.semantic.stages[root.index];
      const image = rootModel?.image?.value ?? root.from.image?.value ?? "";
      if (rootModel?.image && rootModel.image.unmatched.length > 0) return;
      if (NON_ROOT_BASE.some((re) => re.test(image))) return;
      const target = last.from.image ?? last.from.keywordWord;
      ctx.report(target, `The final stage never sets USER, so the container runs as root${image === "scratch" ? " (scratch has no users: add e.g. 'USER 65532:65532')" : ": add 'USER <unprivileged user>'"}`);
    },
  }),
});

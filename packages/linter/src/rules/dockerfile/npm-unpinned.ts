import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { pinMessage, reportUnpinned, toolCalls } from "./support/shell-commands.js";

export const NPM_VALUE_FLAGS = ["loglevel", "registry", "prefix", "cache", "userconfig", "w", "workspace", "tag", "omit", "include", "install-strategy"];

/** A version after the name (`x@1.2`, `@scope/x@1.2`), a git URL with `#ref`, a tarball or a local path. */
function pinned(spec: string): boolean {
  if (/^(git(\+ssh|\+https?|\+file)?:\/\/|github:|gitlab:|bitbucket:)/.test(spec)) return spec.includes("#");
  if (/\.(tar|tar\.gz|tgz)$/.test(spec)) return true;
  if (/^(\/|\.\/|\.\.\/|~\/)/.test(spec) || spec === "." || spec === "..") return true;
  const name = spec.startsWith("@") ? spec.slice(1) : spec;
  const at = name.indexOf("@");
  return at >= 0 && name.slice(at + 1) !== "latest" && name.slice(at + 1) !== "";
}

export default defineRule({
  code: "DL3016",
  name: "npm-unpinned",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags packages in \`npm install\` (\`npm i\`) without a version (\`express@4.21.1\`), unless they are git
    URLs with a \`#ref\`, tarballs or local paths. A bare \`npm install\` (from \`package.json\`) is fine.

    ## Why is this bad?
    Without a version, npm installs the newest release on the day of the build: builds of the same commit
    differ, and a new major version can break the image without any change on your side.

    ## Example
    \`\`\`dockerfile
    FROM node:22
    RUN npm install -g typescript
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22
    RUN npm install -g typescript@5.6.3
    \`\`\`

    ## Fix safety
    No fix is offered: only you know which version to pin.

    ## Differences from hadolint
    \`npm i\` is read as \`npm install\`, and \`pkg@latest\` is not a pin. A package holding a variable is checked
    with the value the ARG or ENV in force gives it; when the value is unknown the word is not reported.
    Wrapped commands and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "npm", ["install", "i"], NPM_VALUE_FLAGS)) {
        reportUnpinned(ctx, node, call.operands, pinned, (pkgs) => pinMessage(pkgs, "npm install", "@", (p) => p.replace(/(.)@latest$/, "$1")));
      }
    },
  }),
});

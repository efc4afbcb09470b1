import { hasFlag } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { pinMessage, pipInstalls, reportUnpinned } from "./support/shell-commands.js";

const VCS = /^(git|hg|svn|bzr)\+/;

/** A requirement with a version operator, a VCS URL with `@ref`, an archive, or a local path. */
function pinned(spec: string): boolean {
  if (/(===|==|>=|<=|!=|~=|>|<)/.test(spec)) return true;
  if (VCS.test(spec)) return spec.replace(/^[a-z+]+:\/\/([^/@]*@)?/, "").includes("@");
  if (/\.(whl|tar\.gz|tgz|zip)$/.test(spec)) return true;
  return spec === "." || spec === ".." || spec.includes("/");
}

export default defineRule({
  code: "DL3013",
  name: "pip-unpinned",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags packages in \`pip install\` (also \`pip3\`, \`python -m pip\`) without a version specifier
    (\`flask==3.0.3\`, \`'flask>=3,<4'\`). Installs from a requirements file (\`-r\`) or with a constraints file
    (\`-c\`) are accepted, as are local paths, archives and VCS URLs with a ref (\`git+https://...@v1.2\`).

    ## Why is this bad?
    Without a version, pip installs the newest release on the day of the build: builds of the same commit
    differ, and a new major version can break the image without any change on your side.

    ## Example
    \`\`\`dockerfile
    FROM python:3.12
    RUN pip install --no-cache-dir flask
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM python:3.12
    RUN pip install --no-cache-dir flask==3.0.3
    \`\`\`

    ## Fix safety
    No fix is offered: only you know which version to pin.

    ## Differences from hadolint
    Each package word is reported on its own (a local path such as \`.\` does not excuse the other packages of
    the command). A package holding a variable is checked with the value the ARG or ENV in force gives it;
    when the value is unknown the word is not reported. A VCS URL's \`user@\` is not taken for a ref.
    Wrapped commands and heredoc scripts are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of pipInstalls(ctx, node)) {
        if (hasFlag(call.pip, "r", "requirement", "c", "constraint")) continue;
        reportUnpinned(ctx, node, call.packages, pinned, (pkgs) => pinMessage(pkgs, "pip install", "=="));
      }
    },
  }),
});

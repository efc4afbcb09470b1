import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { gitRef, isGitSource } from "./support/remote-sources.js";
import { hasVariable } from "./support/words.js";

export default defineRule({
  code: "DF207",
  name: "add-git-unpinned",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`ADD <git repository>\` without a \`#ref\`, or with a branch or tag as the ref and no
    \`--checksum=<commit>\` (a full 40-character commit hash as the ref is pinned). Both \`repo.git#ref\` and
    \`repo.git?ref=...\` are read; a ref given by a variable is not judged.

    ## Why is this bad?
    Without a ref the build takes whatever the default branch holds at that moment: two builds of the same
    commit can get different sources. A tag or branch can be moved too; a 40-character commit hash (or
    \`--checksum\` with the commit, \`docker/dockerfile:1.10\`+) pins the content.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    ADD https://github.com/moby/buildkit.git /src/buildkit
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    ADD https://github.com/moby/buildkit.git#2b5d0b1a8c7d5e1f3a4b6c8d9e0f1a2b3c4d5e6f /src/buildkit
    \`\`\`

    ## Fix safety
    No fix: the commit to pin is yours to choose.
  `,
  create: (ctx) => ({
    Add(node) {
      for (const src of node.sources) {
        if (!isGitSource(src.value)) continue;
        const ref = gitRef(src.value);
        if (!ref) {
          ctx.report(src, `ADD of the Git repository '${src.value}' has no #ref: it builds whatever the default branch holds`);
        } else if (!/^[0-9a-f]{40}$/.test(ref) && !hasVariable(ref) && !node.checksum) {
          ctx.report(src, `'#${ref}' is a branch or tag, which can move: pin the commit hash (or add --checksum=<commit>)`);
        }
      }
    },
  }),
});

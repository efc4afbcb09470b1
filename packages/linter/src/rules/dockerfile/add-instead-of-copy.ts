import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, unquote } from "./support/words.js";

/** Names ADD unpacks (hadolint's list, plus zstd, which BuildKit also decompresses). */
const ARCHIVE = /\.(?:tar|Z|bz2|gz|lz|lzma|tZ|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz|zst|tzst)$/;
/** Remote sources: URLs and git repositories, which only ADD can fetch. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;

export default defineRule({
  code: "DL3020",
  name: "add-instead-of-copy",
  kind: "dockerfile",
  category: "best-practice",
  severity: "error",
  enabledByDefault: true,
  local: true,
  fix: "unsafe",
  docs: () => md`
    ## What it does
    Flags \`ADD\` of local files or folders that are not archives: \`COPY\` does the same with fewer
    surprises.

    ## Why is this bad?
    \`ADD\` does more than copy: it downloads URLs and unpacks local tar archives, deciding by the file's
    content. Using it for plain files hides that behaviour in the build: a file that happens to be a tar
    archive gets unpacked. \`COPY\` says exactly what happens.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    ADD app.conf /etc/app/
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    COPY app.conf /etc/app/
    ADD rootfs.tar.gz /
    ADD https://example.com/tool.tgz /tmp/
    \`\`\`

    ## Fix safety
    Unsafe: the keyword becomes \`COPY\`. If a source is a tar archive under another name, \`ADD\` unpacked
    it and \`COPY\` will not. No fix is offered when \`ADD\` has flags that \`COPY\` lacks (\`--checksum\`,
    \`--keep-git-dir\`, \`--unpack\`).

    ## Differences from hadolint
    Besides \`http(s)://\` URLs, git sources (\`git@...\`, other \`scheme://\` URLs) and zstd archives
    (\`.zst\`, \`.tzst\`) count as reasons to use \`ADD\`. Sources written with a variable, and heredoc
    sources, are not reported.
  `,
  create: (ctx) => ({
    Add(node) {
      const local = node.sources.filter((s) => {
        const v = unquote(s.value);
        return !v.startsWith("<<") && !hasVariable(v) && !REMOTE.test(v) && !ARCHIVE.test(v);
      });
      const first = local[0];
      if (!first) return;
      const copyOnly = !node.checksum && !node.keepGitDir && !node.unpack && local.length === node.sources.length;
      const word = node.keywordWord.value;
      const copy = word === word.toLowerCase() ? "copy" : "COPY";
      ctx.report(node.keywordWord, `Use COPY for '${unquote(first.value)}': ADD is only needed for URLs, git sources and archives to unpack`, {
        fix: copyOnly ? ctx.fix.replace(node.keywordWord, copy, "Use COPY") : undefined,
      });
    },
  }),
});

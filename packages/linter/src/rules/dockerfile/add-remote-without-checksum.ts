import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { isHttpSource } from "./support/remote-sources.js";

export default defineRule({
  code: "DF206",
  name: "add-remote-without-checksum",
  kind: "dockerfile",
  category: "security",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`ADD https://...\` without \`--checksum=sha256:...\`.

    ## Why is this bad?
    The download is trusted as is: if the server, a mirror or the connection is compromised, or the file is
    simply replaced upstream, the image silently gets different content. With \`--checksum\` BuildKit
    verifies the file and fails the build on a mismatch; the cache key also becomes static, so the file is
    not re-checked on the network for every build.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    ADD https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    # syntax=docker/dockerfile:1.6
    FROM alpine:3.20
    ADD --checksum=sha256:bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3 https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64 /usr/local/bin/gosu
    \`\`\`

    ## Fix safety
    No fix: the checksum has to come from a trusted source (the publisher's release notes), not from
    downloading the file again.

    ## Notes
    \`--checksum\` needs \`docker/dockerfile:1.6\` or later. Git sources are DF207's. URLs with variables are
    reported too: the flag works with them.
  `,
  create: (ctx) => ({
    Add(node) {
      if (node.checksum) return;
      for (const src of node.sources) {
        if (isHttpSource(src.value)) ctx.report(src, `ADD downloads '${src.value}' without --checksum: its content is not verified`);
      }
    },
  }),
});

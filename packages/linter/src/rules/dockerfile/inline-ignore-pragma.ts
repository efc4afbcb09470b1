import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** `# hadolint ignore=...` (the per-instruction form; `global` and `stage` ignores are not inline). */
const INLINE_IGNORE = /^[ \t]*hadolint[ \t]+ignore[ \t]*=/;

export default defineRule({
  code: "DL1001",
  name: "inline-ignore-pragma",
  kind: "dockerfile",
  category: "style",
  severity: "info",
  enabledByDefault: false,
  docs: () => md`
    ## What it does
    Flags inline \`# hadolint ignore=...\` comments, for projects that want every exception recorded in
    the configuration file instead of scattered through Dockerfiles.

    ## Why is this bad?
    An inline suppression is easy to add and easy to forget: it hides findings from review, and nothing
    lists the exceptions a project has made. Off by default; turn it on where the policy is "configure,
    don't suppress".

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    # hadolint ignore=DL3008
    RUN apt-get update && apt-get install -y curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y curl
    \`\`\`
    with \`ignored: [DL3008]\` in \`.hadolint.yaml\` or \`.shipshape.yaml\`.

    ## Fix safety
    No fix is offered: removing the comment would bring back the findings it hides.

    ## Differences from hadolint
    None in what is reported (\`# hadolint global ignore=\` and \`# hadolint stage ignore=\` are not inline
    and are not reported). Hadolint's default severity for this rule is "ignore"; when enabled here it
    reports as info.
  `,
  create: (ctx) => ({
    Comment(comment) {
      if (comment.insideInstruction || !INLINE_IGNORE.test(comment.text)) return;
      ctx.report(comment, "Inline suppression pragma: record this exception in the configuration file instead");
    },
  }),
});

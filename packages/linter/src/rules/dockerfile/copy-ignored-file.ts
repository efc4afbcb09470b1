import type { AddInstruction, CopyInstruction } from "@shipshape/dockerfile";
import { createMatcher, parseDockerignore } from "@shipshape/buildplan";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, unquote } from "./support/words.js";

/** Patterns that make even `.` and `/` count as ignored, as BuildKit decides. */
const WHOLE_CONTEXT = new Set(["*", "**", "**/*"]);

export default defineRule({
  code: "CopyIgnoredFile",
  name: "copy-ignored-file",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  options: {
    dockerignore: {
      type: "string",
      description:
        "The text of the .dockerignore in force for this Dockerfile (`<Dockerfile>.dockerignore`, else the context's `.dockerignore`). Supplied by the command line and the editor; without it the rule reports nothing.",
    },
  },
  docs: () => md`
    ## What it does
    Flags a \`COPY\` or \`ADD\` source from the build context that \`.dockerignore\` excludes.

    ## Why is this bad?
    Excluded files are never sent to the builder, so the instruction fails with "not found", or a
    wildcard silently copies less than it seems to.

    ## Example
    \`\`\`dockerfile {"dockerignore": "node_modules\\n*.log\\n"}
    FROM node:22-slim
    WORKDIR /app
    COPY node_modules ./node_modules
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"dockerignore": "node_modules\\n*.log\\n"}
    FROM node:22-slim
    WORKDIR /app
    COPY package.json package-lock.json ./
    RUN npm ci
    \`\`\`

    ## Fix safety
    No fix is offered: either the pattern or the instruction is wrong.

    ## Differences from BuildKit
    None in the test: a source (after expanding variables with the \`ARG\`/\`ENV\` values in force) is
    reported when it or a parent directory matches the patterns, the last matching pattern winning; the
    check stays silent when the file has \`!\` exceptions; \`.\` is reported only under a \`*\`, \`**\` or
    \`**/*\` pattern. The rule needs the \`.dockerignore\` text, passed as the \`dockerignore\` option (the
    CLI and the language server read the file); without it nothing is reported.
  `,
  create: (ctx) => {
    // The hooks stay the same whatever the options (the runner relies on it); without usable
    // patterns the checks return at once.
    const text = ctx.options.dockerignore;
    const parsed = text === undefined ? undefined : parseDockerignore(text);
    const matcher = parsed && parsed.patterns.length > 0 ? createMatcher(parsed.patterns) : undefined;
    const active = matcher !== undefined && !matcher.hasExceptions;
    const wholeContext = parsed?.patterns.some((p) => WHOLE_CONTEXT.has(p.pattern)) ?? false;
    const check = (node: CopyInstruction | AddInstruction) => {
      if (!active || (node.kind === "Copy" && node.from)) return;
      for (const source of node.sources) {
        let path = unquote(source.value);
        if (path.startsWith("<<") || /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(path)) continue;
        if (hasVariable(path)) {
          const resolved = ctx.semantic.resolveAt(node, source.value);
          if (resolved.unmatched.length > 0 || resolved.errors.length > 0) continue;
          path = resolved.value;
        }
        const clean = path.replace(/\/+$/, "").replace(/^\.\//, "") || ".";
        const ignored = clean === "." || clean === "/" ? wholeContext : matcher.matches(clean);
        if (ignored) ctx.report(source, `'${path}' is excluded by .dockerignore, so ${node.keyword} will not find it in the build context`);
      }
    };
    return { Copy: check, Add: check };
  },
});

import type { Comment, Instruction } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** Comments that are suppressions or directives rather than descriptions. */
const PRAGMA = /^\s*(?:hadolint|shipshape|check\s*=|syntax\s*=|escape\s*=)/i;

export default defineRule({
  code: "InvalidDefinitionDescription",
  name: "invalid-definition-description",
  kind: "dockerfile",
  category: "style",
  severity: "warning",
  enabledByDefault: false,
  docs: () => md`
    ## What it does
    Flags the comment right above a named stage (\`FROM ... AS name\`) or an \`ARG\` when it does not
    start with that name: a description should read \`# name what it is\`. Off by default (experimental
    in BuildKit).

    ## Why is this bad?
    Build tools show such comments as the description of a build target or argument (for example in
    \`docker buildx build --call=outline\`). A comment that does not start with the name is not picked
    up as its description.

    ## Example
    \`\`\`dockerfile
    # the Node.js version to build with
    ARG NODE_VERSION=22
    FROM node:\${NODE_VERSION}
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    # NODE_VERSION the Node.js version to build with
    ARG NODE_VERSION=22
    FROM node:\${NODE_VERSION}
    \`\`\`

    ## Fix safety
    No fix is offered: the comment may not be meant as a description at all (then separate it with a
    blank line).

    ## Differences from BuildKit
    Suppression and directive comments (\`# hadolint ...\`, \`# shipshape ...\`, \`# check=...\`) are not
    descriptions and are not reported. As BuildKit, the last comment line above the instruction is the
    one checked.
  `,
  create: (ctx) => {
    const commentAbove = (node: Instruction): Comment | undefined => {
      const line = node.startLine - 1; // 1-based line of the comment
      return ctx.ast.comments.find((c) => !c.insideInstruction && ctx.file.lines.positionAt(c.range.start).line + 1 === line);
    };
    const check = (node: Instruction, names: string[], what: string, caseInsensitive: boolean) => {
      const comment = commentAbove(node);
      if (!comment || names.length === 0 || PRAGMA.test(comment.text)) return;
      const first = comment.text.trim().split(" ")[0] ?? "";
      const same = (n: string) => (caseInsensitive ? n.toLowerCase() === first.toLowerCase() : n === first);
      if (names.some(same)) return;
      const example = names.length > 1 ? "<name>" : names[0]!;
      ctx.report(comment, `A comment describing ${what} should start with its name: '# ${example} <description>'`);
    };
    return {
      From(node) {
        if (node.stageName) check(node, [node.stageName.value], `stage '${node.stageName.value}'`, true);
      },
      Arg(node) {
        const names = node.declarations.map((d) => d.name.value);
        check(node, names, names.length > 1 ? "these ARGs" : `ARG ${names[0]}`, false);
      },
    };
  },
});

import type { Instruction, Word } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** Lexer errors that are wrong whatever values the build passes (not `${A:?must be set}`). */
const SYNTAX_ERROR = /unexpected end of statement|unsupported modifier|bad substitution|missing '}'|missing '\)'/;

/** Words BuildKit expands as whole words (quotes processed), beyond ARG/ENV/FROM which the model covers. */
const NONE: readonly Word[] = [];

function expandedWords(node: Instruction): readonly Word[] {
  switch (node.kind) {
    case "Label": {
      const words: Word[] = [];
      for (const p of node.pairs) {
        words.push(p.key);
        if (p.value) words.push(p.value);
      }
      return words;
    }
    case "Workdir":
      return node.path ? [node.path] : [];
    case "User":
      return [node.args]; // as a whole: its user/group split is naive about \${A:-x}
    case "Stopsignal":
      return node.signal ? [node.signal] : [];
    default:
      return NONE;
  }
}

function mayFailToExpand(value: string, escape: string): boolean {
  return value.includes("$") || value.includes('"') || value.includes("'") || value.includes(escape);
}

function ownWords(message: string): string {
  const m = /^failed to process ".*": (.*)$/s.exec(message);
  return m ? m[1]! : message;
}

export default defineRule({
  code: "DF114",
  name: "variable-expansion-error",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags values BuildKit cannot expand: an unterminated quote in an \`ENV\`, \`ARG\`, \`LABEL\`, \`WORKDIR\`,
    \`USER\` or \`FROM\` value, and a \`\${...}\` substitution it does not support (\`\${NAME^^}\`,
    \`\${NAME:x}\`, a missing \`}\`). BuildKit supports \`\${a:-w}\` \`\${a-w}\` \`\${a:+w}\` \`\${a+w}\` \`\${a:?w}\`
    \`\${a?w}\` \`\${a#p}\` \`\${a##p}\` \`\${a%p}\` \`\${a%%p}\` \`\${a/p/r}\` \`\${a//p/r}\`.

    ## Why is this bad?
    The build stops with \`failed to process ...\`. Shell features such as \`\${NAME^^}\` work in \`RUN\`
    (the shell expands them), but not in the instructions BuildKit expands itself.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    ARG GREETING="hello
    ENV NAME=\${USER^^}
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    ARG GREETING="hello"
    ENV NAME=\${USER:-root}
    \`\`\`

    ## Fix safety
    No fix.

    ## Relation to dockerfile-utils
    dockerfile-utils reports \`SYNTAX_MISSING_SINGLE_QUOTE\`, \`SYNTAX_MISSING_DOUBLE_QUOTE\` and
    \`UNSUPPORTED_MODIFIER\`; it refuses \`#\`, \`%\` and \`/\`, which BuildKit has supported since
    dockerfile 1.7. \`\${A:?message}\` with \`A\` unset is not reported: a \`--build-arg\` may set it.
  `,
  create: (ctx) => ({
    Instruction(node) {
      const words = expandedWords(node);
      if (words.length === 0) return;
      const escape = ctx.ast.escape;
      for (const word of words) {
        // Only a substitution, a quote or the escape character can make the lexer fail.
        if (!mayFailToExpand(word.value, escape)) continue;
        const result = ctx.semantic.resolveAt(node, word.value);
        const error = result.errors.find((e) => SYNTAX_ERROR.test(e.message));
        if (error) ctx.report(word, `Cannot expand '${word.value}': ${error.message}`);
      }
    },
    "File:exit"() {
      for (const problem of ctx.semantic.problems) {
        if (problem.code !== "expansion-error" || !SYNTAX_ERROR.test(problem.message)) continue;
        ctx.report(problem.range, `Cannot expand '${ctx.text(problem.range)}': ${ownWords(problem.message)}`);
      }
    },
  }),
});

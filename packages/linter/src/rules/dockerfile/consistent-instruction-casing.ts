import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

const HAS_UPPER = /[A-Z]/;
const HAS_LOWER = /[a-z]/;

export default defineRule({
  code: "ConsistentInstructionCasing",
  name: "consistent-instruction-casing",
  kind: "dockerfile",
  category: "style",
  severity: "warning",
  enabledByDefault: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags instruction keywords whose case differs from the file's majority: all uppercase or all
    lowercase. A keyword in mixed case (\`From\`) is always reported.

    ## Why is this bad?
    Keywords are case-insensitive, so mixing cases changes nothing for the build but makes the file
    harder to scan and to search.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    run apk add --no-cache curl
    CMD ["curl", "--version"]
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl
    CMD ["curl", "--version"]
    \`\`\`

    ## Fix safety
    Safe: only the keyword's case changes.

    ## Differences from BuildKit
    None: the majority is lowercase only when there are more lowercase than uppercase keywords (a tie
    means uppercase), and keywords of \`ONBUILD\` triggers are neither counted nor checked.
  `,
  create: (ctx) => ({
    File(ast) {
      // An unknown instruction is a parse error of its own, not a casing question.
      const words = ast.instructions.filter((i) => i.kind !== "Unknown").map((i) => i.keywordWord);
      // Keywords of known instructions are ASCII letters: a case test needs no lower- or upper-cased copy.
      let lower = 0;
      let upper = 0;
      for (const w of words) {
        if (!HAS_UPPER.test(w.value)) lower++;
        if (!HAS_LOWER.test(w.value)) upper++;
      }
      const majorityLower = lower > upper;
      for (const word of words) {
        if (majorityLower ? !HAS_UPPER.test(word.value) : !HAS_LOWER.test(word.value)) continue;
        const wanted = majorityLower ? word.value.toLowerCase() : word.value.toUpperCase();
        if (word.value === wanted) continue;
        ctx.report(word, `'${word.value}' should be '${wanted}', the ${majorityLower ? "lowercase" : "uppercase"} used by most instructions in this file`, {
          fix: ctx.fix.replace(word, wanted, `Write '${wanted}'`),
        });
      }
    },
  }),
});

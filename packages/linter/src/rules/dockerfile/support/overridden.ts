/**
 * Shared by the rules for repeated CMD / ENTRYPOINT / HEALTHCHECK (DL4003, DL4004, DL3012): within one
 * stage only the last of these takes effect, and BuildKit's MultipleInstructionsDisallowed reports the
 * earlier, ignored ones. So do these rules, with the instruction that wins as related information.
 */
import type { Instruction } from "@shipshape/dockerfile";
import type { DockerfileRuleContext, DockerfileVisitor } from "../../../rule.js";
import { lineOf, lineRange } from "./words.js";

export function overriddenInstructions(
  ctx: DockerfileRuleContext<unknown>,
  kind: "Cmd" | "Entrypoint" | "Healthcheck",
): DockerfileVisitor {
  return {
    "Stage:exit"(stage) {
      const found = stage.instructions.filter((i): i is Instruction => i.kind === kind);
      const last = found[found.length - 1];
      if (!last) return;
      const keyword = last.keyword;
      const lastLine = lineOf(ctx.file.lines, last.range.start);
      const stageName = stage.name ? `stage '${stage.name}'` : "this stage";
      for (const earlier of found.slice(0, -1)) {
        ctx.report(
          earlier.keywordWord,
          `This ${keyword} has no effect: the ${keyword} on line ${lastLine} replaces it (only the last ${keyword} of ${stageName} counts)`,
          {
            related: [{ message: `The ${keyword} that takes effect`, target: last.keywordWord }],
            tags: ["unnecessary"],
            fix: ctx.fix.remove(lineRange(earlier, ctx.file.text), `Remove the ignored ${keyword}`),
          },
        );
      }
    },
  };
}

import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { DURATION_FLAGS, parseGoDuration } from "./support/builder.js";
import { hasVariable } from "./support/words.js";

export default defineRule({
  code: "DF107",
  name: "invalid-healthcheck-option",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Checks the values of \`HEALTHCHECK\`'s flags as BuildKit does: \`--interval\`, \`--timeout\`,
    \`--start-period\` and \`--start-interval\` take a Go duration (\`30s\`, \`1m30s\`, \`1.5h\`; units \`ns\`,
    \`us\`, \`ms\`, \`s\`, \`m\`, \`h\`) that is \`0\` or at least 1ms, and \`--retries\` takes a whole number that is not negative.

    ## Why is this bad?
    The build stops: \`time: missing unit in duration "30"\`, \`time: unknown unit "sec"\`, \`Interval
    "interval" cannot be less than 1ms\`, \`parsing "three": invalid syntax\`.

    ## Example
    \`\`\`dockerfile
    FROM nginx:1.27
    HEALTHCHECK --interval=30 --timeout=5sec --retries=-1 CMD curl -f http://localhost/
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM nginx:1.27
    HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -f http://localhost/
    \`\`\`

    ## Fix safety
    No fix: a number without a unit could mean seconds or milliseconds.

    ## Relation to dockerfile-utils
    dockerfile-utils reports \`FLAG_INVALID_DURATION\`, \`FLAG_MISSING_DURATION\`, \`FLAG_UNKNOWN_UNIT\`,
    \`FLAG_LESS_THAN_1MS\`, \`INVALID_SYNTAX\` and \`FLAG_AT_LEAST_ONE\`. dockerfile-utils (following the
    classic builder) also refuses \`--retries=0\`; in BuildKit 0 means "the default" (as for the durations),
    so it is not reported. Values with variables are skipped
    (HEALTHCHECK flags are not expanded, so they fail too, but the message would be misleading).
  `,
  create: (ctx) => ({
    Healthcheck(node) {
      for (const flag of node.flags) {
        const name = flag.name.value;
        const value = flag.value;
        if (!value || value.value === "" || hasVariable(value.value)) continue;
        if (DURATION_FLAGS.has(name)) {
          const parsed = parseGoDuration(value.value);
          if (!parsed.ok) ctx.report(value, `'--${name}=${value.value}' is not a duration (${parsed.message}); write e.g. '30s' or '1m30s'`);
          else if (parsed.milliseconds < 0) ctx.report(value, `'--${name}' cannot be negative`);
          else if (parsed.milliseconds > 0 && parsed.milliseconds < 1) ctx.report(value, `'--${name}' must be 0 or at least 1ms`);
        } else if (name === "retries") {
          if (!/^[+-]?\d+$/.test(value.value)) ctx.report(value, `'--retries' takes a whole number, not '${value.value}'`);
          else if (Number(value.value) < 0) ctx.report(value, `'--retries' cannot be negative (${Number(value.value)})`);
        }
      }
    },
  }),
});

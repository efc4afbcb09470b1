import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { stagesNamed } from "./support/stages.js";

const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const DOMAIN = "(?:localhost|\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::\\d+)?";
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const PATH = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
const DOMAIN_RE = new RegExp(`^${DOMAIN}$`);
const TAG_RE = new RegExp(`^${TAG}$`);
const DIGEST_RE = new RegExp(`^${DIGEST}$`);

/** Docker's reference grammar: [domain/]path[:tag][@digest], the path in lowercase. */
function isValidReference(ref: string): boolean {
  let rest = ref;
  const at = rest.indexOf("@");
  if (at >= 0) {
    if (!DIGEST_RE.test(rest.slice(at + 1))) return false;
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf("/");
  const first = slash < 0 ? "" : rest.slice(0, slash);
  if (first && (first.includes(".") || first.includes(":") || first === "localhost")) {
    if (!DOMAIN_RE.test(first)) return false;
    rest = rest.slice(slash + 1);
  }
  const colon = rest.lastIndexOf(":");
  if (colon >= 0) {
    if (!TAG_RE.test(rest.slice(colon + 1))) return false;
    rest = rest.slice(0, colon);
  }
  return rest.length <= 255 && PATH.test(rest);
}

export default defineRule({
  code: "InvalidDefaultArgInFrom",
  name: "invalid-default-arg-in-from",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a \`FROM\` image built from global \`ARG\`s whose default values give an empty or invalid image
    name.

    ## Why is this bad?
    A build without \`--build-arg\` uses the defaults. If they do not make a valid image name
    (\`ARG TAG\` with no default gives \`node:\`), the build fails unless every caller remembers to pass
    the argument.

    ## Example
    \`\`\`dockerfile
    ARG TAG
    FROM node:\${TAG}
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    ARG TAG=22-slim
    FROM node:\${TAG}
    \`\`\`

    ## Fix safety
    No fix is offered: the right default is a choice.

    ## Differences from BuildKit
    Variables that no global \`ARG\` declares are left to \`UndefinedArgInFrom\`, so one mistake is not
    reported twice.
  `,
  create: (ctx) => ({
    From(node) {
      const image = node.image;
      const stage = node.parentOnbuild ? undefined : ctx.stageOf(node);
      if (!image || !stage) return;
      const refs = node.variables.filter((v) => v.range.start >= image.range.start && v.range.end <= image.range.end);
      if (refs.length === 0) return;
      const globals = new Set(ctx.semantic.globalArgs.map((a) => a.name));
      if (refs.some((r) => !globals.has(r.name))) return;
      const resolved = ctx.semantic.stages[stage.index]?.image;
      if (!resolved || resolved.errors.length > 0) return;
      const value = resolved.value;
      if (value !== "" && (isValidReference(value) || stagesNamed(ctx.stages, value).length > 0)) return;
      const names = [...new Set(refs.map((r) => r.name))].join(", ");
      const what = value === "" ? "an empty image name" : `'${value}', which is not a valid image reference`;
      ctx.report(image, `With the default value of ${names}, this FROM gives ${what}`);
    },
  }),
});

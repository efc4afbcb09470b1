import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

// The grammar of docker/distribution's `reference` package.
const HOST_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${HOST_PART}(?:\\.${HOST_PART})*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?`;
const COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
const NAME_MAX = 255;

/** Why BuildKit refuses a reference, or undefined when it is valid. */
export function referenceProblem(ref: string): string | undefined {
  if (REFERENCE.test(ref)) {
    // The name is part of the reference: a short reference has a short name.
    if (ref.length <= NAME_MAX) return undefined;
    const name = ref.replace(/@.*$/, "").replace(/:[^/]*$/, "");
    return name.length > NAME_MAX ? `the repository name is longer than ${NAME_MAX} characters` : undefined;
  }
  const at = ref.indexOf("@");
  if (at >= 0 && !new RegExp(`^${DIGEST}$`).test(ref.slice(at + 1))) return "the digest is not '<algorithm>:<hex>'";
  const beforeDigest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = beforeDigest.lastIndexOf(":");
  const tag = colon > beforeDigest.lastIndexOf("/") ? beforeDigest.slice(colon + 1) : undefined;
  if (tag !== undefined && !new RegExp(`^${TAG}$`).test(tag)) {
    return tag === "" ? "the tag after ':' is empty" : `the tag '${tag}' has characters a tag cannot have (letters, digits, '_', '.', '-'; at most 128)`;
  }
  // A registry may have capitals; the repository path may not.
  const lowered = ref
    .split("/")
    .map((part, i, all) => (i === 0 && all.length > 1 && /[.:]|^localhost$/.test(part) ? part : part.toLowerCase()))
    .join("/");
  if (lowered !== ref && REFERENCE.test(lowered)) return "repository names must be lowercase";
  return "it is not '[registry/]repository[:tag][@digest]'";
}

export default defineRule({
  code: "DF110",
  name: "invalid-image-reference",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Checks image references in \`FROM\` and \`COPY --from\` (when it names an image rather than a stage)
    against the reference grammar: lowercase repository path, a tag of letters, digits, \`_\`, \`.\` and
    \`-\` (at most 128), a digest as \`<algorithm>:<hex>\`. \`FROM\` references are checked after expanding
    global \`ARG\`s; ones that stay unresolved are skipped.

    ## Why is this bad?
    The build stops with \`invalid reference format\` before pulling anything.

    ## Example
    \`\`\`dockerfile
    FROM Node:22-alpine
    COPY --from=nginx:1.27@sha256:abc /etc/nginx/nginx.conf /etc/nginx/
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-alpine
    COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
    \`\`\`

    ## Fix safety
    No fix.

    ## Relation to dockerfile-utils
    dockerfile-utils reports \`INVALID_REFERENCE_FORMAT\` (tag and digest only) and
    \`FLAG_INVALID_FROM_VALUE\`; this rule checks the whole reference, and checks \`FROM $IMAGE\` with the
    value the ARG has.
  `,
  create: (ctx) => ({
    "File:exit"() {
      for (const stage of ctx.semantic.stages) {
        const image = stage.from.image;
        const resolved = stage.image;
        if (!image || !resolved || stage.base.kind !== "image") continue;
        if (resolved.unmatched.length > 0 || resolved.errors.length > 0 || resolved.value === "") continue;
        const problem = referenceProblem(resolved.value);
        if (!problem) continue;
        const shown = resolved.value === image.value ? `'${image.value}'` : `'${image.value}' (= '${resolved.value}')`;
        ctx.report(image, `Invalid image reference ${shown}: ${problem}`);
      }
      for (const ref of ctx.semantic.stageReferences) {
        if (ref.kind !== "copy-from" || ref.onbuild || ref.target.kind !== "image" || ref.value.includes("$")) continue;
        const problem = referenceProblem(ref.value);
        if (problem) ctx.report(ref.range, `'--from=${ref.value}' is neither a stage nor a valid image reference: ${problem}`);
      }
    },
  }),
});

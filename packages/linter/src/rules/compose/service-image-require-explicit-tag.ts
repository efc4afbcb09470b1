import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

const PROHIBITED = ["latest", "stable", "edge", "test", "nightly", "dev", "beta", "canary", "lts"];

/** The tag of an image reference (`name[:tag][@digest]`), undefined when it has none. */
function imageTag(reference: string): { tag?: string; digest: boolean } {
  const at = reference.indexOf("@");
  const digest = at >= 0;
  const name = digest ? reference.slice(0, at) : reference;
  const colon = name.lastIndexOf(":");
  const tag = colon > name.lastIndexOf("/") ? name.slice(colon + 1) : undefined;
  return tag === undefined ? { digest } : { tag, digest };
}

export default defineRule({
  code: "DC011",
  name: "service-image-require-explicit-tag",
  aliases: ["service-image-require-explicit-tag"],
  kind: "compose",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  options: {
    prohibitedTags: {
      type: "string[]",
      description: "Tags that name a moving target and count as no version.",
      default: PROHIBITED,
    },
  },
  docs: () => md`
    ## What it does
    Flags a service \`image\` without a tag, or with a tag that moves (\`latest\`, \`stable\`, \`edge\`, \`test\`,
    \`nightly\`, \`dev\`, \`beta\`, \`canary\`, \`lts\`; option \`prohibitedTags\`). A digest pins the image and
    is always accepted.

    ## Why is this bad?
    The image that runs changes whenever the tag moves: two hosts running the same file get different
    software, and a rollback does not bring the old version back.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx
      cache:
        image: redis:latest
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
      cache:
        image: redis@sha256:3f2e1a4c5b6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f
    \`\`\`

    ## Fix safety
    No fix: the version to pin is a choice.

    ## Differences from dclint
    A warning rather than an error. A service that also \`build\`s names its own image, so it is skipped;
    images built from variables are checked after interpolation, and skipped when a variable has no value.
  `,
  create: (ctx) => ({
    Service(service) {
      const image = service.image;
      if (!image || typeof image.value !== "string" || image.value === "" || service.build) return;
      let value = image.value;
      if (value.includes("$")) {
        // This file's own model is not interpolated: the project's service holds the value, when it is
        // this file's image and every variable had a value.
        const merged = ctx.project.services[service.name]?.image ?? ctx.project.disabledServices[service.name]?.image;
        if (!merged || merged.file !== image.file || merged.range.start !== image.range.start || merged.node.incomplete) return;
        if (typeof merged.value !== "string" || merged.value === "" || merged.value.includes("$")) return;
        value = merged.value;
      }
      const { tag, digest } = imageTag(value);
      if (digest) return;
      if (tag === undefined) {
        ctx.report(image, `Service '${service.name}' uses the image '${value}' without a tag; pin a version`);
      } else if (ctx.options.prohibitedTags.includes(tag.toLowerCase())) {
        ctx.report(image, `Service '${service.name}' uses the image '${value}', whose tag '${tag}' moves; pin a version`);
      }
    },
  }),
});

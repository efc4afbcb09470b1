import type { Word } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable } from "./support/words.js";
import { stageNamedBefore, stagesNamed } from "./support/stages.js";

/** The registry of an image reference as Docker reads it: the first path part when it looks like a host. */
function registryOf(reference: string): string | undefined {
  const slash = reference.indexOf("/");
  if (slash < 0) return undefined;
  const first = reference.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost" ? first.toLowerCase() : undefined;
}

/** hadolint's patterns: `*` (anything), `*.suffix`, `prefix*`, else the exact registry name. */
function matches(pattern: string, registry: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (p === "*") return true;
  if (p.startsWith("*")) return registry.endsWith(p.slice(1));
  if (p.endsWith("*")) return registry.startsWith(p.slice(0, -1));
  return p === registry;
}

function trusted(reference: string, patterns: readonly string[]): boolean {
  if (reference.toLowerCase() === "scratch") return true;
  const registry = registryOf(reference);
  // An image without a registry comes from Docker Hub: allowed only when Docker Hub is (or by `*`).
  if (!registry) return patterns.some((p) => ["docker.io", "hub.docker.com", "*"].includes(p.trim().toLowerCase()));
  return patterns.some((p) => matches(p, registry));
}

export default defineRule({
  code: "DL3026",
  name: "trusted-registries",
  kind: "dockerfile",
  category: "security",
  severity: "error",
  enabledByDefault: false,
  enabledByOptions: true,
  options: {
    trustedRegistries: {
      type: "string[]",
      description:
        "Registries images may come from: exact names (`ghcr.io`), `*.suffix`, `prefix*` or `*`. Images without a registry are Docker Hub's and pass only with `docker.io` or `hub.docker.com` in the list.",
      default: [],
    },
  },
  docs: () => md`
    ## What it does
    Flags images pulled from a registry not in the \`trustedRegistries\` list: \`FROM\` images,
    \`COPY --from=<image>\` and \`RUN --mount=from=<image>\`. The rule runs when the list is configured.

    ## Why is this bad?
    Organisations often allow base images only from registries they mirror or scan. An image from
    anywhere else bypasses that review, and a typo in a registry name can pull an attacker's image.

    ## Example
    \`\`\`dockerfile {"trustedRegistries": ["ghcr.io", "*.corp.example"]}
    FROM quay.io/prometheus/busybox:latest
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"trustedRegistries": ["ghcr.io", "*.corp.example"]}
    FROM ghcr.io/acme/base:1.4
    FROM mirror.corp.example/library/alpine:3.20 AS build
    FROM build
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    An image written with variables is checked after expanding the global \`ARG\` defaults
    (\`ARG REGISTRY=quay.io\` then \`FROM \${REGISTRY}/x\` is reported); hadolint does not expand them.
    When a variable stays unresolved the image is not reported, since its registry is unknown.
  `,
  create: (ctx) => {
    const patterns = ctx.options.trustedRegistries;
    const isStage = (name: string) => /^\d+$/.test(name) || stagesNamed(ctx.stages, name).length > 0;
    const check = (reference: string, at: Word, registryWord?: Word) => {
      if (patterns.length === 0 || reference === "" || hasVariable(reference) || isStage(reference)) return;
      if (trusted(reference, patterns)) return;
      const registry = registryOf(reference) ?? "docker.io";
      ctx.report(registryWord ?? at, `Image '${reference}' comes from '${registry}', which is not a trusted registry (${patterns.join(", ")})`);
    };
    return {
      From(node) {
        const image = node.image;
        if (!image) return;
        const stage = ctx.stageOf(node);
        const resolved = stage && hasVariable(image.value) ? ctx.semantic.stages[stage.index]?.image : undefined;
        if (resolved) {
          if (resolved.unmatched.length === 0 && resolved.errors.length === 0) check(resolved.value, image);
          return;
        }
        if (stage && stageNamedBefore(ctx.stages, image.value, stage.index)) return;
        check(image.value, image, image.registry ?? image.path);
      },
      Copy(node) {
        if (node.from?.value) check(node.from.value.value, node.from.value);
      },
      Run(node) {
        for (const mount of node.mounts) {
          const from = mount.fields.find((f) => f.key.value.toLowerCase() === "from")?.value;
          if (from) check(from.value, from);
        }
      },
    };
  },
});

import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, unquote } from "./support/words.js";

interface KnownPlatform {
  os?: string;
  arch?: string;
  /** Why the image's platform is known. */
  because: string;
}

/** Docker Hub's per-architecture namespaces: each holds images for one platform only. */
const ARCH_NAMESPACES: Record<string, { os: string; arch: string }> = {
  amd64: { os: "linux", arch: "amd64" },
  arm32v5: { os: "linux", arch: "arm" },
  arm32v6: { os: "linux", arch: "arm" },
  arm32v7: { os: "linux", arch: "arm" },
  arm64v8: { os: "linux", arch: "arm64" },
  i386: { os: "linux", arch: "386" },
  mips64le: { os: "linux", arch: "mips64le" },
  ppc64le: { os: "linux", arch: "ppc64le" },
  riscv64: { os: "linux", arch: "riscv64" },
  s390x: { os: "linux", arch: "s390x" },
  "windows-amd64": { os: "windows", arch: "amd64" },
};

/** Tags naming a Windows base (Nano Server, Server Core, LTSC releases) or a Linux distribution. */
const WINDOWS_TAG = /(?:^|[-_.])(?:nanoserver|windowsservercore|servercore|ltsc\d{4})(?:$|[-_.])/i;
const LINUX_TAG = /(?:^|[-_.])(?:alpine\d*(?:\.\d+)*|bookworm|bullseye|buster|trixie|jammy|noble|focal|ubi\d*)(?:$|[-_.])/i;

/** What an image reference alone says about the platforms it exists for. */
function platformOfImage(reference: string, registry: string | undefined, path: string, tag: string | undefined): KnownPlatform | undefined {
  const parts = path.split("/");
  const hub = !registry || registry === "docker.io" || registry === "index.docker.io";
  const ns = hub && parts.length === 2 ? ARCH_NAMESPACES[parts[0]!] : undefined;
  if (ns) return { ...ns, because: `the '${parts[0]}/' namespace on Docker Hub only holds ${ns.os}/${ns.arch} images` };
  if (registry === "mcr.microsoft.com" && parts[0] === "windows") return { os: "windows", because: `'${reference}' is a Windows base image` };
  if (tag && WINDOWS_TAG.test(tag)) return { os: "windows", because: `the tag '${tag}' names a Windows image` };
  if (tag && LINUX_TAG.test(tag)) return { os: "linux", because: `the tag '${tag}' names a Linux distribution` };
  return undefined;
}

const ARCH_ALIASES: Record<string, string> = { x86_64: "amd64", "x86-64": "amd64", aarch64: "arm64", armhf: "arm", armel: "arm", i686: "386", i386: "386" };

export default defineRule({
  code: "InvalidBaseImagePlatform",
  name: "invalid-base-image-platform",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`FROM --platform=<os/arch>\` with a base image that, by its name alone, cannot exist for that
    platform: an image from one of Docker Hub's per-architecture namespaces (\`amd64/\`, \`arm64v8/\`,
    \`arm32v7/\`, ...) for another architecture, a Windows image (\`mcr.microsoft.com/windows/...\`,
    \`nanoserver\`/\`servercore\`/\`ltscYYYY\` tags) for Linux, or a Linux distribution tag (\`alpine\`,
    \`bookworm\`, \`jammy\`, ...) for Windows.

    ## Why is this bad?
    The build either fails to find a matching image or pulls one for another platform, which then fails
    at run time with "exec format error" or runs under slow emulation.

    ## Example
    \`\`\`dockerfile
    FROM --platform=linux/arm64 amd64/alpine:3.20
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM --platform=linux/arm64 alpine:3.20
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from BuildKit
    BuildKit compares the platform of the image it actually pulled with the platform requested, which
    needs the registry. Offline, neither is known in general: the platforms an image is published for
    live in the registry, and the target platform of a build is chosen on the command line
    (\`--platform\`) or by the machine. So this rule only reports what the Dockerfile itself makes
    certain: a constant \`--platform\` (no variables, so no \`\$TARGETPLATFORM\` or \`\$BUILDPLATFORM\`) and
    an image whose name fixes its platform, as listed above. Every other mismatch goes unreported.
  `,
  create: (ctx) => ({
    From(node) {
      const flag = node.platform?.value;
      const image = node.image;
      if (!flag || !image || hasVariable(flag.value) || hasVariable(image.value)) return;
      const [os, rawArch] = unquote(flag.value).toLowerCase().split("/");
      if (!os) return;
      const arch = rawArch ? (ARCH_ALIASES[rawArch] ?? rawArch) : undefined;
      const known = platformOfImage(image.value, image.registry?.value.toLowerCase(), image.path.value, image.tag?.value);
      if (!known) return;
      const osMismatch = known.os !== undefined && known.os !== os;
      const archMismatch = known.arch !== undefined && arch !== undefined && known.arch !== arch;
      if (!osMismatch && !archMismatch) return;
      ctx.report(image, `'${image.value}' cannot match --platform=${unquote(flag.value)}: ${known.because}`, {
        related: [{ message: "The platform asked for", target: flag }],
      });
    },
  }),
});

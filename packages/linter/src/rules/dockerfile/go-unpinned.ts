import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { pinMessage, reportUnpinned, toolCalls } from "./support/shell-commands.js";

/** `go build` flags that take a value, in both spellings Go accepts (`-ldflags` and `--ldflags`). */
const GO_VALUE_FLAGS = [
  "o", "C", "p", "mod", "modfile", "tags", "ldflags", "gcflags", "asmflags", "overlay", "pkgdir", "toolexec", "exec",
  "compiler", "gccgoflags", "installsuffix", "buildmode", "pgo", "coverpkg", "covermode",
].flatMap((f) => (f.length === 1 ? [f] : [`-${f}`, f]));

/** Local paths, and the patterns Go expands itself (\`go install tool\` installs the tools go.mod pins). */
function isLocal(pkg: string): boolean {
  return pkg.startsWith(".") || pkg.startsWith("/") || ["tool", "all", "std", "cmd"].includes(pkg);
}

/** `module/path@v1.2.3` (not `@latest`, `@none`, `@upgrade`, `@patch`), or a local package. */
function pinned(pkg: string): boolean {
  if (isLocal(pkg)) return true;
  const at = pkg.lastIndexOf("@");
  return at >= 0 && !["latest", "none", "upgrade", "patch", ""].includes(pkg.slice(at + 1));
}

/** `go run` of a remote module (`go run example.com/cmd/x@v1`), not of files or local packages. */
function remoteRun(pkg: string): boolean {
  return pkg.includes("@") || (!pkg.endsWith(".go") && !isLocal(pkg) && /^[^/]+\.[^/]+\//.test(pkg));
}

export default defineRule({
  code: "DL3062",
  name: "go-unpinned",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags packages in \`go install\`, \`go get\` and \`go run\` of a remote module without a version
    (\`golang.org/x/tools/gopls@v0.16.2\`); \`@latest\` and \`@none\` are not versions. Local packages
    (\`.\`, \`./cmd/x\`, \`/src/x\`), the patterns \`tool\`, \`all\`, \`std\` and \`cmd\`, and \`go run main.go\` are fine.

    ## Why is this bad?
    Without a version, Go fetches the newest release on the day of the build: builds of the same commit
    differ, and a new release can break the image without any change on your side.

    ## Example
    \`\`\`dockerfile
    FROM golang:1.23
    RUN go install golang.org/x/tools/gopls@latest
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM golang:1.23
    RUN go install golang.org/x/tools/gopls@v0.16.2
    \`\`\`

    ## Fix safety
    No fix is offered: only you know which version to pin.

    ## Differences from hadolint
    Every \`go install\`/\`go get\` is checked, also when the \`RUN\` has a \`go run\`, and \`go run\` is checked only
    for remote modules (hadolint reports \`go run main.go\`). Values of build flags (\`-ldflags\`, \`-o\`) are not
    taken for packages, and \`@upgrade\`/\`@patch\` are not versions either. Wrapped commands and heredoc scripts
    are checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "go", ["install", "get", "run"], GO_VALUE_FLAGS)) {
        const run = call.subcommand.value === "run";
        const packages = run ? call.operands.slice(0, 1).filter((w) => remoteRun(w.value)) : call.operands;
        reportUnpinned(ctx, node, packages, pinned,
          (pkgs) => pinMessage(pkgs.map((p) => p.replace(/@[^@]*$/, "")), `go ${call.subcommand.value}`, "@"));
      }
    },
  }),
});

import { fileURLToPath } from "node:url";

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

/** Tests import the packages' sources directly, so `npm test` needs no build first. */
export const sharedAliases = [
  // Subpath exports first: an alias for the bare name would otherwise swallow them.
  {
    find: "@shipshape/shell/process",
    replacement: fileURLToPath(new URL("./packages/shell/src/shellcheck-process.ts", import.meta.url)),
  },
  ...["text", "dockerfile", "shell", "compose", "semantic", "buildplan", "linter", "language-service", "language-server", "cli"].map((n) => ({
    find: new RegExp(`^@shipshape/${n}$`),
    replacement: pkg(n),
  })),
];

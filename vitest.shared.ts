import { fileURLToPath } from "node:url";

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

/** Tests import the packages' sources directly, so `npm test` needs no build first. */
export const sharedAliases = Object.fromEntries(
  ["text", "dockerfile", "shell", "compose", "semantic", "buildplan", "linter", "cli"].map((n) => [`@shipshape/${n}`, pkg(n)]),
);

/**
 * @shipshape/cli: the `shipshape` command. Its exports are `main`, for the bin script and in-process tests,
 * and `useCompiledShell`, for the bin; no other package imports this one.
 */
export { main } from "./main.js";
export type { CliIO } from "./io.js";
export { type CompiledShellAssets, useCompiledShell } from "./shell-assets.js";

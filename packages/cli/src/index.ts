/**
 * @shipshape/cli: the `shipshape` command. Its only export is `main`, for the bin script and in-process tests;
 * no other package imports this one.
 */
export { main } from "./main.js";
export type { CliIO } from "./io.js";

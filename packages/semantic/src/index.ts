export * from "./expand.js";
export * from "./model.js";
export { analyzeDockerfile } from "./analyze.js";
export * from "./predefined.js";
export { classifyShell, scanRuntimeRefs, type RuntimeRef, type ShellKind } from "./runtime-refs.js";
export { ScopeSnapshot } from "./scope.js";

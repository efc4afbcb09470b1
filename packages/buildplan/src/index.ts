export * from "./dockerignore.js";
export { parsePlatform } from "./platform.js";
export { plan } from "./plan.js";
export { renderPlanText } from "./render-text.js";
export { planToJson, type PlanJson, type PlanJsonStage, type PlanJsonStep, type PlanJsonImage } from "./render-json.js";
export { renderMermaid, renderDot } from "./render-graph.js";
export { CODES as PLAN_DIAGNOSTIC_CODES, type PlanCode } from "./diagnostics.js";
export type * from "./types.js";
export { renderPlan, planJsonChunks, parseBuildArgs, PLAN_FORMATS, type PlanFormat } from "./format.js";

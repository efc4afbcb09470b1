export * from "./range.js";
export * from "./line-index.js";
export * from "./edit.js";
export * from "./diagnostic.js";
export * from "./report.js";
export * from "./peer-config.js";
export * from "./node-cache.js";

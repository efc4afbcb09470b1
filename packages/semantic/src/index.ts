export * from "./expand.js";

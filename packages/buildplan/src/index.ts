export * from "./dockerignore.js";

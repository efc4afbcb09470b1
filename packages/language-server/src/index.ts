export { startServer, type ServerStreams } from "./server.js";
export { DEFAULT_SETTINGS, readSettings, type ServerSettings } from "./settings.js";
export { WorkspaceFiles, pathToUri, uriToPath } from "./workspace-files.js";

/** Which documents the client hands to the server, from the `shipshape.enable.*` settings. */
import type { DocumentFilter } from "vscode-languageclient";

export interface ClientSettings {
  dockerfile: boolean;
  compose: boolean;
}

interface ConfigLike {
  get<T>(key: string, fallback: T): T;
}

export function readClientSettings(config: ConfigLike): ClientSettings {
  return { dockerfile: config.get<boolean>("enable.dockerfile", true) !== false, compose: config.get<boolean>("enable.compose", true) !== false };
}

/** The Compose file names of INTERFACE.md as a glob (VS Code matches `**` globs case-insensitively on names). */
export const COMPOSE_GLOB = "**/{compose,docker-compose,compose.*,docker-compose.*,*.compose}.{yaml,yml}";
export const DOCKERFILE_GLOB = "**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.Dockerfile,*.dockerfile}";

/**
 * By language id, and by file name too: another extension may claim these files under its own language
 * id (or plain `yaml` for Compose files), and the server should still see them.
 */
export function documentSelector(settings: ClientSettings): DocumentFilter[] {
  const out: DocumentFilter[] = [];
  for (const scheme of ["file", "untitled"]) {
    if (settings.dockerfile) out.push({ scheme, language: "dockerfile" });
    if (settings.compose) out.push({ scheme, language: "dockercompose" });
  }
  if (settings.dockerfile) out.push({ scheme: "file", pattern: DOCKERFILE_GLOB });
  if (settings.compose) out.push({ scheme: "file", language: "yaml", pattern: COMPOSE_GLOB });
  return out;
}

/**
 * Living next to the Docker extension: its own language servers report some of the same problems on
 * Dockerfiles and Compose files. By default (`shipshape.coexistence.dockerExtension: "deduplicate"`)
 * a shipshape diagnostic is dropped when another source already reports one on exactly the same range.
 */
import * as vscode from "vscode";

/** Extensions that run a Dockerfile/Compose language server of their own. */
export const DOCKER_EXTENSIONS = ["docker.docker", "ms-azuretools.vscode-docker"];

export function dockerExtensionActive(): boolean {
  return DOCKER_EXTENSIONS.some((id) => vscode.extensions.getExtension(id)?.isActive === true);
}

export function withoutDuplicates(ours: vscode.Diagnostic[], all: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  const theirs = all.filter((d) => d.source !== "shipshape");
  if (!theirs.length) return ours;
  return ours.filter((d) => !theirs.some((t) => t.range.isEqual(d.range)));
}

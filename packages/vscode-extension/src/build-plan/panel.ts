/**
 * The "Show build plan" webview. The plan comes from the server (`shipshape/buildPlan`, the simulator's
 * `plan()` over the editor's current text); this file only asks and renders. It follows the active
 * Dockerfile editor and re-renders (debounced) as the text changes.
 */
import type { BuildPlan } from "@shipshape/buildplan";
import * as path from "node:path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { renderPlanHtml } from "./render.js";

/** The server's request; params `{ uri, target?, buildArgs? }`, result `BuildPlan | null`. */
export const BUILD_PLAN_REQUEST = "shipshape/buildPlan";

export class BuildPlanPanel {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Answers can arrive out of order while typing: only the newest request may render. */
  private requests = 0;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** Subscriptions that keep the panel on the active Dockerfile. */
  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && e && e.document.languageId === "dockerfile") this.show(e.document, false);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document) this.schedule();
      }),
      { dispose: () => this.panel?.dispose() },
    );
  }

  show(document: vscode.TextDocument, reveal = true): void {
    this.document = document;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel("shipshape.buildPlan", "Build plan", { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        clearTimeout(this.timer);
      });
    } else if (reveal) {
      this.panel.reveal(undefined, true);
    }
    void this.refresh();
  }

  /** Re-renders after a restart of the server (the old one's answers are gone). */
  refreshSoon(): void {
    if (this.panel) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 300);
  }

  private async refresh(): Promise<void> {
    const doc = this.document;
    const panel = this.panel;
    if (!doc || !panel) return;
    const request = ++this.requests;
    const name = path.basename(doc.uri.fsPath || doc.uri.path);
    panel.title = `Build plan: ${name}`;
    let html: string;
    try {
      const plan = await this.planFor(doc);
      html = plan ? renderPlanHtml(plan, name, panel.webview.cspSource) : message(`${name} is not served by shipshape (not a Dockerfile, or shipshape.enable.dockerfile is off).`);
    } catch (e) {
      html = message(`No plan: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (this.panel === panel && this.document === doc && request === this.requests) panel.webview.html = html;
  }

  private async planFor(doc: vscode.TextDocument): Promise<BuildPlan | null> {
    const client = this.client();
    if (!client?.isRunning()) {
      // Starting up (or restarting): try again shortly rather than showing nothing.
      if (client) this.schedule();
      throw new Error("the shipshape server is not running yet.");
    }
    return client.sendRequest<BuildPlan | null>(BUILD_PLAN_REQUEST, { uri: client.code2ProtocolConverter.asUri(doc.uri) });
  }
}

function message(text: string): string {
  const safe = text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  return `<!DOCTYPE html><html><body><p>${safe}</p></body></html>`;
}

/**
 * The "Show build plan" webview. It asks the server for the plan (`shipshape/buildPlan`) and, when the
 * server does not offer that request, runs the simulator's `plan()` bundled into the client. It follows
 * the active Dockerfile editor and re-renders (debounced) as the text changes.
 */
import { plan, planToJson, type PlanJson } from "@shipshape/buildplan";
import * as path from "node:path";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { renderPlanHtml } from "./render.js";

const BUILD_PLAN_REQUEST = "shipshape/buildPlan";

export class BuildPlanPanel {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private serverHasRequest = true;

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

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 300);
  }

  private async refresh(): Promise<void> {
    const doc = this.document;
    const panel = this.panel;
    if (!doc || !panel) return;
    const name = path.basename(doc.uri.fsPath || doc.uri.path);
    panel.title = `Build plan: ${name}`;
    try {
      const json = await this.planFor(doc);
      if (this.panel === panel && this.document === doc) panel.webview.html = renderPlanHtml(json, name, panel.webview.cspSource);
    } catch (e) {
      panel.webview.html = `<!DOCTYPE html><html><body><p>No plan: ${String(e instanceof Error ? e.message : e).replace(/[<&]/g, "")}</p></body></html>`;
    }
  }

  private async planFor(doc: vscode.TextDocument): Promise<PlanJson> {
    const client = this.client();
    if (client?.isRunning() && this.serverHasRequest) {
      try {
        return await client.sendRequest<PlanJson>(BUILD_PLAN_REQUEST, { textDocument: { uri: doc.uri.toString() } });
      } catch {
        // MethodNotFound: this server has no plan request; the bundled simulator answers from now on.
        this.serverHasRequest = false;
      }
    }
    return planToJson(plan(doc.getText(), { dockerfilePath: doc.uri.fsPath }), { file: doc.uri.fsPath });
  }
}

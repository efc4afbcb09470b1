/**
 * The VS Code client for the shipshape language server. It starts the bundled server (dist/server.js)
 * over stdio, passes the `shipshape.*` settings through, and adds four commands. Every answer
 * (diagnostics, fixes, hovers, completion) comes from the server; this file only wires them in.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from "vscode-languageclient/node";
import { BuildPlanPanel } from "./build-plan/panel.js";
import { documentSelector, readClientSettings } from "./selector.js";
import { Coexistence } from "./coexistence.js";
import { explainRuleCommand, registerRuleDocs } from "./explain.js";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("shipshape");
  const buildPlan = new BuildPlanPanel(() => client);
  buildPlan.register(context);
  const coexistence = new Coexistence(() => client?.diagnostics);
  coexistence.register(context);

  const start = async (): Promise<void> => {
    coexistence.clear();
    client = createClient(context, output, coexistence);
    await client.start();
  };

  context.subscriptions.push(
    output,
    registerRuleDocs(() => client),
    vscode.commands.registerCommand("shipshape.restartServer", async () => {
      await client?.stop().catch(() => undefined);
      await start();
      buildPlan.refreshSoon();
      void vscode.window.setStatusBarMessage("shipshape: server restarted", 3000);
    }),
    vscode.commands.registerCommand("shipshape.fixAll", async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      // The server offers every safe fix of the file as one `source.fixAll.shipshape` action.
      await vscode.commands.executeCommand("editor.action.codeAction", { kind: "source.fixAll.shipshape", apply: "first" });
    }),
    vscode.commands.registerCommand("shipshape.showBuildPlan", (uri?: vscode.Uri) => {
      const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== "dockerfile") {
        void vscode.window.showWarningMessage("shipshape: open a Dockerfile to see its build plan.");
        return;
      }
      buildPlan.show(doc);
    }),
    vscode.commands.registerCommand("shipshape.explainRule", (code?: string) => explainRuleCommand(() => client, code)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // Which kinds the client serves is fixed when it starts; the server pulls the other settings itself.
      if (e.affectsConfiguration("shipshape.enable")) await vscode.commands.executeCommand("shipshape.restartServer");
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, coexistence: Coexistence): LanguageClient {
  const module = context.asAbsolutePath(path.join("dist", "server.js"));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const settings = readClientSettings(vscode.workspace.getConfiguration("shipshape"));
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(settings),
    outputChannel: output,
    initializationOptions: { settings: vscode.workspace.getConfiguration("shipshape") },
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher(
        "**/{.shipshape.yaml,.shipshape.yml,.hadolint.yaml,.hadolint.yml,.dclintrc*,dclintrc*,dclint.config.*,package.json,.env}",
      ),
    },
    middleware: { handleDiagnostics: coexistence.handleDiagnostics },
  };
  return new LanguageClient("shipshape", "shipshape", serverOptions, clientOptions);
}

/**
 * Turns a build plan (the `BuildPlan` data the server's `shipshape/buildPlan` request returns) into the
 * HTML of the "Show build plan" webview: an inline SVG stage graph (layered by wave, edges routed around
 * the boxes: see graph-layout.ts) and a table of steps with the effective state at each. No scripts, no
 * external resources: the page's CSP allows only inline styles.
 */
// Types only: the data arrives over the wire, so nothing of the simulator is bundled into the client.
import type { BuildPlan, StagePlan, StepPlan } from "@shipshape/buildplan";
import { BOX_W, type GraphLayout, layoutPlan, routePath } from "./graph-layout.js";

const EDGE_LABEL: Record<string, string> = { base: "FROM", "copy-from": "COPY --from", "mount-from": "--mount from", onbuild: "ONBUILD" };

export function renderGraphSvg(layout: GraphLayout): string {
  const edges = layout.edges
    .map((e) => {
      const end = e.points[e.points.length - 1]!;
      const dashed = e.kind === "base" ? "" : ' stroke-dasharray="6 4"';
      const label = EDGE_LABEL[e.kind] ?? e.kind;
      return (
        `<path class="edge edge-${esc(e.kind)}" d="${routePath(e.points)}"${dashed} marker-end="url(#arrow)"/>` +
        // Labelled just before the arrow head: the ports of edges into one box are spread over its side.
        `<text class="edge-label" x="${end.x - 8}" y="${end.y - 4}" text-anchor="end">${esc(label)}</text>`
      );
    })
    .join("");
  const nodes = layout.nodes
    .map(
      (n) =>
        `<g class="node ${n.kind}" data-id="${esc(n.id)}"><rect x="${n.x}" y="${n.y}" width="${BOX_W}" height="${n.height}" rx="6"/>` +
        `<text x="${n.x + BOX_W / 2}" y="${n.y + n.height / 2 - 3}" text-anchor="middle">${esc(clip(n.label, 22))}</text>` +
        `<text class="sub" x="${n.x + BOX_W / 2}" y="${n.y + n.height / 2 + 13}" text-anchor="middle">${n.kind === "target" ? "target" : n.kind}</text></g>`,
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="stage graph" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>` +
    edges +
    nodes +
    `</svg>`
  );
}

function stateCell(step: StepPlan): string {
  const s = step.state;
  const parts = [
    s.workdir ? `WORKDIR ${s.workdir}` : "",
    s.user ? `USER ${s.user}` : "",
    Object.keys(s.env).length ? `ENV ${Object.entries(s.env).map(([k, v]) => `${k}=${v}`).join(" ")}` : "",
    Object.keys(s.args).length ? `ARG ${Object.entries(s.args).map(([k, v]) => `${k}=${v}`).join(" ")}` : "",
  ].filter(Boolean);
  return parts.map(esc).join("<br>");
}

function stageTable(s: StagePlan): string {
  const rows = s.steps
    .map(
      (st) =>
        `<tr class="cache-${esc(st.cache)}"><td>${st.line}</td><td><code>${esc(clip(st.text, 90))}</code></td><td>${esc(st.cache)}</td><td>${stateCell(st)}</td></tr>`,
    )
    .join("");
  const status = s.built ? "built" : `skipped${s.skippedBecause ? `: ${s.skippedBecause}` : ""}`;
  return (
    `<section class="stage"><h3>${esc(s.name ?? s.id)} <small>FROM ${esc(s.base)} · ${esc(status)}</small></h3>` +
    `<table><thead><tr><th>line</th><th>step</th><th>cache</th><th>state after the step</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

/** The whole page. `nonce`-less: the CSP forbids scripts entirely. */
export function renderPlanHtml(plan: BuildPlan, title: string, cspSource = "'none'"): string {
  const layout = layoutPlan(plan);
  const waves = plan.order.map((w, i) => `<li>wave ${i + 1}: ${w.map(esc).join(", ")}</li>`).join("");
  const diags = plan.diagnostics.length
    ? `<h2>Simulator notes</h2><ul>${plan.diagnostics.map((d) => `<li>line ${d.line}: ${esc(d.code)} ${esc(d.message)}</li>`).join("")}</ul>`
    : "";
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'unsafe-inline';">
<title>${esc(title)}</title><style>${STYLE}</style></head><body>
<h1>Build plan: ${esc(title)}</h1>
<p class="summary">target <b>${esc(plan.target ?? "(none)")}</b> · ${plan.stages.length} stages, ${plan.stages.filter((s) => s.built).length} built · platform ${esc(plan.targetPlatform)}</p>
<div class="graph">${renderGraphSvg(layout)}</div>
<h2>Waves</h2><ol class="waves">${waves}</ol>
${diags}
<h2>Stages</h2>${plan.stages.map(stageTable).join("")}
</body></html>`;
}

const STYLE = `body{font-family:var(--vscode-font-family,sans-serif);color:var(--vscode-foreground,#222);padding:0 16px}
.graph{overflow:auto;border:1px solid var(--vscode-panel-border,#ccc);padding:4px}
svg text{font-size:12px;fill:var(--vscode-foreground,#222)} svg text.sub,svg .edge-label{font-size:10px;opacity:.75}
.node rect{stroke-width:1.5} .built rect{fill:#1f6feb22;stroke:#1f6feb} .target rect{fill:#1a7f3733;stroke:#1a7f37;stroke-width:3}
.skipped rect{fill:#8882;stroke:#999;stroke-dasharray:5 4} .skipped text{opacity:.6} .external rect{fill:none;stroke:#888;stroke-dasharray:2 3}
.edge{fill:none;stroke:var(--vscode-foreground,#555);stroke-width:1.3;opacity:.7} marker path{fill:var(--vscode-foreground,#555)}
table{border-collapse:collapse;width:100%;font-size:12px} td,th{border-bottom:1px solid var(--vscode-panel-border,#ddd);padding:2px 6px;text-align:left;vertical-align:top}
small{font-weight:normal;opacity:.7} .cache-not-built{opacity:.55}`;

function clip(s: string, n: number): string {
  const one = s.replace(/\s*\\?\n\s*/g, " ");
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

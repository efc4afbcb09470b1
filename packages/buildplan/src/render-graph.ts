/**
 * The stage graph as Mermaid and Graphviz DOT. Stages are boxes (the target bold, skipped ones dashed and
 * grey), external images and named contexts are separate nodes; FROM edges are solid, `COPY --from` dashed,
 * `RUN --mount=from=` dotted, ONBUILD references dashed with their own label.
 */
import type { BuildPlan, EdgeKind } from "./types.js";

interface GraphNode {
  key: string;
  label: string;
  kind: "stage" | "image" | "context";
  built: boolean;
  target: boolean;
}

function nodesOf(plan: BuildPlan): GraphNode[] {
  const nodes: GraphNode[] = plan.stages.map((s) => ({
    key: s.id,
    label: s.name ?? s.id,
    kind: "stage",
    built: s.built,
    target: s.id === plan.target,
  }));
  const seen = new Set(nodes.map((n) => n.key));
  for (const e of plan.edges) {
    if (seen.has(e.from)) continue;
    seen.add(e.from);
    const isImage = e.from.startsWith("image:");
    const label = e.from.slice(e.from.indexOf(":") + 1);
    const usedByBuilt = plan.edges.some((x) => x.from === e.from && plan.stages.find((s) => s.id === x.to)?.built);
    nodes.push({ key: e.from, label: label === "" ? "(blank)" : label, kind: isImage ? "image" : "context", built: usedByBuilt, target: false });
  }
  return nodes;
}

const EDGE_LABEL: Record<EdgeKind, string> = { base: "FROM", "copy-from": "COPY --from", "mount-from": "RUN --mount", onbuild: "ONBUILD" };

function mermaidLabel(text: string): string {
  return text.replace(/"/g, "#quot;");
}

export function renderMermaid(plan: BuildPlan): string {
  const nodes = nodesOf(plan);
  const ids = new Map(nodes.map((n, i) => [n.key, n.kind === "stage" ? `stage${i}` : `src${i}`]));
  const out = ["flowchart TD"];
  for (const n of nodes) {
    const id = ids.get(n.key)!;
    const label = mermaidLabel(n.target ? `${n.label} (target)` : n.label);
    out.push(n.kind === "stage" ? `  ${id}["${label}"]` : `  ${id}[("${label}")]`);
  }
  const seen = new Set<string>();
  for (const e of plan.edges) {
    const key = `${e.from}|${e.to}|${e.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const a = ids.get(e.from)!;
    const b = ids.get(e.to)!;
    const arrow = e.kind === "base" ? "-->" : e.kind === "mount-from" ? "-.-o" : "-.->";
    out.push(`  ${a} ${arrow}|${EDGE_LABEL[e.kind]}| ${b}`);
  }
  out.push("  classDef built fill:#e8f4ff,stroke:#1f6feb;");
  out.push("  classDef skipped fill:#f6f6f6,stroke:#999,stroke-dasharray:5 5,color:#888;");
  out.push("  classDef target fill:#d1f0d1,stroke:#1a7f37,stroke-width:3px;");
  out.push("  classDef external fill:#fff,stroke:#666,stroke-dasharray:3 3;");
  const classOf = (n: GraphNode): string => (n.kind !== "stage" ? (n.built ? "external" : "skipped") : n.target ? "target" : n.built ? "built" : "skipped");
  for (const cls of ["built", "skipped", "target", "external"]) {
    const members = nodes.filter((n) => classOf(n) === cls).map((n) => ids.get(n.key)!);
    if (members.length > 0) out.push(`  class ${members.join(",")} ${cls};`);
  }
  return out.join("\n") + "\n";
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

export function renderDot(plan: BuildPlan): string {
  const nodes = nodesOf(plan);
  const out = ["digraph buildplan {", "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];'];
  for (const n of nodes) {
    const attrs: string[] = [`label=${dotString(n.target ? `${n.label}\n(target)` : n.label)}`];
    if (n.kind === "stage") {
      if (!n.built) attrs.push('style="dashed"', 'color="gray55"', 'fontcolor="gray55"');
      else if (n.target) attrs.push('style="filled,bold"', 'fillcolor="palegreen"', "penwidth=2");
      else attrs.push('style="filled"', 'fillcolor="lightblue"');
    } else {
      attrs.push('shape="cylinder"', 'style="dashed"');
      if (!n.built) attrs.push('color="gray55"', 'fontcolor="gray55"');
    }
    out.push(`  ${dotString(n.key)} [${attrs.join(", ")}];`);
  }
  const seen = new Set<string>();
  for (const e of plan.edges) {
    const key = `${e.from}|${e.to}|${e.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const style =
      e.kind === "base" ? 'style="solid"' :
      e.kind === "mount-from" ? 'style="dotted", arrowhead="diamond"' :
      'style="dashed", arrowhead="empty"';
    out.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(EDGE_LABEL[e.kind])}, ${style}];`);
  }
  out.push("}");
  return out.join("\n") + "\n";
}

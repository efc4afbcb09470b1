/**
 * Layered layout of the stage graph (left to right), so that no edge crosses a stage box:
 * - built stages sit in the layer of their wave; other stages one layer right of their latest source;
 *   an external image or context one layer left of the first stage that uses it;
 * - an edge that skips layers passes each layer in between through a slot of its own (a waypoint), so
 *   it runs horizontally through that layer instead of through a box;
 * - between two adjacent layers an edge is a curve from the right side of one box (or waypoint) to the
 *   left side of the next, which stays inside the gap between the two columns;
 * - within a layer, boxes and waypoints are ordered by the mean position of their neighbours (a few
 *   sweeps both ways), which removes most crossings.
 */
import type { BuildPlan, StagePlan } from "@shipshape/buildplan";

export const BOX_W = 170;
export const BOX_H = 46;
const COL_GAP = 110;
const ROW_GAP = 26;
/** The height of a waypoint's slot: a lane for one edge. */
const LANE_H = 16;
/** The least distance between two ports on a box's side: room for an edge label each. */
const PORT_GAP = 16;
const PAD = 20;
const SWEEPS = 4;

export interface NodeBox {
  id: string;
  label: string;
  kind: "built" | "skipped" | "target" | "external";
  x: number;
  y: number;
  /** BOX_H, or more when many edges meet the box (one port each, PORT_GAP apart). */
  height: number;
  layer: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface EdgeRoute {
  from: string;
  to: string;
  kind: string;
  /**
   * From the source's right side to the target's left side; in between, pairs of points (entering and
   * leaving a layer at one height). Consecutive points are joined by `segmentPath`.
   */
  points: Point[];
}

export interface GraphLayout {
  nodes: NodeBox[];
  edges: EdgeRoute[];
  width: number;
  height: number;
}

type Slot = { kind: "node"; node: Omit<NodeBox, "x" | "y" | "layer" | "height"> } | { kind: "lane"; edge: number };

export function layoutPlan(plan: BuildPlan): GraphLayout {
  const stages = new Map(plan.stages.map((s) => [s.id, s]));
  const edges = plan.edges.filter((e) => e.from !== e.to && stages.has(e.to));
  const externals = [...new Set(edges.map((e) => e.from).filter((f) => !stages.has(f)))];
  const layer = assignLayers(plan, edges, externals);

  // Slots per layer: boxes, then a lane in every layer an edge passes over.
  const layers: Slot[][] = [];
  const at = (l: number) => (layers[l] ??= []);
  for (const id of externals) at(layer.get(id)!).push({ kind: "node", node: { id, label: id.replace(/^(image|context):/, "") || id, kind: "external" } });
  for (const s of plan.stages) at(layer.get(s.id)!).push({ kind: "node", node: stageNode(s, plan.target) });
  edges.forEach((e, i) => {
    for (let l = layer.get(e.from)! + 1; l < layer.get(e.to)!; l++) at(l).push({ kind: "lane", edge: i });
  });
  for (let l = 0; l < layers.length; l++) at(l);
  orderLayers(layers, edges, layer);

  // Heights: each layer stacked from the top, then centred on the tallest.
  const ports = (id: string) => Math.max(edges.filter((e) => e.to === id).length, edges.filter((e) => e.from === id).length);
  const boxH = (id: string) => Math.max(BOX_H, (ports(id) + 1) * PORT_GAP);
  const slotH = (s: Slot) => (s.kind === "node" ? boxH(s.node.id) : LANE_H);
  const columnH = layers.map((slots) => slots.reduce((h, s, i) => h + slotH(s) + (i ? ROW_GAP : 0), 0));
  const height = Math.max(BOX_H, ...columnH);
  const nodes: NodeBox[] = [];
  const lanes = new Map<string, Point>(); // `${edge}@${layer}` -> top-left of the lane
  layers.forEach((slots, l) => {
    const x = PAD + l * (BOX_W + COL_GAP);
    let y = PAD + (height - columnH[l]!) / 2;
    for (const s of slots) {
      if (s.kind === "node") nodes.push({ ...s.node, x, y, height: slotH(s), layer: l });
      else lanes.set(`${s.edge}@${l}`, { x, y });
      y += slotH(s) + ROW_GAP;
    }
  });

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const sides = sidePorts(edges, byId, lanes, layer);
  const routes: EdgeRoute[] = edges.map((e, i) => {
    const points: Point[] = [sides.out.get(i)!];
    for (let l = layer.get(e.from)! + 1; l < layer.get(e.to)!; l++) {
      const lane = lanes.get(`${i}@${l}`)!;
      points.push({ x: lane.x, y: lane.y + LANE_H / 2 }, { x: lane.x + BOX_W, y: lane.y + LANE_H / 2 });
    }
    points.push(sides.in.get(i)!);
    return { from: e.from, to: e.to, kind: e.kind, points };
  });
  return {
    nodes,
    edges: routes,
    width: PAD * 2 + Math.max(1, layers.length) * (BOX_W + COL_GAP) - COL_GAP,
    height: PAD * 2 + height,
  };
}

/** The SVG path data from one point to the next: a curve with horizontal ends (a line when level). */
export function segmentPath(a: Point, b: Point): string {
  if (a.y === b.y) return `L${b.x},${b.y}`;
  const mid = (a.x + b.x) / 2;
  return `C${mid},${a.y} ${mid},${b.y} ${b.x},${b.y}`;
}

export function routePath(points: readonly Point[]): string {
  return `M${points[0]!.x},${points[0]!.y}${points.slice(1).map((p, i) => segmentPath(points[i]!, p)).join("")}`;
}

function stageNode(s: StagePlan, target: string | null): { id: string; label: string; kind: NodeBox["kind"] } {
  const kind = s.id === target ? "target" : s.built ? "built" : "skipped";
  return { id: s.id, label: s.name ?? s.id, kind };
}

/** Layer per node id; layer 0 is the leftmost. */
function assignLayers(plan: BuildPlan, edges: BuildPlan["edges"], externals: string[]): Map<string, number> {
  const wave = new Map<string, number>();
  plan.order.forEach((w, i) => w.forEach((id) => wave.set(id, i)));
  const sources = new Map<string, string[]>();
  for (const e of edges) if (!externals.includes(e.from)) (sources.get(e.to) ?? sources.set(e.to, []).get(e.to)!).push(e.from);

  // Stages: one right of their latest source stage; a built stage no left of its wave (the waves are the
  // longest chains of built stages, so both agree for built stages).
  const stageLayer = new Map<string, number>();
  const visiting = new Set<string>();
  const layerOf = (id: string): number => {
    const known = stageLayer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle (a malformed file): cut it here
    visiting.add(id);
    let l = Math.max(0, ...(sources.get(id) ?? []).map((s) => layerOf(s) + 1));
    l = Math.max(l, wave.get(id) ?? 0);
    visiting.delete(id);
    stageLayer.set(id, l);
    return l;
  };
  for (const s of plan.stages) layerOf(s.id);

  // Externals: one left of the first stage they feed; everything moves right when one lands left of 0.
  const out = new Map(stageLayer);
  for (const x of externals) out.set(x, Math.min(...edges.filter((e) => e.from === x).map((e) => stageLayer.get(e.to)!)) - 1);
  const shift = -Math.min(0, ...out.values());
  for (const [id, l] of out) out.set(id, l + shift);
  return out;
}

/** Orders each layer's slots by the mean index of their neighbours in the layer before (then after). */
function orderLayers(layers: Slot[][], edges: BuildPlan["edges"], layer: Map<string, number>): void {
  const key = (s: Slot, l: number) => (s.kind === "node" ? s.node.id : `${s.edge}@${l}`);
  // Neighbours of a slot in the layer to its left and to its right.
  const left = new Map<string, string[]>();
  const right = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    (right.get(a) ?? right.set(a, []).get(a)!).push(b);
    (left.get(b) ?? left.set(b, []).get(b)!).push(a);
  };
  edges.forEach((e, i) => {
    let prev = e.from;
    for (let l = layer.get(e.from)! + 1; l < layer.get(e.to)!; l++) {
      link(prev, `${i}@${l}`);
      prev = `${i}@${l}`;
    }
    link(prev, e.to);
  });
  const sweep = (l: number, neighbours: Map<string, string[]>, o: number) => {
    const other = layers[o];
    if (!other) return;
    const index = new Map(other.map((s, i) => [key(s, o), i] as const));
    const current = layers[l]!;
    const score = new Map(
      current.map((s, i) => {
        const ns = (neighbours.get(key(s, l)) ?? []).map((n) => index.get(n)).filter((n): n is number => n !== undefined);
        return [s, ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : i] as const;
      }),
    );
    // Stable: slots without neighbours there keep their place relative to the others.
    layers[l] = current.map((s, i) => ({ s, i })).sort((a, b) => score.get(a.s)! - score.get(b.s)! || a.i - b.i).map((x) => x.s);
  };
  for (let n = 0; n < SWEEPS; n++) {
    for (let l = 1; l < layers.length; l++) sweep(l, left, l - 1);
    for (let l = layers.length - 2; l >= 0; l--) sweep(l, right, l + 1);
  }
}

/**
 * Where each edge leaves its source and enters its target: spread over the box's side in the order of
 * the other ends' heights, so that edges sharing a box do not cross at it.
 */
function sidePorts(
  edges: BuildPlan["edges"],
  byId: Map<string, NodeBox>,
  lanes: Map<string, Point>,
  layer: Map<string, number>,
): { out: Map<number, Point>; in: Map<number, Point> } {
  const centreY = (n: NodeBox) => n.y + n.height / 2;
  // The height of the next point along the edge after leaving (or before entering) a box.
  const nextY = (i: number) => {
    const e = edges[i]!;
    const lane = lanes.get(`${i}@${layer.get(e.from)! + 1}`);
    return lane ? lane.y : centreY(byId.get(e.to)!);
  };
  const prevY = (i: number) => {
    const e = edges[i]!;
    const lane = lanes.get(`${i}@${layer.get(e.to)! - 1}`);
    return lane ? lane.y : centreY(byId.get(e.from)!);
  };
  const out = new Map<number, Point>();
  const into = new Map<number, Point>();
  const spread = (ids: number[], box: NodeBox, side: "out" | "in") => {
    const sorted = [...ids].sort((a, b) => (side === "out" ? nextY(a) - nextY(b) : prevY(a) - prevY(b)) || a - b);
    sorted.forEach((i, k) => {
      const y = box.y + (box.height * (k + 1)) / (sorted.length + 1);
      (side === "out" ? out : into).set(i, { x: side === "out" ? box.x + BOX_W : box.x, y });
    });
  };
  for (const box of byId.values()) {
    spread(edges.flatMap((e, i) => (e.from === box.id ? [i] : [])), box, "out");
    spread(edges.flatMap((e, i) => (e.to === box.id ? [i] : [])), box, "in");
  }
  return { out, in: into };
}

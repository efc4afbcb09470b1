import { plan } from "@shipshape/buildplan";
import { describe, expect, it } from "vitest";
import { BOX_H, BOX_W, type GraphLayout, type NodeBox, type Point, layoutPlan } from "../src/build-plan/graph-layout.js";

// Long edges (a -> c over b, tools -> final over b and c), an external image feeding the last stage, and
// skipped stages that build on each other.
const DOCKERFILE = [
  "FROM alpine:3.20 AS a",
  "RUN echo a > /a",
  "FROM a AS b",
  "RUN echo b > /b",
  "FROM b AS c",
  "COPY --from=a /a /from-a",
  "FROM golang:1.23 AS tools",
  "RUN go install example.com/tool@v1",
  "FROM alpine:3.20 AS unused1",
  "FROM unused1 AS unused2",
  "FROM c AS final",
  "COPY --from=tools /go/bin/tool /usr/bin/tool",
  "COPY --from=busybox:1.36 /bin/sh /bin/busybox-sh",
  "RUN --mount=type=bind,from=b,target=/b true",
].join("\n");

/** The point at t of the segment a -> b as drawn (a curve with horizontal ends, or a straight line). */
function along(a: Point, b: Point, t: number): Point {
  const mid = (a.x + b.x) / 2;
  const u = 1 - t;
  const x = u * u * u * a.x + 3 * u * u * t * mid + 3 * u * t * t * mid + t * t * t * b.x;
  const y = u * u * u * a.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t * t * t * b.y;
  return { x, y };
}

const inside = (p: Point, n: NodeBox) => p.x > n.x + 0.5 && p.x < n.x + BOX_W - 0.5 && p.y > n.y + 0.5 && p.y < n.y + n.height - 0.5;

function boxesCrossed(layout: GraphLayout): string[] {
  const crossed: string[] = [];
  for (const e of layout.edges) {
    for (let i = 1; i < e.points.length; i++) {
      for (let t = 0; t <= 1; t += 0.01) {
        const p = along(e.points[i - 1]!, e.points[i]!, t);
        for (const n of layout.nodes) if (inside(p, n)) crossed.push(`${e.from}->${e.to} crosses ${n.id}`);
      }
    }
  }
  return [...new Set(crossed)];
}

describe("stage graph layout", () => {
  const layout = layoutPlan(plan(DOCKERFILE));
  const node = (id: string) => layout.nodes.find((n) => n.id === id)!;

  it("routes no edge through a box", () => {
    expect(layout.edges.length).toBeGreaterThanOrEqual(8);
    expect(boxesCrossed(layout)).toEqual([]);
  });

  it("leaves each source from its right side and enters each target on its left side", () => {
    for (const e of layout.edges) {
      const [first, last] = [e.points[0]!, e.points.at(-1)!];
      const from = node(e.from);
      const to = node(e.to);
      expect(first.x).toBe(from.x + BOX_W);
      expect(first.y).toBeGreaterThan(from.y);
      expect(first.y).toBeLessThan(from.y + from.height);
      expect(last.x).toBe(to.x);
      expect(last.y).toBeGreaterThan(to.y);
      expect(last.y).toBeLessThan(to.y + to.height);
    }
  });

  it("runs every edge left to right, passing a layer it skips at one height", () => {
    for (const e of layout.edges) {
      for (let i = 1; i < e.points.length; i++) expect(e.points[i]!.x).toBeGreaterThan(e.points[i - 1]!.x);
      // Points 1..n-2 come in pairs: entering and leaving a layer, level.
      for (let i = 1; i < e.points.length - 1; i += 2) expect(e.points[i]!.y).toBe(e.points[i + 1]!.y);
    }
    const aToC = layout.edges.find((e) => e.from === "a" && e.to === "c")!;
    expect(aToC.points).toHaveLength(4); // over b's layer
  });

  it("puts built stages in the layer of their wave and other stages right of their sources", () => {
    const p = plan(DOCKERFILE);
    expect(p.order.length).toBeGreaterThan(2);
    p.order.forEach((wave, i) => {
      for (const id of wave) expect(node(id).layer - node(p.order[0]![0]!).layer).toBe(i);
    });
    expect(node("unused2").x).toBeGreaterThan(node("unused1").x);
    expect(node("unused1").kind).toBe("skipped");
    // An external sits just left of the first stage it feeds.
    expect(node("image:busybox:1.36").layer).toBe(node("final").layer - 1);
  });

  it("keeps boxes and lanes of one layer apart", () => {
    const byLayer = new Map<number, NodeBox[]>();
    for (const n of layout.nodes) byLayer.set(n.layer, [...(byLayer.get(n.layer) ?? []), n]);
    for (const boxes of byLayer.values()) {
      const sorted = [...boxes].sort((x, y) => x.y - y.y);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.y).toBeGreaterThanOrEqual(sorted[i - 1]!.y + sorted[i - 1]!.height);
    }
    for (const n of layout.nodes) {
      expect(n.height).toBeGreaterThanOrEqual(BOX_H);
      expect(n.x + BOX_W).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it("gives each edge meeting a box a port of its own, far enough apart for a label", () => {
    const final = node("final");
    const ins = layout.edges.filter((e) => e.to === "final").map((e) => e.points.at(-1)!.y).sort((x, y) => x - y);
    expect(ins.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < ins.length; i++) expect(ins[i]! - ins[i - 1]!).toBeGreaterThanOrEqual(15.9);
    expect(final.height).toBeGreaterThan(BOX_H);
  });
});

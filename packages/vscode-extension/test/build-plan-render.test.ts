import { plan } from "@shipshape/buildplan";
import { describe, expect, it } from "vitest";
import { layoutPlan } from "../src/build-plan/graph-layout.js";
import { renderGraphSvg, renderPlanHtml } from "../src/build-plan/render.js";

const DOCKERFILE = [
  "FROM golang:1.23 AS build",
  "RUN go build -o /out/app .",
  "FROM alpine:3.20 AS certs",
  "RUN apk add ca-certificates",
  "FROM alpine:3.20 AS unused",
  "RUN echo never",
  "FROM scratch",
  "COPY --from=certs /etc/ssl /etc/ssl",
  "COPY --from=build /out/app /app",
  'ENTRYPOINT ["/app"]',
].join("\n");

const json = () => plan(DOCKERFILE);

describe("build plan layout", () => {
  it("puts each wave in its own column, left to right in build order", () => {
    const p = json();
    const layout = layoutPlan(p);
    const x = (id: string) => layout.nodes.find((n) => n.id === id)!.x;
    expect(x("build")).toBe(x("certs"));
    expect(x("stage-3")).toBeGreaterThan(x("build"));
  });

  it("marks the target, built and skipped stages", () => {
    const kinds = Object.fromEntries(layoutPlan(json()).nodes.map((n) => [n.id, n.kind]));
    expect(kinds).toMatchObject({ build: "built", certs: "built", unused: "skipped", "stage-3": "target" });
  });

  it("draws the COPY --from edges and the external images", () => {
    const svg = renderGraphSvg(layoutPlan(json()));
    expect(svg.match(/class="edge edge-copy-from"/g)).toHaveLength(2);
    expect(svg).toContain("golang:1.23");
  });
});

describe("build plan page", () => {
  it("has no scripts and a CSP that forbids them", () => {
    const html = renderPlanHtml(json(), "Dockerfile");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
  });

  it("lists the effective state per step and escapes the text", () => {
    const html = renderPlanHtml(plan('FROM alpine\nWORKDIR /src\nENV A="<b>"\nRUN echo "$A"'), "x");
    expect(html).toContain("WORKDIR /src");
    expect(html).toContain("A=&lt;b&gt;");
    expect(html).not.toContain("<b>\"");
  });
});

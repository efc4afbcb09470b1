import { describe, expect, it } from "vitest";
import { planOf, stage, stepAt } from "./helpers.js";

describe("6.1 initial state", () => {
  it("scratch: PATH and / are known; an external image leaves env, workdir and user out", () => {
    const p = planOf(`
      FROM scratch AS s
      FROM alpine AS a
      RUN true
    `, { target: "s" });
    expect(stage(p, "s").finalState).toEqual({
      workdir: "/",
      shell: ["/bin/sh", "-c"],
      env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
      args: {},
    });
    expect(stage(p, "a").finalState).toEqual({ shell: ["/bin/sh", "-c"], env: {}, args: {} });
    expect(stage(p, "a").image.inheritsUnknownBase).toBe(true);
  });

  it("FROM <stage> copies its config but runs its ONBUILD triggers instead of inheriting them", () => {
    const p = planOf(`
      FROM alpine AS parent
      ENV A=1
      WORKDIR /app
      USER app
      ONBUILD RUN echo hi
      FROM parent AS child
      RUN true
      FROM child AS grandchild
    `);
    const child = stage(p, "child");
    expect(child.steps.map((s) => s.instruction)).toEqual(["FROM", "ONBUILD RUN", "RUN"]);
    expect(child.steps[1]!.line).toBe(5);
    expect(child.steps[1]!.text).toBe("ONBUILD RUN echo hi");
    expect(child.steps[1]!.expanded).toBe("ONBUILD RUN echo hi");
    expect(child.steps[1]!.layer).toBe(true);
    expect(child.finalState).toMatchObject({ env: { A: "1" }, workdir: "/app", user: "app" });
    expect(stage(p, "parent").image.onBuild).toEqual(["RUN echo hi"]);
    expect(child.image.onBuild).toEqual([]);
    expect(stage(p, "grandchild").steps.map((s) => s.instruction)).toEqual(["FROM"]);
  });
});

describe("Windows stages", () => {
  it("default to cmd /S /C and get no PATH", () => {
    const p = planOf(`
      FROM --platform=windows/amd64 scratch
      CMD dir
    `);
    expect(p.image).toMatchObject({ env: {}, cmd: ["cmd", "/S", "/C", "dir"] });
  });
});

describe("6.2 layers and metadata", () => {
  it("RUN, COPY, ADD and WORKDIR (not /) make layers; the rest is metadata", () => {
    const p = planOf(`
      FROM alpine
      RUN true
      COPY a /a
      ADD b /b
      WORKDIR /x
      WORKDIR /
      ENV A=1
      LABEL a=b
      EXPOSE 80
      USER u
      VOLUME /v
      STOPSIGNAL SIGINT
      SHELL ["/bin/bash", "-c"]
      CMD ["x"]
      ENTRYPOINT ["y"]
      HEALTHCHECK NONE
      MAINTAINER me
      ONBUILD RUN true
      ARG Z
    `);
    const layers = stage(p, "stage-0").steps.filter((s) => s.layer).map((s) => s.instruction);
    expect(layers).toEqual(["RUN", "COPY", "ADD", "WORKDIR"]);
    expect(stepAt(p, 6).layer).toBe(false);
    expect(stepAt(p, 1).layer).toBe(false);
    expect(stepAt(p, 1).vertex).toBe(true);
  });

  it("WORKDIR resolves relative paths against the previous one", () => {
    const p = planOf(`
      FROM alpine
      WORKDIR /a
      WORKDIR b/
      WORKDIR ../c
    `);
    expect(stepAt(p, 4).state.workdir).toBe("/a/c");
    expect(stepAt(p, 4).expanded).toBe("WORKDIR /a/c");
  });

  it("a relative first WORKDIR on an external image resolves against /", () => {
    expect(stepAt(planOf(`
      FROM ubuntu
      WORKDIR opt/app
    `), 2).state.workdir).toBe("/opt/app");
  });

  it("EXPOSE is normalised and sorted", () => {
    const p = planOf(`
      FROM alpine
      EXPOSE 2375 5000 1234/udp
      EXPOSE 8000-8002 53/UDP
    `);
    expect(stepAt(p, 2).history).toBe("EXPOSE [1234/udp 2375/tcp 5000/tcp]");
    expect(p.image!.exposedPorts).toEqual(["1234/udp", "2375/tcp", "5000/tcp", "53/udp", "8000/tcp", "8001/tcp", "8002/tcp"]);
  });

  it("a whole port range is exposed once per port, and ports or volumes given again are not repeated", () => {
    const p = planOf(`
      FROM alpine
      EXPOSE 1-65535 80/tcp 80
      EXPOSE 443 1000-1001/udp
      VOLUME /data /cache /data
      VOLUME ["/cache", "/logs"]
    `);
    const ports = p.image!.exposedPorts;
    expect(ports).toHaveLength(65535 + 2);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports.slice(-2)).toEqual(["1000/udp", "1001/udp"]);
    expect(p.image!.volumes).toEqual(["/data", "/cache", "/logs"]);
  });

  it("an invalid port is an error in a built stage and stays out of the config", () => {
    const p = planOf(`
      FROM alpine
      EXPOSE 80000 80/xyz 443
    `);
    expect(p.diagnostics.map((d) => [d.code, d.column])).toEqual([["InvalidPort", 8], ["InvalidPort", 14]]);
    expect(p.image!.exposedPorts).toEqual(["443/tcp"]);
  });

  it("HEALTHCHECK forms and options", () => {
    const shell = planOf(`
      FROM alpine
      HEALTHCHECK --interval=30s --timeout=3s --retries=2 CMD curl -f http://localhost/ || exit 1
    `);
    expect(shell.image!.healthcheck).toEqual({ test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval: "30s", timeout: "3s", retries: 2 });
    const exec = planOf(`
      FROM alpine
      HEALTHCHECK CMD ["curl", "-f", "x"]
    `);
    expect(exec.image!.healthcheck).toEqual({ test: ["CMD", "curl", "-f", "x"] });
    const none = planOf(`
      FROM alpine
      HEALTHCHECK NONE
    `);
    expect(none.image!.healthcheck).toEqual({ test: ["NONE"] });
  });

  it("SHELL changes how later shell forms are wrapped", () => {
    const p = planOf(`
      FROM alpine
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      CMD echo hi
    `);
    expect(p.image!.cmd).toEqual(["/bin/bash", "-o", "pipefail", "-c", "echo hi"]);
    expect(p.image!.shell).toEqual(["/bin/bash", "-o", "pipefail", "-c"]);
  });
});

describe("final image options", () => {
  it("--label entries are merged over the target's labels", () => {
    const p = planOf(`
      FROM alpine
      LABEL a=1 b=2
    `, { labels: { b: "x", c: "3" } });
    expect(p.image!.labels).toEqual({ a: "1", b: "x", c: "3" });
  });
});

describe("6.3 CMD and ENTRYPOINT", () => {
  it("E6.1 an ENTRYPOINT resets an inherited CMD", () => {
    const p = planOf(`
      FROM nginx
      ENTRYPOINT ["/start.sh"]
    `);
    expect(p.image).toMatchObject({ entrypoint: ["/start.sh"], cmd: null });
  });

  it("E6.1 a CMD set earlier in the same stage survives", () => {
    const p = planOf(`
      FROM alpine
      CMD ["--help"]
      ENTRYPOINT ["tool"]
    `);
    expect(p.image).toMatchObject({ entrypoint: ["tool"], cmd: ["--help"] });
  });

  it("a CMD inherited from a base stage is reset too", () => {
    const p = planOf(`
      FROM alpine AS base
      CMD ["serve"]
      FROM base
      ENTRYPOINT ["/bin/app"]
    `);
    expect(p.image).toMatchObject({ entrypoint: ["/bin/app"], cmd: null });
    expect(stage(p, "base").image.cmd).toEqual(["serve"]);
  });

  it("invalid JSON falls back to the shell form", () => {
    const p = planOf(`
      FROM alpine
      CMD ['a']
    `);
    expect(p.image!.cmd).toEqual(["/bin/sh", "-c", "['a']"]);
  });

  it("shell forms are wrapped, ENTRYPOINT [] clears, CMD [] is empty, the last one wins", () => {
    const p = planOf(`
      FROM alpine
      ENTRYPOINT e p
      CMD ["a"]
      CMD []
    `);
    expect(p.image).toMatchObject({ entrypoint: ["/bin/sh", "-c", "e p"], cmd: [] });
    const q = planOf(`
      FROM alpine
      ENTRYPOINT []
    `);
    expect(q.image!.entrypoint).toBeNull();
  });
});

describe("6.4 history text", () => {
  it("RUN lists the stage's ARGs, first position, latest value", () => {
    const p = planOf(`
      FROM busybox
      ARG foo=bar
      ARG bar=123
      ARG foo=bar2
      RUN ls /etc/
    `);
    expect(stepAt(p, 5).history).toBe("RUN |2 foo=bar2 bar=123 /bin/sh -c ls /etc/ # buildkit");
  });
});

describe("4.3 / 7.7 progress names", () => {
  it("the worked example's names", () => {
    const p = planOf(`
      # syntax=docker/dockerfile:1
      FROM node:22-alpine AS deps
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm ci
      FROM deps AS build
      COPY . .
      ARG VERSION=dev
      RUN npm run build
      FROM nginx:1.27-alpine AS final
      LABEL version=$VERSION
      COPY --from=build /app/dist /usr/share/nginx/html
      EXPOSE 80
    `);
    const names = p.stages.flatMap((s) => s.steps.map((x) => x.progress).filter(Boolean));
    expect(names).toEqual([
      "[deps 1/4] FROM docker.io/library/node:22-alpine",
      "[deps 2/4] WORKDIR /app",
      "[deps 3/4] COPY package.json package-lock.json ./",
      "[deps 4/4] RUN npm ci",
      "[build 1/2] COPY . .",
      "[build 2/2] RUN npm run build",
      "[final 1/2] FROM docker.io/library/nginx:1.27-alpine",
      "[final 2/2] COPY --from=build /app/dist /usr/share/nginx/html",
    ]);
    expect(p.image!.labels).toEqual({ version: "" });
  });

  it("the step number is padded to the width of the total", () => {
    const runs = Array.from({ length: 11 }, (_, i) => `RUN step${i + 2}`).join("\n");
    const p = planOf(`FROM alpine AS build\n${runs}\nFROM scratch\nCOPY --from=build / /\n`);
    expect(stepAt(p, 3).progress).toBe("[build  3/12] RUN step3");
    expect(stepAt(p, 12).progress).toBe("[build 12/12] RUN step12");
  });

  it("a heredoc RUN is named after its first line", () => {
    const p = planOf(`
      FROM alpine
      RUN <<EOF
      apk add curl
      EOF
    `);
    expect(stepAt(p, 2).progress).toBe("[2/2] RUN <<EOF (apk add curl...)");
  });

  it("ONBUILD triggers expand in the child with the child's scope", () => {
    const p = planOf(`
      FROM alpine AS base
      ONBUILD ARG FLAVOR=plain
      ONBUILD RUN echo $FLAVOR
      FROM base
      ARG FLAVOR=fancy
      RUN echo $FLAVOR
    `);
    expect(stage(p, "stage-1").steps.map((s) => s.expanded)).toEqual([
      "FROM base", "ONBUILD ARG FLAVOR=plain", "ONBUILD RUN echo plain", "ARG FLAVOR=fancy", "RUN echo fancy",
    ]);
  });

  it("a single-stage build has no prefix; a cache mount adds a pseudo state", () => {
    const plain = planOf(`
      FROM alpine
      RUN true
    `);
    expect(stepAt(plain, 2).progress).toBe("[2/2] RUN true");
    const mounted = planOf(`
      FROM alpine
      RUN --mount=type=cache,target=/c true
    `);
    expect(stepAt(mounted, 2).progress).toBe("[stage-0 2/2] RUN --mount=type=cache,target=/c true");
  });
});

describe("step states over a long stage", () => {
  // Step states are views of the stage's history of ENV and ARG changes (a copy per step held n² entries).
  const lines = ["FROM scratch AS base", "ARG A0=x"];
  for (let i = 1; i <= 300; i++) lines.push(i % 3 === 0 ? `ARG A${i % 50}=a${i}` : `ENV E${i % 100}=e${i}`);
  lines.push("FROM base", "ENV E1=child", "ARG A0", "RUN true");
  const p = planOf(lines.join("\n"));
  const steps = stage(p, "base").steps;

  it("gives each step exactly the changes before and at it, in order, however often it is read", () => {
    const env = new Map<string, string>([["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]]);
    const args = new Map<string, string>();
    lines.slice(0, 302).forEach((line, i) => {
      const m = /^(ENV|ARG) (\w+)=(\w+)$/.exec(line);
      if (m) (m[1] === "ENV" ? env : args).set(m[2]!, m[3]!);
      const state = steps[i]!.state;
      expect(state.env).toEqual(Object.fromEntries(env));
      expect(Object.keys(state.env)).toEqual([...env.keys()]); // a name set again keeps its first position
      expect(state.args).toEqual(Object.fromEntries(args));
      // A record read is the reader's own: changing it changes nothing else.
      state.env.EXTRA = "1";
      expect(state.env.EXTRA).toBeUndefined();
    });
    expect(JSON.parse(JSON.stringify(steps.at(-1)!.state))).toEqual({ workdir: "/", shell: ["/bin/sh", "-c"], env: Object.fromEntries(env), args: Object.fromEntries(args) });
    expect(Object.keys(JSON.parse(JSON.stringify(steps[5]!.state)))).toEqual(["workdir", "shell", "env", "args"]);
  });

  it("starts a stage built on another from that stage's final state", () => {
    const child = p.stages.at(-1)!;
    const run = child.steps.at(-1)!;
    expect(run.state.env.E1).toBe("child");
    expect(run.state.env.E2).toBe(steps.at(-1)!.state.env.E2);
    expect(run.argDetails.find((a) => a.name === "A0")).toEqual({ name: "A0", value: "a300", source: "default" }); // ARG A0 without a value keeps it
    expect(run.argDetails).toHaveLength(50);
    // ARG details are fresh copies on each read too.
    run.argDetails[0]!.value = "changed";
    expect(run.argDetails[0]!.value).not.toBe("changed");
  });
});

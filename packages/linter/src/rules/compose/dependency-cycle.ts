import { referencesOf, type Reference } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** The references that make one service start after another (compose-go adds implicit depends_on for these). */
const ORDERING = new Set(["depends_on", "links", "volumes_from", "network_mode", "ipc", "pid"]);

export default defineRule({
  code: "DC103",
  name: "dependency-cycle",
  kind: "compose",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags services that depend on each other in a circle, through \`depends_on\` and the references
    Compose turns into dependencies (\`links\`, \`volumes_from\`, \`network_mode\`/\`ipc\`/\`pid: service:X\`).

    ## Why is this bad?
    Compose cannot decide which service to start first and refuses the project
    (\`dependency cycle detected\`).

    ## Example
    \`\`\`yaml
    services:
      api:
        image: example/api:1.4
        depends_on: [worker]
      worker:
        image: example/worker:1.4
        depends_on: [api]
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      api:
        image: example/api:1.4
        depends_on: [worker]
      worker:
        image: example/worker:1.4
    \`\`\`

    ## Fix safety
    No fix: which dependency to drop is a choice.

    ## Differences from Compose
    Each cycle is reported once, at the reference leaving its alphabetically first service, with the
    whole path in the message (as Compose writes it: \`a -> b -> a\`).
  `,
  create: (ctx) => ({
    Project(project) {
      const edges = new Map<string, Reference[]>();
      for (const service of Object.values(project.services)) {
        const out = referencesOf(service).filter((r) => r.kind === "service" && ORDERING.has(r.via) && project.services[r.ref.value]);
        edges.set(service.name, out);
      }
      const reported = new Set<string>();
      // A cycle stays inside one strongly connected component: walking only there keeps the search linear
      // on graphs without cycles (all paths of a dependency DAG can be exponentially many).
      const component = components(edges);
      // A cycle is found from its smallest member: only walk paths through larger names.
      for (const start of [...edges.keys()].sort()) {
        if (!component.has(start)) continue;
        const path: Reference[] = [];
        const onPath = new Set<string>([start]);
        const visit = (name: string) => {
          for (const r of edges.get(name) ?? []) {
            const next = r.ref.value;
            if (next === start) {
              const cycle = [start, ...path.map((p) => p.ref.value), start];
              const key = cycle.slice(0, -1).join("\u0000");
              if (!reported.has(key)) {
                reported.add(key);
                const first = path[0] ?? r;
                ctx.report(first.ref, `Dependency cycle: ${cycle.join(" -> ")}`);
              }
              continue;
            }
            if (next < start || onPath.has(next) || component.get(next) !== component.get(start)) continue;
            onPath.add(next);
            path.push(r);
            visit(next);
            path.pop();
            onPath.delete(next);
          }
        };
        visit(start);
      }
    },
  }),
});

/**
 * The strongly connected components that can hold a cycle (two members or more, or a self reference), by
 * member name (Tarjan's algorithm, iterative so that long chains cannot overflow the stack).
 */
function components(edges: ReadonlyMap<string, readonly Reference[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out = new Map<string, number>();
  let counter = 0;
  let id = 0;
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: { name: string; next: number }[] = [{ name: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.name) ?? [];
      if (frame.next < targets.length) {
        const to = targets[frame.next++]!.ref.value;
        if (!edges.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ name: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.name, Math.min(low.get(frame.name)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) !== index.get(frame.name)) continue;
      const members: string[] = [];
      let m: string;
      do {
        m = stack.pop()!;
        onStack.delete(m);
        members.push(m);
      } while (m !== frame.name);
      const selfLoop = targets.some((r) => r.ref.value === frame.name);
      if (members.length > 1 || selfLoop) {
        for (const n of members) out.set(n, id);
        id++;
      }
    }
  }
  return out;
}

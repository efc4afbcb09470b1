import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/no-duplicate-exported-ports.js";
import { LintSession } from "../../../src/lint.js";
import { check } from "../../helpers/check.js";

describe("DC003 no-duplicate-exported-ports", () => {
  it("reports host ports published twice, aware of addresses, protocols and ranges", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - "8080:80"
            - "127.0.0.1:9000:9000"
            - "5000-5002:5000-5002"
        admin:
          image: example/admin:2.1
          ports:
            - "127.0.0.1:8080:3000"
      #                  ^^^^ warning[DC003]: Service 'admin' publishes host port 127.0.0.1:8080/tcp, which service 'web' already publishes (8080/tcp)
            - "8080:3000/udp"
            - "127.0.0.2:9000:9000"
            - "5001:80"
      #        ^^^^ warning[DC003]: Service 'admin' publishes host port 5001/tcp, which service 'web' already publishes (5000-5002/tcp)
            - "[::1]:9000:9000"
            - "6000-6010:80"
        other:
          image: example/other:1.0
          ports:
            - "6005-6006:80"
            - target: 80
              published: "9000"
      #                  ^^^^^^ warning[DC003]: Service 'other' publishes host port 9000/tcp, which service 'web' already publishes (127.0.0.1:9000/tcp)
    `));

  it("names the earliest binding a port clashes with, range or single port", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          ports: ["5000-5002:5000-5002", "7000:80"]
        api:
          image: example/api:1.0
          ports: ["5001:80", "7000-7001:7000-7001"]
      #            ^^^^ warning[DC003]: Service 'api' publishes host port 5001/tcp, which service 'web' already publishes (5000-5002/tcp)
      #                       ^^^^^^^^^ warning[DC003]: Service 'api' publishes host port 7000-7001/tcp, which service 'web' already publishes (7000/tcp)
        admin:
          image: example/admin:1.0
          ports: ["5001:80", "7001:80"]
      #            ^^^^ warning[DC003]: Service 'admin' publishes host port 5001/tcp, which service 'web' already publishes (5000-5002/tcp)
      #                       ^^^^ warning[DC003]: Service 'admin' publishes host port 7001/tcp, which service 'api' already publishes (7000-7001/tcp)
    `));

  it("reports a port published twice by one service", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - "8080:80"
            - "0.0.0.0:8080:81"
      #                ^^^^ warning[DC003]: Service 'web' publishes host port 0.0.0.0:8080/tcp, which this service already publishes (8080/tcp)
    `));

  it("checks across the files of a project with variables resolved", async () => {
    const files: Record<string, string> = {
      "/p/compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    ports: [\"${PORT:-8080}:80\"]\n",
      "/p/compose.override.yaml": "services:\n  api:\n    image: example/api:1.0\n    ports: [\"8080:3000\"]\n",
    };
    const session = new LintSession({ rules: [rule], noConfigSearch: true, readFile: (p) => files[p] });
    const out = await session.lintUnit(Object.entries(files).map(([path, text]) => ({ path, text })));
    expect(out.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      "/p/compose.override.yaml:4:14 Service 'api' publishes host port 8080/tcp, which service 'web' already publishes (8080/tcp)",
    ]);
  });
});

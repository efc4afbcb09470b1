import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/docker-socket-mount.js";
import { check } from "../../helpers/check.js";

const message = (service: string, path: string) =>
  `Service '${service}' mounts the container engine's socket ${path}: it can start privileged containers, so it controls the host (read-only or not); give it a socket proxy that allows only the calls it needs`;

describe("DC302 docker-socket-mount", () => {
  it("reports the Docker and Podman sockets, short and long syntax, read-only too", () =>
    check(rule, `
      services:
        proxy:
          image: traefik:v3.2
          volumes:
            - /var/run/docker.sock:/var/run/docker.sock:ro
      #       ^^^^^^^^^^^^^^^^^^^^ warning[DC302]: ${message("proxy", "/var/run/docker.sock")}
            - type: bind
              source: /run//docker.sock
      #               ^^^^^^^^^^^^^^^^^ warning[DC302]: ${message("proxy", "/run//docker.sock")}
              target: /sock
            - /run/user/1000/podman/podman.sock:/run/podman.sock
      #       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DC302]: ${message("proxy", "/run/user/1000/podman/podman.sock")}
    `));

  it("accepts other binds, named volumes and a socket inside a project folder", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          volumes:
            - /var/run/postgresql:/var/run/postgresql
            - ./run/docker.sock:/tmp/docker.sock
            - data:/var/run/docker.sock
      volumes:
        data:
    `));
});

import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** Host paths of container engine API sockets. */
const ENGINE_SOCKET = /^(?:\/var)?\/run\/(?:docker|podman\/podman|user\/\d+\/(?:docker|podman\/podman))\.sock$/;

export default defineRule({
  code: "DC302",
  name: "docker-socket-mount",
  kind: "compose",
  category: "security",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a service that mounts the Docker (or Podman) API socket from the host:
    \`/var/run/docker.sock\`, \`/run/docker.sock\`, a rootless user's socket, or Podman's.

    ## Why is this bad?
    Whoever can talk to that socket can start a privileged container that mounts the host's root
    file system: the service, and anyone who takes it over, controls the host. A read-only mount (\`:ro\`)
    does not change that: it only stops the socket file from being replaced, not the API calls.

    ## Example
    \`\`\`yaml
    services:
      proxy:
        image: traefik:v3.2
        volumes:
          - /var/run/docker.sock:/var/run/docker.sock:ro
    \`\`\`

    ## Use instead
    A socket proxy that lets through only the read-only calls the service makes:

    \`\`\`yaml
    services:
      socket-proxy:
        image: tecnativa/docker-socket-proxy:v0.3
        environment:
          CONTAINERS: 1
        volumes:
          - /var/run/docker.sock:/var/run/docker.sock:ro # shipshape ignore=DC302 -- the proxy filters the API
      proxy:
        image: traefik:v3.2
        command: --providers.docker.endpoint=tcp://socket-proxy:2375
    \`\`\`

    ## Notes
    Tools that manage containers need the socket (a CI runner, Portainer, Watchtower). Say so where
    they get it with \`# shipshape ignore=DC302 -- reason\`.

    ## Fix safety
    No fix.
  `,
  create: (ctx) => ({
    Project(project) {
      for (const service of Object.values(project.services)) {
        for (const volume of service.volumes) {
          const source = volume.source;
          if (!source || volume.type !== "bind") continue;
          const path = source.value.replace(/\/+/g, "/").replace(/\/$/, "");
          if (!ENGINE_SOCKET.test(path)) continue;
          ctx.report(source, `Service '${service.name}' mounts the container engine's socket ${source.value}: it can start privileged containers, so it controls the host (read-only or not); give it a socket proxy that allows only the calls it needs`);
        }
      }
    },
  }),
});

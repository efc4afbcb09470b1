# syntax=docker/dockerfile:1
# shipshape in a container: docker run --rm -v "$PWD:/work" shipshape lint .

FROM node:20.18.1-bookworm-slim AS build
WORKDIR /app
# The manifests first, so that the dependency layer stays cached while only sources change.
COPY package.json package-lock.json ./
COPY packages/text/package.json packages/text/
COPY packages/dockerfile/package.json packages/dockerfile/
COPY packages/shell/package.json packages/shell/
COPY packages/compose/package.json packages/compose/
COPY packages/semantic/package.json packages/semantic/
COPY packages/buildplan/package.json packages/buildplan/
COPY packages/linter/package.json packages/linter/
COPY packages/language-service/package.json packages/language-service/
COPY packages/language-server/package.json packages/language-server/
COPY packages/cli/package.json packages/cli/
COPY packages/vscode-extension/package.json packages/vscode-extension/
# --ignore-scripts: the root "prepare" would build before the sources are here, and no dependency needs
# a native build (the bash grammar is loaded as WebAssembly).
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY packages/ packages/
RUN npm run build

FROM node:20.18.1-bookworm-slim
ENV NODE_ENV=production
# The bundle (every @shipshape package and its dependencies in two CommonJS files with ES module faces, plus the two .wasm files
# it loads) and tinypool, the one dependency left outside it because it starts workers from its own files.
WORKDIR /app
COPY --from=build /app/packages/cli/package.json packages/cli/
COPY --from=build /app/packages/cli/bin/ packages/cli/bin/
COPY --from=build /app/packages/cli/dist/*.cjs /app/packages/cli/dist/*.mjs /app/packages/cli/dist/*.wasm packages/cli/dist/
COPY --from=build /app/node_modules/tinypool/ node_modules/tinypool/
WORKDIR /work
# The node user of the base image, by id.
USER 1000:1000
ENTRYPOINT ["node", "/app/packages/cli/bin/shipshape.js"]
CMD ["lint", "."]

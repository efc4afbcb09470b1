import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/install-ignores-lockfile.js";
import { check } from "../../helpers/check.js";

const NPM = "use npm ci, which installs exactly what the lockfile pins and fails when it does not match package.json";
const YARN = "add --frozen-lockfile (Yarn 1) or --immutable (Yarn 2 and later), so that it fails instead of changing the lockfile";
const PNPM = "add --frozen-lockfile, so that it fails instead of changing the lockfile";
const message = (what: string, lock: string, advice: string) => `${what} can install other versions than ${lock} pins, and rewrite it: ${advice}`;

describe("DF217 install-ignores-lockfile", () => {
  it("reports installs that do not hold to a lockfile the stage copied in", () =>
    check(rule, `
      FROM node:22-slim
      WORKDIR /app
      COPY package.json package-lock.json ./
      RUN npm install --omit=dev && npm i
      #       ^^^^^^^ warning[DF217]: ${message("npm install", "package-lock.json", NPM)}
      #                                 ^ warning[DF217]: ${message("npm i", "package-lock.json", NPM)}
      FROM node:22-slim
      COPY ["package.json", "./yarn.lock", "/app/"]
      RUN cd /app && yarn --production
      #              ^^^^ warning[DF217]: ${message("yarn", "yarn.lock", YARN)}
      RUN yarn install --network-timeout 100000
      #        ^^^^^^^ warning[DF217]: ${message("yarn install", "yarn.lock", YARN)}
      FROM node:22-slim
      RUN --mount=type=bind,source=pnpm-lock.yaml,target=pnpm-lock.yaml pnpm install
      #                                                                      ^^^^^^^ warning[DF217]: ${message("pnpm install", "pnpm-lock.yaml", PNPM)}
      FROM node:22-slim
      COPY npm-shrinkwrap.json package.json ./
      RUN npm install
      #       ^^^^^^^ warning[DF217]: ${message("npm install", "npm-shrinkwrap.json", NPM)}
    `));

  it("accepts ci, frozen installs, named packages, globs, other stages and lockfiles copied after", () =>
    check(rule, `
      FROM node:22-slim AS deps
      COPY package.json package-lock.json yarn.lock pnpm-lock.yaml ./
      RUN npm ci && yarn install --frozen-lockfile && yarn --immutable && pnpm install --frozen-lockfile
      RUN npm install left-pad@1.3.0 && npm install -g npm@10.9.0 && yarn add lodash@4.17.21 && yarn --version
      RUN yarn run build && npm run test
      FROM node:22-slim
      COPY package*.json ./
      RUN npm install
      COPY . .
      RUN npm install
      FROM node:22-slim
      RUN npm install
      COPY package-lock.json ./
      FROM node:22-slim
      COPY --from=deps /package-lock.json ./
      RUN --mount=type=bind,from=deps,source=/package-lock.json,target=package-lock.json npm install
    `));
});

import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/copy-all-before-install.js";
import { check } from "../../helpers/check.js";

describe("DF211 copy-all-before-install", () => {
  it("reports COPY . before a dependency install in the stage", () =>
    check(rule, `
      FROM node:22-alpine
      WORKDIR /app
      COPY . .
      #    ^ info[DF211]: COPY of the whole context comes before 'npm ci' (line 4): any source change re-runs the install; copy package.json and package-lock.json first, install, then copy the rest
      RUN npm ci && npm run build
      FROM python:3.12-slim
      COPY ./ /src/
      #    ^^ info[DF211]: COPY of the whole context comes before 'pip install' (line 7): any source change re-runs the install; copy the requirements file first, install, then copy the rest
      RUN pip install --no-cache-dir -r /src/requirements.txt
    `));

  it("accepts the manifest-first order, other stages and package installs", () =>
    check(rule, `
      FROM node:22-alpine AS deps
      COPY package.json package-lock.json ./
      RUN npm ci
      COPY . .
      RUN npm install -g pm2
      FROM golang:1.23
      COPY . .
      FROM golang:1.23 AS build
      COPY --from=deps . .
      RUN go mod download
    `));
});

import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/secret-in-environment.js";
import { check } from "../../helpers/check.js";

const named = (service: string, key: string) =>
  `Service '${service}' sets '${key}' to a value written in the Compose file; take it from the environment (\${${key}}) or a secret`;

describe("DC303 secret-in-environment", () => {
  it("reports credentials by name, in mappings and lists, numbers too", () =>
    check(rule, `
      services:
        db:
          image: postgres:17
          environment:
            POSTGRES_PASSWORD: hunter2
      #                        ^^^^^^^ warning[DC303]: ${named("db", "POSTGRES_PASSWORD")}
            MYSQL_ROOT_PASSWORD: 123456
      #                          ^^^^^^ warning[DC303]: ${named("db", "MYSQL_ROOT_PASSWORD")}
        api:
          image: example/api:1.0
          environment:
            - JWT_SECRET=change-me
      #                  ^^^^^^^^^ warning[DC303]: ${named("api", "JWT_SECRET")}
            - STRIPE_API_KEY=abc
      #                      ^^^ warning[DC303]: ${named("api", "STRIPE_API_KEY")}
    `));

  it("reports credentials by shape whatever the name", () =>
    check(rule, `
      services:
        app:
          image: example/app:1.0
          environment:
            DATABASE_URL: postgres://app:s3cret@db:5432/app
      #                                  ^^^^^^ warning[DC303]: Service 'app' sets 'DATABASE_URL' to a value holding a password in a URL, written in the Compose file; take it from the environment or a secret
    `));

  it("accepts variables, files, users, settings, empty values and lookalike names", () =>
    check(rule, `
      services:
        db:
          image: postgres:17
          environment:
            POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set it}
            POSTGRES_PASSWORD_FILE: /run/secrets/db
            POSTGRES_USER: app
            REDIS_PASSWORD: \${REDIS_PASSWORD:-}
            AUTH_TOKEN:
            SECRET_KEY_BASE: ""
            SERVER_TOKENS: "off"
            PASSWORD_MIN_LENGTH: 12
            PASSWORD_REQUIRED: "true"
            DATABASE_URL: postgres://app:\${DB_PASSWORD}@db/app
            PWD: /srv
            PASSPORT: x
        grafana:
          image: grafana/grafana:11.3.0
          environment:
            - GF_SECURITY_ADMIN_PASSWORD=\${ADMIN_PASSWORD:-admin}
            - "ADMIN_TOKEN=\${TOKEN}"
    `));
});

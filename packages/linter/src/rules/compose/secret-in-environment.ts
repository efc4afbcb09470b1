import { subRange } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { located } from "./support/targets.js";
import { findSecret } from "../dockerfile/secret-in-value.js";

/** A name that holds a credential: one of these as a whole `_`-separated word. */
const SECRET_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?)(?:_|$)/i;
/** ... unless the value names a file, a user or a setting about the credential. */
const NOT_A_SECRET_NAME = /(?:^|_)(?:FILE|PATH|DIR|USER|USERNAME|LENGTH|MIN|MAX|POLICY|EXPIRY|EXPIRES|TTL|URL|HOST|PORT|ENABLED?|REQUIRED|HASH|ALGORITHM|TYPE|MODE|HEADER|NAME)(?:_|$)/i;
/** Values that are settings, not credentials. */
const SETTING = /^(?:true|false|yes|no|on|off|none|null|0|1|\/.*)$/i;

export default defineRule({
  code: "DC303",
  name: "secret-in-environment",
  kind: "compose",
  category: "security",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a service \`environment\` entry that sets a credential to a value written in the Compose file:
    a variable named like a password, secret, token or key (\`POSTGRES_PASSWORD\`, \`API_KEY\`,
    \`JWT_SECRET\`) with a literal value, and any value holding a credential with a recognisable shape
    (a password in a URL, an AWS, GitHub, GitLab, Slack, Stripe, npm or Google key, a private key).

    ## Why is this bad?
    The Compose file is committed, copied and shared; a credential in it is in every clone and in the
    repository's history for good. It also shows in \`docker inspect\` and \`docker compose config\`
    output.

    ## Example
    \`\`\`yaml
    services:
      db:
        image: postgres:17
        environment:
          POSTGRES_PASSWORD: hunter2
    \`\`\`

    ## Use instead
    Take it from the environment or an ignored \`.env\` file:

    \`\`\`yaml
    services:
      db:
        image: postgres:17
        environment:
          POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set it in .env}
    \`\`\`

    Or hand it over as a secret, when the image reads \`*_FILE\` variables:

    \`\`\`yaml
    services:
      db:
        image: postgres:17
        environment:
          POSTGRES_PASSWORD_FILE: /run/secrets/db_password
        secrets:
          - db_password
    secrets:
      db_password:
        file: ./db_password.txt
    \`\`\`

    ## Notes
    A value that uses a variable (\`\${DB_PASSWORD}\`, also with a default) is not reported, nor are
    empty values, paths, and on/off settings. Names about a credential but not holding one
    (\`*_FILE\`, \`*_USER\`, \`*_LENGTH\`, \`*_URL\` without a password in it, ...) are not reported for
    their name.

    ## Fix safety
    No fix: where the value should come from is the project's choice.
  `,
  create: (ctx) => ({
    Project(project) {
      for (const service of Object.values(project.services)) {
        for (const entry of service.environment) {
          const scalar = entry.value;
          const raw: unknown = scalar?.value;
          if (!scalar || (typeof raw !== "string" && typeof raw !== "number") || raw === "") continue;
          const value = String(raw);
          // Written with a variable: the value comes from outside the file.
          // (A list item `KEY=${VAR}` keeps what was written on its node, as its value is a part of it.)
          if ((scalar.original ?? scalar.node?.original ?? value).includes("$")) continue;
          const found = findSecret(value);
          if (found) {
            ctx.report(located(subRange(scalar.node, found.start, found.end), scalar.file), `Service '${service.name}' sets '${entry.key}' to a value holding ${found.what}, written in the Compose file; take it from the environment or a secret`);
            continue;
          }
          if (SECRET_NAME.test(entry.key) && !NOT_A_SECRET_NAME.test(entry.key) && !SETTING.test(value)) {
            ctx.report(scalar, `Service '${service.name}' sets '${entry.key}' to a value written in the Compose file; take it from the environment (\${${entry.key}}) or a secret`);
          }
        }
      }
    },
  }),
});

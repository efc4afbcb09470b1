import type { Word } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** hadolint's name fragments (matched anywhere, case-insensitively). */
const FRAGMENTS = ["api_key", "client_key", "password", "private", "secret", "token", "username"];
/** Credential names that neither the fragments nor the words below catch. */
const KNOWN = new Set(["CI_DEPLOY_USER", "HEROKU_API_USER"]);
/** BuildKit's test: one of these as a whole `_`-separated word. */
const SECRET_WORD = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
/** BuildKit's exemption: a name about a public key, a file holding the secret, or a version. */
const EXEMPT_WORD = /(?:_|^)(?:public|file|version)(?:_|$)/i;

/** Answers by name: the same few names (PATH, HOME, VERSION...) come back in file after file. */
const verdicts = new Map<string, boolean>();

function looksSecret(name: string): boolean {
  let secret = verdicts.get(name);
  if (secret === undefined) {
    secret = judge(name);
    if (verdicts.size >= 4096) verdicts.clear();
    verdicts.set(name, secret);
  }
  return secret;
}

function judge(name: string): boolean {
  if (EXEMPT_WORD.test(name)) return false;
  const lower = name.toLowerCase();
  return KNOWN.has(name.toUpperCase()) || FRAGMENTS.some((f) => lower.includes(f)) || SECRET_WORD.test(name);
}

export default defineRule({
  code: "DL3064",
  name: "secret-in-arg-or-env",
  aliases: ["SecretsUsedInArgOrEnv"],
  kind: "dockerfile",
  category: "security",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`ARG\` and \`ENV\` names that look like they hold a secret: passwords, tokens, API keys,
    private keys, credentials.

    ## Why is this bad?
    \`ENV\` values are stored in the image configuration, readable by anyone who can pull the image.
    \`ARG\` values end up in the build history and in the cache metadata. Secrets belong in a secret
    mount (\`RUN --mount=type=secret,id=...\`), which is never written to the image.

    ## Example
    \`\`\`dockerfile
    FROM node:22-slim
    ARG NPM_TOKEN
    RUN npm ci
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-slim
    RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    Hadolint (DL3064) and BuildKit (\`SecretsUsedInArgOrEnv\`) flag the same problem with different name
    tests, so this one rule applies both: a name is reported when it contains one of hadolint's fragments
    (\`password\`, \`secret\`, \`token\`, \`private\`, \`api_key\`, \`client_key\`, \`username\`) or has one of
    BuildKit's words (\`key\`, \`auth\`, \`passwd\`, \`credentials\`, ...) between underscores. As BuildKit,
    names with a \`public\`, \`file\` or \`version\` word (\`SSH_PUBLIC_KEY\`, \`DB_PASSWORD_FILE\`,
    \`TOKEN_VERSION\`) are not reported. Of hadolint's list of known names, only actual credentials are
    kept (it also lists names such as \`TRAVIS_OS_NAME\` and \`FACEBOOK_APP_ID\`, which are not secret).
  `,
  create: (ctx) => {
    const check = (name: Word, keyword: string) => {
      if (name.value.includes("$") || !looksSecret(name.value)) return;
      ctx.report(name, `'${name.value}' looks like a secret: ${keyword} values stay in the image or its history; use a secret mount instead`);
    };
    return {
      Arg(node) {
        for (const d of node.declarations) check(d.name, "ARG");
      },
      Env(node) {
        for (const p of node.pairs) check(p.key, "ENV");
      },
    };
  },
});

/** Realistic instructions and the exact commands (argv, with source text where it differs) they contain. */
import type { ShellCommand, ShellWord } from "@shipshape/shell";

/** A word: its value, or [value, the Dockerfile text its range covers] when the two differ. */
export type ExpectedWord = string | [string, string];

function words(cmd: ShellCommand): ShellWord[] {
  return cmd.name ? [cmd.name, ...cmd.args] : cmd.args;
}

export function actual(source: string, cmds: ShellCommand[]): ExpectedWord[][] {
  return cmds.map((c) => words(c).map((w) => {
    const slice = source.slice(w.range.start, w.range.end);
    return slice === w.value ? w.value : [w.value, slice];
  }));
}

export const instructionCases: { name: string; source: string; commands: ExpectedWord[][] }[] = [
  {
    name: "apt-get chain with continuations",
    source: [
      "RUN apt-get update \\",
      "    && apt-get install -y --no-install-recommends \\",
      "       curl=7.88.1-10 \\",
      "       ca-certificates \\",
      "    && rm -rf /var/lib/apt/lists/*",
    ].join("\n"),
    commands: [
      ["apt-get", "update"],
      ["apt-get", "install", "-y", "--no-install-recommends", "curl=7.88.1-10", "ca-certificates"],
      ["rm", "-rf", "/var/lib/apt/lists/*"],
    ],
  },
  {
    name: "comment lines and blank lines inside a continued RUN",
    source: [
      "RUN apt-get update && \\",
      "    # the tools we need",
      "",
      "    apt-get install -y git && \\",
      "  # and clean up",
      "    rm -rf /var/lib/apt/lists/*",
    ].join("\n"),
    commands: [["apt-get", "update"], ["apt-get", "install", "-y", "git"], ["rm", "-rf", "/var/lib/apt/lists/*"]],
  },
  {
    name: "a word split by a continuation keeps its whole source span",
    source: "RUN echo foo\\\nbar \\\n  baz",
    commands: [["echo", ["foobar", "foo\\\nbar"], "baz"]],
  },
  {
    name: "pipes and `--`",
    source: "RUN curl -fsSL https://example.com/install.sh | bash -s -- --version 1.2",
    commands: [["curl", "-fsSL", "https://example.com/install.sh"], ["bash", "-s", "--", "--version", "1.2"]],
  },
  {
    name: "quotes and escapes",
    source: `RUN echo "a b" 'c d' e\\ f "x\\"y" $'t\\tu' "$HOME"/bin`,
    commands: [["echo", ["a b", '"a b"'], ["c d", "'c d'"], ["e f", "e\\ f"], ['x"y', '"x\\"y"'], ["t\tu", "$'t\\tu'"], ["$HOME/bin", '"$HOME"/bin']]],
  },
  {
    name: "subshell and command substitution",
    source: `RUN (cd /src && make install) && echo "$(git rev-parse HEAD)" > /rev`,
    commands: [["cd", "/src"], ["make", "install"], ["echo", ["$(git rev-parse HEAD)", '"$(git rev-parse HEAD)"']], ["git", "rev-parse", "HEAD"]],
  },
  {
    name: "if, for and while bodies",
    source: "RUN if [ -f /x ]; then sudo rm /x; fi; for p in a b; do pip install \"$p\"; done; while read -r l; do echo $l; done < /list",
    commands: [["sudo", "rm", "/x"], ["pip", "install", ["$p", '"$p"']], ["read", "-r", "l"], ["echo", "$l"]],
  },
  {
    name: "redirect before arguments and assignments before the command",
    source: "RUN DEBIAN_FRONTEND=noninteractive apt-get >/dev/null install -y tzdata 2>&1",
    commands: [["apt-get", "install", "-y", "tzdata"]],
  },
  {
    name: "non-ASCII text keeps UTF-16 ranges",
    source: 'RUN echo "héllo 😀" && touch /tmp/😀 && ls',
    commands: [["echo", ["héllo 😀", '"héllo 😀"']], ["touch", "/tmp/😀"], ["ls"]],
  },
  {
    name: "function definitions and export",
    source: "RUN f() { cd /app; make; }; export PATH=/opt/bin:$PATH NAME; f",
    commands: [["cd", "/app"], ["make"], ["export", "PATH=/opt/bin:$PATH", "NAME"], ["f"]],
  },
  {
    name: "heredoc as the whole script",
    source: "RUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n",
    commands: [["set", "-e"], ["apt-get", "update"], ["apt-get", "install", "-y", "curl"]],
  },
  {
    name: "heredoc as a file written by the line's commands",
    source: "RUN cat <<EOF > /etc/app.conf && chmod 600 /etc/app.conf\nkey=$(hostname)\nEOF\n",
    commands: [["cat"], ["chmod", "600", "/etc/app.conf"], ["hostname"]],
  },
  {
    name: "heredoc fed to bash on the line",
    source: "RUN <<EOF bash\nset -o pipefail\ncurl -s https://x | sh\nEOF\n",
    commands: [["bash"], ["set", "-o", "pipefail"], ["curl", "-s", "https://x"], ["sh"]],
  },
  {
    name: "CMD in shell form",
    source: "CMD exec gunicorn --bind 0.0.0.0:$PORT app:app",
    commands: [["exec", "gunicorn", "--bind", "0.0.0.0:$PORT", "app:app"]],
  },
  {
    name: "HEALTHCHECK CMD in shell form",
    source: "HEALTHCHECK CMD curl -f http://localhost/ || exit 1",
    commands: [["curl", "-f", "http://localhost/"], ["exit", "1"]],
  },
  {
    name: "sh -c script is parsed as nested commands",
    source: `RUN /bin/sh -c 'apt-get update && apt-get install -y make'`,
    commands: [["/bin/sh", "-c", ["apt-get update && apt-get install -y make", "'apt-get update && apt-get install -y make'"]], ["apt-get", "update"], ["apt-get", "install", "-y", "make"]],
  },
];


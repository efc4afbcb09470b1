/**
 * The typed syntax tree of a Dockerfile.
 *
 * Every node has a `range` of UTF-16 offsets into the original text (BOM included in the offsets).
 * Values are the *logical* text: continuation escapes, skipped comment lines and blank continuation
 * lines removed, exactly as BuildKit joins them. Where a value spans a continuation, its range covers
 * the whole source span; `Instruction.segments` maps logical offsets back to source offsets.
 */
import type { Range } from "@shipshape/text";

export interface Node {
  range: Range;
}

/** A piece of text with its source range. `value` is the logical text (quotes and escapes kept). */
export interface Word extends Node {
  value: string;
}

/** A variable reference such as `$a`, `${a}` or `${a:-b}`, located inside an argument BuildKit expands. */
export interface VariableRef extends Node {
  kind: "VariableRef";
  /** The variable's name. */
  name: string;
  /** Range of the name alone. */
  nameRange: Range;
  /** `${...}` rather than `$name`. */
  braced: boolean;
  /**
   * The modifier, one of BuildKit's lexer: `:-` `-` `:+` `+` `:?` `?` `#` `##` `%` `%%` `/` `//`
   * (pattern replacement); absent for a plain reference.
   */
  modifier?: string;
  /** The raw text after the modifier (the default, alternative, message or pattern), with its range. */
  word?: Word;
  /** For `/` and `//`: the replacement text. */
  replacement?: Word;
}

export type InstructionKeyword =
  | "ADD" | "ARG" | "CMD" | "COPY" | "ENTRYPOINT" | "ENV" | "EXPOSE" | "FROM" | "HEALTHCHECK" | "LABEL"
  | "MAINTAINER" | "ONBUILD" | "RUN" | "SHELL" | "STOPSIGNAL" | "USER" | "VOLUME" | "WORKDIR";

export interface Comment extends Node {
  kind: "Comment";
  /** The text after `#`, untrimmed. */
  text: string;
  /** True for a comment line inside a continued instruction (BuildKit skips it). */
  insideInstruction: boolean;
}

export interface Directive extends Node {
  kind: "Directive";
  /** Lower-cased key: `syntax`, `escape` or `check`. */
  name: string;
  /** The key as written, with its range. */
  key: Word;
  /** The trimmed value, with its range. */
  value: Word;
}

/** A `--name=value` (or `--name`) flag before an instruction's arguments. */
export interface Flag extends Node {
  kind: "Flag";
  /** Flag name without the leading `--`, with its range. */
  name: Word;
  /** The value after `=`, quotes removed and escapes applied as BuildKit does; absent for `--name`. */
  value?: Word;
  /** The flag word as BuildKit passes it on (e.g. `--mount=type=cache,target=/x`). */
  text: string;
}

/** One `key=value` field of `--mount`. */
export interface MountField extends Node {
  key: Word;
  value?: Word;
}

/** A parsed `RUN --mount=...`. */
export interface Mount extends Node {
  kind: "Mount";
  flag: Flag;
  /** `bind` (default), `cache`, `tmpfs`, `secret` or `ssh`, lower-cased. */
  type: string;
  fields: MountField[];
  /** Convenience look-up of the last value of each field, keys lower-cased (`target`, `from`, `id`, ...). */
  values: Record<string, string>;
}

export interface Heredoc extends Node {
  kind: "Heredoc";
  /** The delimiter name, quotes removed. */
  name: string;
  /** The marker as written, e.g. `<<-"EOF"`, with its range inside the instruction line. */
  marker: Word;
  /** Leading file descriptor digits (`3<<EOF`), 0 when absent. */
  fileDescriptor: number;
  /** `<<-`: leading tabs are removed at build time. */
  chomp: boolean;
  /** False when any part of the delimiter was quoted: the body is not expanded. */
  expand: boolean;
  /** The body exactly as in the file (line endings kept), without the terminator line. */
  content: string;
  /** Range of the body. */
  contentRange: Range;
  /** Range of the terminator line; absent when the heredoc is unterminated. */
  terminatorRange?: Range;
}

/** Maps a run of the logical line to the source: `length` code units at `logical` come from `source`. */
export interface Segment {
  logical: number;
  source: number;
  length: number;
}

/** JSON exec form: `["a", "b"]`. */
export interface JsonForm extends Node {
  kind: "JsonForm";
  /** Decoded strings with the range of each string literal (quotes included). */
  elements: Word[];
}

/** Shell form: the raw argument text handed to the shell. */
export interface ShellForm extends Node {
  kind: "ShellForm";
  /** Logical text (continuations joined). */
  value: string;
  /** Where `value` starts within the instruction's `original` (map through `segments` for source offsets). */
  logicalOffset: number;
}

export type CommandForm = JsonForm | ShellForm;

interface InstructionBase extends Node {
  /** Upper-cased keyword, e.g. `RUN`; for unknown instructions the upper-cased word as written. */
  keyword: string;
  /** The keyword as written, with its range. */
  keywordWord: Word;
  flags: Flag[];
  /** Everything after the keyword and flags, as a logical string, with its source range (empty range when none). */
  args: Word;
  /** The joined logical line (BuildKit's `Original`). */
  original: string;
  /** Logical -> source mapping for `original`. */
  segments: Segment[];
  /** 1-based first and last physical line (BuildKit's StartLine/EndLine). */
  startLine: number;
  endLine: number;
  /** Heredocs attached to RUN/COPY/ADD (and ONBUILD of those). */
  heredocs: Heredoc[];
  /** Variable references in the arguments that BuildKit expands for this instruction. */
  variables: VariableRef[];
  /** Comment lines directly above (BuildKit's PrevComment, `#` stripped and trimmed). */
  prevComments: string[];
  /** Blank or whitespace-only lines inside the continued instruction (BuildKit warns about them). */
  emptyContinuationLines: Range[];
  /** Set when inside ONBUILD. */
  parentOnbuild?: boolean;
}

export interface ImageReference extends Node {
  /** The whole reference as written (before variable expansion). */
  value: string;
  /** e.g. `docker.io`, `ghcr.io`, `localhost:5000`; absent when implicit. */
  registry?: Word;
  /** Repository path, e.g. `library/node` or `node`. */
  path: Word;
  tag?: Word;
  /** `sha256:...` after `@`. */
  digest?: Word;
}

export interface FromInstruction extends InstructionBase {
  kind: "From";
  platform?: Flag;
  image?: ImageReference;
  /** The `AS` keyword as written. */
  asKeyword?: Word;
  stageName?: Word;
  /** Words after the stage name or an unexpected token count. */
  extraArgs: Word[];
}

export interface RunInstruction extends InstructionBase {
  kind: "Run";
  command?: CommandForm;
  mounts: Mount[];
  network?: Flag;
  security?: Flag;
  devices: Flag[];
}

export interface CmdInstruction extends InstructionBase {
  kind: "Cmd";
  command?: CommandForm;
}

export interface EntrypointInstruction extends InstructionBase {
  kind: "Entrypoint";
  command?: CommandForm;
}

export interface ShellInstruction extends InstructionBase {
  kind: "Shell";
  command?: CommandForm;
}

interface CopyLike extends InstructionBase {
  /** Sources then destination, as BuildKit lists them (JSON or whitespace-split). */
  paths: Word[];
  sources: Word[];
  destination?: Word;
  json: boolean;
  chown?: Flag;
  chmod?: Flag;
  link?: Flag;
  exclude: Flag[];
}

export interface CopyInstruction extends CopyLike {
  kind: "Copy";
  from?: Flag;
  parents?: Flag;
}

export interface AddInstruction extends CopyLike {
  kind: "Add";
  checksum?: Flag;
  keepGitDir?: Flag;
  unpack?: Flag;
}

export interface KeyValuePair extends Node {
  key: Word;
  /** Raw value text (quotes kept); absent in an invalid pair. */
  value?: Word;
  /** `ENV k v` legacy form. */
  legacy: boolean;
}

export interface EnvInstruction extends InstructionBase {
  kind: "Env";
  pairs: KeyValuePair[];
}

export interface LabelInstruction extends InstructionBase {
  kind: "Label";
  pairs: KeyValuePair[];
}

export interface ArgDeclaration extends Node {
  name: Word;
  /** The default after `=`, raw (quotes kept). */
  defaultValue?: Word;
}

export interface ArgInstruction extends InstructionBase {
  kind: "Arg";
  args: Word;
  declarations: ArgDeclaration[];
}

export interface ExposeInstruction extends InstructionBase {
  kind: "Expose";
  ports: Word[];
}

export interface VolumeInstruction extends InstructionBase {
  kind: "Volume";
  paths: Word[];
  json: boolean;
}

export interface UserInstruction extends InstructionBase {
  kind: "User";
  /** The user part (before `:`). */
  user?: Word;
  group?: Word;
}

export interface WorkdirInstruction extends InstructionBase {
  kind: "Workdir";
  path?: Word;
}

export interface StopsignalInstruction extends InstructionBase {
  kind: "Stopsignal";
  signal?: Word;
}

export interface MaintainerInstruction extends InstructionBase {
  kind: "Maintainer";
  maintainer?: Word;
}

export interface HealthcheckInstruction extends InstructionBase {
  kind: "Healthcheck";
  /** `CMD`, `NONE` or whatever word came first, as written. */
  type?: Word;
  command?: CommandForm;
}

export interface OnbuildInstruction extends InstructionBase {
  kind: "Onbuild";
  trigger?: Instruction;
}

export interface UnknownInstruction extends InstructionBase {
  kind: "Unknown";
}

export type Instruction =
  | FromInstruction | RunInstruction | CmdInstruction | EntrypointInstruction | ShellInstruction
  | CopyInstruction | AddInstruction | EnvInstruction | LabelInstruction | ArgInstruction
  | ExposeInstruction | VolumeInstruction | UserInstruction | WorkdirInstruction | StopsignalInstruction
  | MaintainerInstruction | HealthcheckInstruction | OnbuildInstruction | UnknownInstruction;

export type InstructionKind = Instruction["kind"];

export interface Dockerfile extends Node {
  kind: "Dockerfile";
  /** Parser directives at the top of the file. */
  directives: Directive[];
  /** The escape character in force. */
  escape: "\\" | "`";
  /** True when the text starts with a UTF-8 BOM (U+FEFF). */
  bom: boolean;
  instructions: Instruction[];
  /** All comment lines (outside heredoc bodies), including those inside continued instructions. */
  comments: Comment[];
}

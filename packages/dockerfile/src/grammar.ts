/**
 * The instruction grammar (chevrotain, embedded actions).
 *
 * BuildKit tokenises each instruction's arguments differently (JSON for RUN, quote-aware words for ENV,
 * plain whitespace splits for COPY, ...), so tokens are produced by a contextual tokenizer
 * (`tokenizeInstruction`) that follows BuildKit exactly; this grammar then fixes the shape of every
 * instruction and builds its typed AST node in embedded actions. It is permissive: every keyword, known
 * or not, gets a node, and ONBUILD's trigger is parsed recursively as an instruction.
 */
import {
  createToken,
  EmbeddedActionsParser,
  Lexer,
  LLkLookaheadStrategy,
  type ILookaheadStrategy,
  type IOrAlt,
  type IToken,
  type TokenType,
} from "chevrotain";
import type { CommandForm, Instruction } from "./ast.js";
import type { AstBuilder, TokenLike } from "./ast-builder.js";
import type { LineNode, Piece } from "./buildkit.js";

const token = (name: string, categories?: TokenType[]) =>
  categories ? createToken({ name, pattern: Lexer.NA, categories }) : createToken({ name, pattern: Lexer.NA });

export const Keyword = token("Keyword");
const kw = (name: string) => token(name, [Keyword]);
export const FROM = kw("FROM");
export const RUN = kw("RUN");
export const CMD = kw("CMD");
export const ENTRYPOINT = kw("ENTRYPOINT");
export const SHELL = kw("SHELL");
export const COPY = kw("COPY");
export const ADD = kw("ADD");
export const ENV = kw("ENV");
export const LABEL = kw("LABEL");
export const ARG = kw("ARG");
export const EXPOSE = kw("EXPOSE");
export const VOLUME = kw("VOLUME");
export const USER = kw("USER");
export const WORKDIR = kw("WORKDIR");
export const STOPSIGNAL = kw("STOPSIGNAL");
export const MAINTAINER = kw("MAINTAINER");
export const HEALTHCHECK = kw("HEALTHCHECK");
export const ONBUILD = kw("ONBUILD");
export const UnknownKeyword = kw("UnknownKeyword");
export const Flag = token("Flag");
export const Word = token("Word");
export const As = token("AS");
export const JsonOpen = token("JsonOpen");
export const JsonString = token("JsonString");
export const JsonClose = token("JsonClose");
export const ShellText = token("ShellText");
export const NameValue = token("NameValue");
export const LegacyKey = token("LegacyKey");
export const LegacyValue = token("LegacyValue");

export const allTokens = [
  Keyword, FROM, RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, ENV, LABEL, ARG, EXPOSE, VOLUME, USER, WORKDIR,
  STOPSIGNAL, MAINTAINER, HEALTHCHECK, ONBUILD, UnknownKeyword, Flag, Word, As, JsonOpen, JsonString,
  JsonClose, ShellText, NameValue, LegacyKey, LegacyValue,
];

const KEYWORD_TOKENS = new Map<string, TokenType>(Object.entries({
  from: FROM, run: RUN, cmd: CMD, entrypoint: ENTRYPOINT, shell: SHELL, copy: COPY, add: ADD, env: ENV,
  label: LABEL, arg: ARG, expose: EXPOSE, volume: VOLUME, user: USER, workdir: WORKDIR, stopsignal: STOPSIGNAL,
  maintainer: MAINTAINER, healthcheck: HEALTHCHECK, onbuild: ONBUILD,
}));

type Tok = IToken & TokenLike;

/**
 * A token with only what the parser reads (type, image, offsets) and what the builder reads; one object
 * shape for all, so the parser's token accesses stay monomorphic.
 */
function tok(type: TokenType, p: Piece): Tok {
  return { image: p.value, startOffset: p.start, endOffset: p.end, tokenTypeIdx: type.tokenTypeIdx!, tokenType: type, payload: p, node: undefined, value: undefined };
}

/**
 * ONBUILD triggers nested deeper than this get no node (BuildKit refuses `ONBUILD ONBUILD` when building
 * anyway); the grammar recurses once per level.
 */
export const MAX_ONBUILD_NESTING = 32;

/** BuildKit's argument split of one instruction, as grammar tokens. */
export function tokenizeInstruction(node: LineNode): IToken[] {
  const out: Tok[] = [];
  addTokens(node, out, 0);
  return out;
}

function addTokens(node: LineNode, out: Tok[], depth: number): void {
  const k = add(out, KEYWORD_TOKENS.get(node.lower) ?? UnknownKeyword, node.keyword);
  k.node = node;
  for (const f of node.flags) add(out, Flag, f);
  const next = node.next;
  switch (node.lower) {
    case "run":
    case "cmd":
    case "entrypoint":
    case "shell":
      if (node.json) jsonTokens(node, next, 0, out);
      else if (next.length > 0) add(out, ShellText, next[0]);
      break;
    case "healthcheck":
      if (next.length > 0) {
        add(out, Word, next[0]);
        if (node.json) jsonTokens(node, next, 1, out);
        else if (next.length > 1) add(out, ShellText, next[1]);
      }
      break;
    case "add":
    case "copy":
    case "volume":
      if (node.json) jsonTokens(node, next, 0, out);
      else for (const w of next) add(out, Word, w);
      break;
    case "from":
      for (let i = 0; i < next.length; i++) {
        const w = next[i].value;
        add(out, i === 1 && w.length === 2 && w.toLowerCase() === "as" ? As : Word, next[i]);
      }
      break;
    case "env":
    case "label":
      if (node.legacyNameVal) {
        if (next.length > 0) {
          add(out, LegacyKey, next[0]);
          add(out, LegacyValue, next[1]);
        } else if (node.args.end > node.args.start) add(out, LegacyKey, { ...node.args });
      } else {
        // a pair's token carries its key as the payload and its value beside it
        for (let i = 0; i + 2 < next.length; i += 3) {
          const t = add(out, NameValue, next[i]);
          t.endOffset = next[i + 1].end;
          t.value = next[i + 1];
        }
      }
      break;
    case "arg":
    case "expose":
      for (const w of next) add(out, Word, w);
      break;
    case "user":
    case "workdir":
    case "stopsignal":
    case "maintainer":
      if (next.length > 0) add(out, Word, next[0]);
      break;
    case "onbuild":
      if (node.sub && depth < MAX_ONBUILD_NESTING) addTokens(node.sub, out, depth + 1);
      break;
  }
}

interface PathList {
  paths: TokenLike[];
  json: boolean;
}

interface NameValueForm {
  pairs: TokenLike[];
  legacy: { key: TokenLike; value?: TokenLike } | undefined;
}

/** The brackets and `elements[from..]` of a JSON form. */
function jsonTokens(node: LineNode, elements: Piece[], from: number, out: Tok[]): void {
  const r = node.jsonRange!;
  add(out, JsonOpen, { start: r.start, end: r.start + 1, value: "[" });
  for (let i = from; i < elements.length; i++) add(out, JsonString, elements[i]);
  add(out, JsonClose, { start: r.end - 1, end: r.end, value: "]" });
}

function add(out: Tok[], type: TokenType, p: Piece): Tok {
  const t = tok(type, p);
  out.push(t);
  return t;
}

/**
 * chevrotain's LL(k) lookahead with each production's function built when the parser first reaches
 * it, not all of them in `performSelfAnalysis`: a run meets a few kinds of instruction, and building
 * every function was most of the parser's construction, which every cold start pays. The functions
 * are the ones chevrotain would build (same grammar, same strategy), so parsing is unchanged.
 */
class LazyLookahead implements ILookaheadStrategy {
  private readonly llk = new LLkLookaheadStrategy();

  validate(options: Parameters<ILookaheadStrategy["validate"]>[0]) {
    return this.llk.validate(options);
  }

  buildLookaheadForAlternation(options: Parameters<ILookaheadStrategy["buildLookaheadForAlternation"]>[0]) {
    const llk = this.llk;
    let built: ReturnType<ILookaheadStrategy["buildLookaheadForAlternation"]> | undefined;
    // chevrotain calls lookahead functions with the parser as `this`
    return function (this: unknown, alts?: IOrAlt<unknown>[]) {
      return (built ??= llk.buildLookaheadForAlternation(options)).call(this, alts);
    };
  }

  buildLookaheadForOptional(options: Parameters<ILookaheadStrategy["buildLookaheadForOptional"]>[0]) {
    const llk = this.llk;
    let built: ReturnType<ILookaheadStrategy["buildLookaheadForOptional"]> | undefined;
    return function (this: unknown) {
      return (built ??= llk.buildLookaheadForOptional(options)).call(this);
    };
  }
}

/** The DSL methods chevrotain's grammar recorder replaces on a parser instance while it records. */
const RECORDED_METHODS: readonly string[] = [
  ...["CONSUME", "SUBRULE", "OPTION", "OR", "MANY", "MANY_SEP", "AT_LEAST_ONE", "AT_LEAST_ONE_SEP"].flatMap((name) =>
    ["", 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `${name}${i}`),
  ),
  ...["consume", "subrule", "option", "or", "many", "atLeastOne", "ACTION", "BACKTRACK", "LA"],
];

export class InstructionParser extends EmbeddedActionsParser {
  builder!: AstBuilder;

  constructor() {
    super(allTokens, { recoveryEnabled: false, skipValidations: true, lookaheadStrategy: new LazyLookahead() });
    this.performSelfAnalysis();
  }

  /**
   * Called by chevrotain's `performSelfAnalysis` when the grammar has been recorded. To record, chevrotain
   * puts recording versions of its DSL methods (CONSUME, OR, MANY, ..., 89 of them) on the instance; its
   * own `disableRecording` then deletes them so that calls reach the prototype's methods. By then the
   * instance is one V8 keeps as a prototype (chevrotain's `toFastProperties`), where each delete cost about
   * 30 µs: 3 ms of every cold start. Pointing the same properties at the prototype's methods gives the
   * parser the same behaviour in a tenth of the time. Only the recorder's names: other own functions
   * (chevrotain's no-op stand-ins for its CST hooks) shadow prototype methods on purpose.
   * `grammar.test.ts` holds chevrotain to this contract.
   */
  protected disableRecording(): void {
    const self = this as unknown as Record<string, unknown> & { RECORDING_PHASE: boolean };
    self.RECORDING_PHASE = false;
    const proto = Object.getPrototypeOf(this) as Record<string, unknown>;
    for (const name of RECORDED_METHODS) if (Object.hasOwn(self, name)) self[name] = proto[name];
  }

  public instruction = this.RULE("instruction", (): Instruction => {
    // the alternatives are built once (chevrotain's advice): a fresh array of 19 closures per call was a
    // quarter of what parsing allocated
    return this.OR(
      (this.instructionAlternatives ??= [
        { ALT: () => this.SUBRULE(this.fromInstruction) },
        { ALT: () => this.SUBRULE(this.runInstruction) },
        { ALT: () => this.SUBRULE(this.cmdInstruction) },
        { ALT: () => this.SUBRULE(this.entrypointInstruction) },
        { ALT: () => this.SUBRULE(this.shellInstruction) },
        { ALT: () => this.SUBRULE(this.copyInstruction) },
        { ALT: () => this.SUBRULE(this.addInstruction) },
        { ALT: () => this.SUBRULE(this.envInstruction) },
        { ALT: () => this.SUBRULE(this.labelInstruction) },
        { ALT: () => this.SUBRULE(this.argInstruction) },
        { ALT: () => this.SUBRULE(this.exposeInstruction) },
        { ALT: () => this.SUBRULE(this.volumeInstruction) },
        { ALT: () => this.SUBRULE(this.userInstruction) },
        { ALT: () => this.SUBRULE(this.workdirInstruction) },
        { ALT: () => this.SUBRULE(this.stopsignalInstruction) },
        { ALT: () => this.SUBRULE(this.maintainerInstruction) },
        { ALT: () => this.SUBRULE(this.healthcheckInstruction) },
        { ALT: () => this.SUBRULE(this.onbuildInstruction) },
        { ALT: () => this.SUBRULE(this.unknownInstruction) },
      ]),
    );
  });

  private instructionAlternatives: IOrAlt<Instruction>[] | undefined;

  /**
   * Parses the input as the instruction its first token names. The same as `instruction()`, which would
   * choose the same alternative by that token, but without the rule and the 19-way choice around it.
   */
  public instructionFor(lower: string): Instruction {
    switch (lower) {
      case "from": return this.fromInstruction();
      case "run": return this.runInstruction();
      case "cmd": return this.cmdInstruction();
      case "entrypoint": return this.entrypointInstruction();
      case "shell": return this.shellInstruction();
      case "copy": return this.copyInstruction();
      case "add": return this.addInstruction();
      case "env": return this.envInstruction();
      case "label": return this.labelInstruction();
      case "arg": return this.argInstruction();
      case "expose": return this.exposeInstruction();
      case "volume": return this.volumeInstruction();
      case "user": return this.userInstruction();
      case "workdir": return this.workdirInstruction();
      case "stopsignal": return this.stopsignalInstruction();
      case "maintainer": return this.maintainerInstruction();
      case "healthcheck": return this.healthcheckInstruction();
      case "onbuild": return this.onbuildInstruction();
      default: return this.unknownInstruction();
    }
  }

  private flags = this.RULE("flags", (): TokenLike[] => {
    const flags: TokenLike[] = [];
    this.MANY(() => {
      flags.push(this.CONSUME(Flag) as Tok);
    });
    return flags;
  });

  private words = this.RULE("words", (): TokenLike[] => {
    const words: TokenLike[] = [];
    this.MANY(() => {
      words.push(this.CONSUME(Word) as Tok);
    });
    return words;
  });

  private jsonArray = this.RULE("jsonArray", (): CommandForm => {
    const open = this.CONSUME(JsonOpen) as Tok;
    const strings: TokenLike[] = [];
    this.MANY(() => {
      strings.push(this.CONSUME(JsonString) as Tok);
    });
    const close = this.CONSUME(JsonClose) as Tok;
    return this.ACTION(() => this.builder.jsonForm(open, strings, close));
  });

  private jsonStrings = this.RULE("jsonStrings", (): TokenLike[] => {
    const strings: TokenLike[] = [];
    this.CONSUME(JsonOpen);
    this.MANY(() => {
      strings.push(this.CONSUME(JsonString) as Tok);
    });
    this.CONSUME(JsonClose);
    return strings;
  });

  private commandForm = this.RULE("commandForm", (): CommandForm => {
    return this.OR(
      (this.commandFormAlternatives ??= [
        { ALT: () => this.SUBRULE(this.jsonArray) },
        {
          ALT: () => {
            const t = this.CONSUME(ShellText) as Tok;
            return this.ACTION(() => this.builder.shellForm(t));
          },
        },
      ]),
    );
  });

  private commandFormAlternatives: IOrAlt<CommandForm>[] | undefined;

  private fromInstruction = this.RULE("fromInstruction", (): Instruction => {
    const k = this.CONSUME(FROM) as Tok;
    const flags = this.SUBRULE(this.flags);
    let image: Tok | undefined;
    let as: Tok | undefined;
    let stage: Tok | undefined;
    let extra: TokenLike[] = [];
    this.OPTION(() => {
      image = this.CONSUME(Word) as Tok;
      this.OPTION2(() => {
        as = this.CONSUME(As) as Tok;
        this.OPTION3(() => {
          stage = this.CONSUME2(Word) as Tok;
        });
      });
      extra = this.SUBRULE(this.words);
    });
    return this.ACTION(() => this.builder.from(k, flags, image, as, stage, extra));
  });

  private commandInstruction(name: string, type: TokenType, kind: "Run" | "Cmd" | "Entrypoint" | "Shell") {
    return this.RULE(name, (): Instruction => {
      const k = this.CONSUME(type) as Tok;
      const flags = this.SUBRULE(this.flags);
      const command = this.OPTION(() => this.SUBRULE(this.commandForm));
      return this.ACTION(() =>
        kind === "Run" ? this.builder.run(k, flags, command) : this.builder.command(kind, k, flags, command),
      );
    });
  }

  private runInstruction = this.commandInstruction("runInstruction", RUN, "Run");
  private cmdInstruction = this.commandInstruction("cmdInstruction", CMD, "Cmd");
  private entrypointInstruction = this.commandInstruction("entrypointInstruction", ENTRYPOINT, "Entrypoint");
  private shellInstruction = this.commandInstruction("shellInstruction", SHELL, "Shell");

  private pathList = this.RULE("pathList", (): PathList => {
    return this.OR(
      (this.pathListAlternatives ??= [
        { ALT: () => ({ paths: this.SUBRULE(this.jsonStrings), json: true }) },
        { ALT: () => ({ paths: this.SUBRULE(this.words), json: false }) },
      ]),
    );
  });

  private pathListAlternatives: IOrAlt<PathList>[] | undefined;

  private copyLike(name: string, type: TokenType, kind: "Copy" | "Add") {
    return this.RULE(name, (): Instruction => {
      const k = this.CONSUME(type) as Tok;
      const flags = this.SUBRULE(this.flags);
      const list = this.SUBRULE(this.pathList);
      return this.ACTION(() => this.builder.copy(kind, k, flags, list.paths, list.json));
    });
  }

  private copyInstruction = this.copyLike("copyInstruction", COPY, "Copy");
  private addInstruction = this.copyLike("addInstruction", ADD, "Add");

  private nameValueInstruction(name: string, type: TokenType, kind: "Env" | "Label") {
    let forms: IOrAlt<NameValueForm>[] | undefined;
    return this.RULE(name, (): Instruction => {
      const k = this.CONSUME(type) as Tok;
      const flags = this.SUBRULE(this.flags);
      const form = this.OR(
        (forms ??= [
          {
            ALT: (): NameValueForm => {
              const key = this.CONSUME(LegacyKey) as Tok;
              const value = this.OPTION(() => this.CONSUME(LegacyValue) as Tok);
              return { pairs: [], legacy: { key, value } };
            },
          },
          {
            ALT: (): NameValueForm => {
              const pairs: TokenLike[] = [];
              this.MANY(() => {
                pairs.push(this.CONSUME(NameValue) as Tok);
              });
              return { pairs, legacy: undefined };
            },
          },
        ]),
      );
      return this.ACTION(() => this.builder.nameValue(kind, k, flags, form.pairs, form.legacy));
    });
  }

  private envInstruction = this.nameValueInstruction("envInstruction", ENV, "Env");
  private labelInstruction = this.nameValueInstruction("labelInstruction", LABEL, "Label");

  private argInstruction = this.RULE("argInstruction", (): Instruction => {
    const k = this.CONSUME(ARG) as Tok;
    const flags = this.SUBRULE(this.flags);
    const words = this.SUBRULE(this.words);
    return this.ACTION(() => this.builder.arg(k, flags, words));
  });

  private exposeInstruction = this.RULE("exposeInstruction", (): Instruction => {
    const k = this.CONSUME(EXPOSE) as Tok;
    const flags = this.SUBRULE(this.flags);
    const words = this.SUBRULE(this.words);
    return this.ACTION(() => this.builder.expose(k, flags, words));
  });

  private volumeInstruction = this.RULE("volumeInstruction", (): Instruction => {
    const k = this.CONSUME(VOLUME) as Tok;
    const flags = this.SUBRULE(this.flags);
    const list = this.SUBRULE(this.pathList);
    return this.ACTION(() => this.builder.volume(k, flags, list.paths, list.json));
  });

  private singleArgument(name: string, type: TokenType, kind: "User" | "Workdir" | "Stopsignal" | "Maintainer") {
    return this.RULE(name, (): Instruction => {
      const k = this.CONSUME(type) as Tok;
      const flags = this.SUBRULE(this.flags);
      const arg = this.OPTION(() => this.CONSUME(Word) as Tok);
      return this.ACTION(() => this.builder.single(kind, k, flags, arg));
    });
  }

  private userInstruction = this.singleArgument("userInstruction", USER, "User");
  private workdirInstruction = this.singleArgument("workdirInstruction", WORKDIR, "Workdir");
  private stopsignalInstruction = this.singleArgument("stopsignalInstruction", STOPSIGNAL, "Stopsignal");
  private maintainerInstruction = this.singleArgument("maintainerInstruction", MAINTAINER, "Maintainer");

  private healthcheckInstruction = this.RULE("healthcheckInstruction", (): Instruction => {
    const k = this.CONSUME(HEALTHCHECK) as Tok;
    const flags = this.SUBRULE(this.flags);
    let type: Tok | undefined;
    let command: CommandForm | undefined;
    this.OPTION(() => {
      type = this.CONSUME(Word) as Tok;
      command = this.OPTION2(() => this.SUBRULE(this.commandForm));
    });
    return this.ACTION(() => this.builder.healthcheck(k, flags, type, command));
  });

  private onbuildInstruction = this.RULE("onbuildInstruction", (): Instruction => {
    const k = this.CONSUME(ONBUILD) as Tok;
    const flags = this.SUBRULE(this.flags);
    const trigger = this.OPTION(() => this.SUBRULE(this.instruction));
    return this.ACTION(() => this.builder.onbuild(k, flags, trigger));
  });

  private unknownInstruction = this.RULE("unknownInstruction", (): Instruction => {
    const k = this.CONSUME(UnknownKeyword) as Tok;
    const flags = this.SUBRULE(this.flags);
    return this.ACTION(() => this.builder.unknown(k, flags));
  });
}

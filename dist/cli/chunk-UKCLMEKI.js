#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  GATE
} from "./chunk-I3TSLQ6D.js";
import {
  matcherFromConfig
} from "./chunk-S7FAXUZJ.js";
import {
  AllowList
} from "./chunk-VRVVS76Z.js";
import {
  normalizeEntryPath
} from "./chunk-U2X3TP5Y.js";
import "./chunk-RNYELY7K.js";
import "./chunk-VGCDOCYO.js";
import "./chunk-KSLT2ZUQ.js";
import {
  glob,
  isDynamicPattern
} from "./chunk-QA4ZZ5QH.js";
import {
  require_yauzl
} from "./chunk-2ON3SUT4.js";
import {
  parse
} from "./chunk-CUPS4PF7.js";
import "./chunk-L2XOTWFN.js";
import {
  require_dist
} from "./chunk-CS4O337A.js";
import "./chunk-BS2BW2BR.js";
import {
  GateIncompleteError,
  allowEntryHoldsCredential,
  artifactChain,
  buildResult,
  errorMessage,
  findKeyedSecretsInText,
  findSecretForKey,
  fingerprintOf,
  redactCredentials,
  scanTextForSecrets,
  sha256File
} from "./chunk-7YKUIZ76.js";
import {
  __toESM
} from "./chunk-7YQRV5B3.js";

// src/gates/artifact-scan/gate.ts
import { existsSync as existsSync3 } from "node:fs";
import { mkdir, mkdtemp as mkdtemp2, realpath, rm as rm2, stat as stat2 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { isAbsolute as isAbsolute2, join as join5, relative as relative2, resolve } from "node:path";

// src/gates/artifact-scan/streams.ts
function toChunks(source2) {
  const it2 = source2[Symbol.asyncIterator]();
  let last = Promise.resolve();
  const pull = async () => {
    const r = await it2.next();
    if (r.done) return { done: true, value: void 0 };
    const v2 = r.value;
    return { done: false, value: Buffer.isBuffer(v2) ? v2 : Buffer.from(v2) };
  };
  return {
    next() {
      const p2 = last.then(pull);
      last = p2.catch(() => void 0);
      return p2;
    }
  };
}
async function readHead(chunks, bytes) {
  const parts = [];
  let length = 0;
  while (length < bytes) {
    const r = await chunks.next();
    if (r.done) break;
    parts.push(r.value);
    length += r.value.length;
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}
async function* withHead(head, chunks) {
  if (head.length > 0) yield head;
  for (; ; ) {
    const r = await chunks.next();
    if (r.done) return;
    yield r.value;
  }
}
async function drain(chunks) {
  for (; ; ) if ((await chunks.next()).done) return;
}
async function collectUpTo(head, chunks, limit) {
  const parts = head.length ? [head] : [];
  let length = head.length;
  while (length <= limit) {
    const r = await chunks.next();
    if (r.done) return { data: Buffer.concat(parts), parts };
    parts.push(r.value);
    length += r.value.length;
  }
  return { parts };
}
function counted(source2, counter) {
  return (async function* () {
    for await (const chunk of source2) {
      counter.bytes += chunk.length;
      yield chunk;
    }
  })();
}
function printable(name) {
  const escaped = JSON.stringify(name).slice(1, -1);
  return escaped.length > 300 ? `${escaped.slice(0, 300)}…` : escaped;
}

// src/gates/artifact-scan/findings.ts
var CREDENTIAL_IN_NAME = {
  id: "credential-in-name",
  tool: "any",
  class: "never",
  patterns: [],
  mayHoldSecrets: true,
  description: "A file name, link target or nested archive name that holds a credential ships that credential to everyone who lists the artifact.",
  canary: "",
  source: "agent-gates"
};
var RANK = { none: 0, shared: 1, review: 2, never: 3 };
function blocks(finding, failOn) {
  const cls = finding.properties?.blockClass ?? "none";
  return RANK[cls] > 0 && RANK[cls] >= RANK[failOn];
}
var FIX = {
  never: 'Keep it out of the artifact: for npm add a nested .npmignore or a "files" negation (e.g. "!dist/.claude"), or match it at any depth in .npmignore; for images add it to .dockerignore. Rotate any credential it held.',
  review: "Shipping it is allowed only without literal credentials: replace each value with a placeholder such as ${VAR}, ${input:token} or ${{ secrets.X }}, and rotate the exposed credential.",
  shared: "Nothing if shipping it is intended; otherwise exclude it from the artifact."
};
function stripFirst(path) {
  const slash = path.indexOf("/");
  return slash < 0 ? path : path.slice(slash + 1);
}
function hitToFinding(hit, ctx) {
  const chain = [...hit.chain];
  let path = hit.path;
  if (ctx?.stripTop) {
    if (chain.length >= 2) chain[1] = stripFirst(chain[1]);
    else path = stripFirst(path);
  }
  const repoPath = chain.length <= 1 ? ctx?.repoPath?.(path) : void 0;
  const artifact = artifactChain(chain);
  const location = { ...artifact ? { artifact } : {}, path, ...hit.credentials?.firstLine && chain.length <= 1 ? { line: hit.credentials.firstLine } : {} };
  const body = describeHit(hit, path);
  const fingerprintChain = [ctx?.identity ?? chain[0], ...chain.slice(1)].filter(Boolean).join("!");
  return {
    ruleId: body.ruleId,
    severity: body.severity,
    message: body.message,
    location,
    fingerprint: fingerprintOf("artifact-scan", body.ruleId, fingerprintChain, path),
    criteria: body.criteria,
    help: body.help,
    properties: { ...body.properties, ...repoPath ? { repoPath } : {} }
  };
}
function describeHit(hit, path) {
  const shown = printable(path || hit.chain.at(-1) || "");
  const { entry, pattern } = hit.match;
  const creds = hit.credentials;
  const base = { tool: entry.tool, class: entry.class, catalogId: entry.id, pattern };
  const who = `${entry.tool}, ${entry.class}`;
  if (creds && creds.count > 0) {
    const keys = creds.keys.length ? `; keys: ${creds.keys.slice(0, 5).map(printable).join(", ")}` : "";
    return {
      ruleId: `agent-secret/${entry.id}`,
      severity: "critical",
      message: `${shown} (${who}) holds ${creds.count} literal credential(s): ${creds.kinds.slice(0, 5).map(printable).join(", ")}${keys}`,
      criteria: ["CC6.1", "CC6.7"],
      help: { why: `Anyone who downloads the artifact can read and use these credentials. ${entry.description}`, fix: entry.class === "never" ? FIX.never : FIX.review },
      properties: { ...base, blockClass: "never", credentials: creds.count }
    };
  }
  if (hit.link?.outside)
    return {
      ruleId: `agent-link-outside/${entry.id}`,
      severity: "high",
      message: `${hit.link.type} ${shown} -> "${hit.link.target}" (${who}) points outside the artifact: once unpacked it holds whatever that path holds on the consumer's machine, so its content cannot be checked`,
      criteria: ["CC6.1", "CC6.7"],
      help: {
        why: `An agent file that may hold credentials, shipped as a link to a path the artifact does not contain, reads (or exposes through the tool) a file of the machine that installs it. ${entry.description}`,
        fix: "Ship the file itself (without literal credentials) instead of a link, or leave the link out of the artifact."
      },
      properties: { ...base, blockClass: "never", linkType: hit.link.type }
    };
  if (hit.link) {
    const what = hit.link.targetMatched ? `points at agent state (${who})` : `is agent state (${who})`;
    return {
      ruleId: `agent-state/${entry.id}`,
      severity: entry.class === "never" ? "high" : entry.class === "review" ? "medium" : "info",
      message: `${hit.link.type} ${shown} -> "${hit.link.target}" ${what}; reported, not followed`,
      criteria: ["CC6.7"],
      help: { why: `A link in a shipped artifact resolves on the machine that unpacks it. ${entry.description}`, fix: FIX[entry.class] },
      properties: { ...base, blockClass: entry.class, linkType: hit.link.type }
    };
  }
  if (hit.evidence)
    return {
      ruleId: `agent-state/${entry.id}`,
      severity: "medium",
      message: `${shown} looks like agent state the catalog does not name: ${printable(hit.evidence)}`,
      criteria: ["CC6.7"],
      help: { why: entry.description, fix: "Exclude it from the artifact, or add it to the catalog (catalog.add) or the allow list with the reason it ships." },
      properties: { ...base, blockClass: entry.class, evidence: hit.evidence }
    };
  const checked = creds ? "; no literal credentials found" : "";
  const severity = entry.class === "never" ? entry.mayHoldSecrets ? "critical" : "high" : "info";
  return {
    ruleId: `agent-state/${entry.id}`,
    severity,
    message: `${shown} ships ${entry.class === "never" ? "private agent state" : entry.class === "review" ? "agent config" : "agent instructions"} (${who})${checked}`,
    criteria: ["CC6.7"],
    help: { why: entry.description, fix: FIX[entry.class] },
    properties: { ...base, blockClass: entry.class, ...creds ? { credentials: 0, parsedAsText: creds.parsedAsText } : {} }
  };
}

// src/gates/artifact-scan/npm-pack.ts
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, delimiter, isAbsolute, join, relative } from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile);
function choosePacker(manager, env) {
  if (manager !== "pnpm") return { packer: "npm", ...manager === "yarn" ? { note: "a yarn repository, packed with npm pack (same file rules; yarn pack is not run)" } : {} };
  if (onPath("pnpm", env.PATH)) return { packer: "pnpm" };
  return { packer: "npm", note: "a pnpm repository, but pnpm is not on the PATH: packed with npm pack, which ignores pnpm publishConfig" };
}
function onPath(tool, path) {
  return (path ?? "").split(delimiter).some((d) => d && existsSync(join(d, tool)));
}
var quietNpm = (env) => ({ ...env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", npm_config_loglevel: "warn" });
async function runPacker(tool, args, cwd, env) {
  try {
    return (await run(tool, args, { cwd, env, maxBuffer: 256 * 1024 * 1024 })).stdout;
  } catch (error) {
    const stderr = String(error.stderr ?? "").trim().split("\n").slice(-3).join(" ");
    throw new GateIncompleteError("npm-pack-failed", `${tool} pack failed in ${cwd}: ${stderr || errorMessage(error)}`);
  }
}
async function packAll(dir, packages, destination, scripts, packer, env) {
  const out = [];
  if (packer === "pnpm") {
    for (const pkg of packages) {
      const args = ["pack", "--pack-destination", destination, "--json", ...scripts ? [] : ["--config.ignore-scripts=true"]];
      const [report] = parsePackJson(await runPacker("pnpm", args, join(dir, pkg.dir), { ...env, npm_config_update_notifier: "false" }));
      if (!report) throw new GateIncompleteError("npm-pack-output", `pnpm pack printed no package for ${pkg.name}`);
      const tarball = isAbsolute(report.filename) ? report.filename : join(destination, basename(report.filename));
      out.push({ pkg, tarball, filename: basename(tarball), listed: report.files?.length ?? 0 });
    }
    return out;
  }
  const batch = packages.filter((p2) => p2.dir === "" || p2.npmWorkspace);
  out.push(...await packPackages(dir, batch, destination, scripts, env));
  for (const pkg of packages.filter((p2) => !batch.includes(p2))) out.push(...(await packPackages(join(dir, pkg.dir), [{ ...pkg, dir: "" }], destination, scripts, env)).map((t) => ({ ...t, pkg })));
  return out;
}
async function packPackages(dir, packages, destination, scripts, env) {
  if (packages.length === 0) return [];
  const args = ["pack", "--json", "--pack-destination", destination];
  if (!scripts) args.push("--ignore-scripts");
  const workspaces = packages.filter((p2) => p2.dir !== "");
  for (const w2 of workspaces) args.push(`--workspace=${w2.dir}`);
  if (workspaces.length && packages.some((p2) => p2.dir === "")) args.push("--include-workspace-root");
  const reports = parsePackJson(await runPacker("npm", args, dir, quietNpm(env)));
  return reports.map((report, i) => {
    const pkg = packages.find((p2) => p2.name === report.name) ?? packages[i];
    if (!pkg) throw new GateIncompleteError("npm-pack-output", `npm pack reported an unexpected package "${report.name}"`);
    return { pkg, tarball: join(destination, report.filename), filename: report.filename, listed: report.files?.length ?? 0 };
  });
}
function parsePackJson(stdout) {
  const starts = [...stdout.matchAll(/(?:^|\n)\s*[[{]/g)].map((m2) => (m2.index ?? 0) + m2[0].search(/[[{]/));
  for (const start of starts) {
    try {
      const value = JSON.parse(stdout.slice(start));
      const list = Array.isArray(value) ? value : [value];
      if (list.every((r) => r && typeof r === "object" && typeof r.filename === "string")) return list;
    } catch {
    }
  }
  throw new GateIncompleteError("npm-pack-output", "npm pack --json printed no parsable package list");
}
function repoPathFor(workingDir, repoRoot, pkg, pathInPackage) {
  const abs = join(workingDir, pkg.dir, pathInPackage);
  return existsSync(abs) ? relative(repoRoot, abs).split("\\").join("/") : void 0;
}

// src/gates/artifact-scan/workspaces.ts
import { existsSync as existsSync2 } from "node:fs";
import { readFile } from "node:fs/promises";
import { join as join2 } from "node:path";

// node_modules/json5/dist/index.mjs
var Space_Separator = /[\u1680\u2000-\u200A\u202F\u205F\u3000]/;
var ID_Start = /[\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0370-\u0374\u0376\u0377\u037A-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u048A-\u052F\u0531-\u0556\u0559\u0561-\u0587\u05D0-\u05EA\u05F0-\u05F2\u0620-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06E5\u06E6\u06EE\u06EF\u06FA-\u06FC\u06FF\u0710\u0712-\u072F\u074D-\u07A5\u07B1\u07CA-\u07EA\u07F4\u07F5\u07FA\u0800-\u0815\u081A\u0824\u0828\u0840-\u0858\u0860-\u086A\u08A0-\u08B4\u08B6-\u08BD\u0904-\u0939\u093D\u0950\u0958-\u0961\u0971-\u0980\u0985-\u098C\u098F\u0990\u0993-\u09A8\u09AA-\u09B0\u09B2\u09B6-\u09B9\u09BD\u09CE\u09DC\u09DD\u09DF-\u09E1\u09F0\u09F1\u09FC\u0A05-\u0A0A\u0A0F\u0A10\u0A13-\u0A28\u0A2A-\u0A30\u0A32\u0A33\u0A35\u0A36\u0A38\u0A39\u0A59-\u0A5C\u0A5E\u0A72-\u0A74\u0A85-\u0A8D\u0A8F-\u0A91\u0A93-\u0AA8\u0AAA-\u0AB0\u0AB2\u0AB3\u0AB5-\u0AB9\u0ABD\u0AD0\u0AE0\u0AE1\u0AF9\u0B05-\u0B0C\u0B0F\u0B10\u0B13-\u0B28\u0B2A-\u0B30\u0B32\u0B33\u0B35-\u0B39\u0B3D\u0B5C\u0B5D\u0B5F-\u0B61\u0B71\u0B83\u0B85-\u0B8A\u0B8E-\u0B90\u0B92-\u0B95\u0B99\u0B9A\u0B9C\u0B9E\u0B9F\u0BA3\u0BA4\u0BA8-\u0BAA\u0BAE-\u0BB9\u0BD0\u0C05-\u0C0C\u0C0E-\u0C10\u0C12-\u0C28\u0C2A-\u0C39\u0C3D\u0C58-\u0C5A\u0C60\u0C61\u0C80\u0C85-\u0C8C\u0C8E-\u0C90\u0C92-\u0CA8\u0CAA-\u0CB3\u0CB5-\u0CB9\u0CBD\u0CDE\u0CE0\u0CE1\u0CF1\u0CF2\u0D05-\u0D0C\u0D0E-\u0D10\u0D12-\u0D3A\u0D3D\u0D4E\u0D54-\u0D56\u0D5F-\u0D61\u0D7A-\u0D7F\u0D85-\u0D96\u0D9A-\u0DB1\u0DB3-\u0DBB\u0DBD\u0DC0-\u0DC6\u0E01-\u0E30\u0E32\u0E33\u0E40-\u0E46\u0E81\u0E82\u0E84\u0E87\u0E88\u0E8A\u0E8D\u0E94-\u0E97\u0E99-\u0E9F\u0EA1-\u0EA3\u0EA5\u0EA7\u0EAA\u0EAB\u0EAD-\u0EB0\u0EB2\u0EB3\u0EBD\u0EC0-\u0EC4\u0EC6\u0EDC-\u0EDF\u0F00\u0F40-\u0F47\u0F49-\u0F6C\u0F88-\u0F8C\u1000-\u102A\u103F\u1050-\u1055\u105A-\u105D\u1061\u1065\u1066\u106E-\u1070\u1075-\u1081\u108E\u10A0-\u10C5\u10C7\u10CD\u10D0-\u10FA\u10FC-\u1248\u124A-\u124D\u1250-\u1256\u1258\u125A-\u125D\u1260-\u1288\u128A-\u128D\u1290-\u12B0\u12B2-\u12B5\u12B8-\u12BE\u12C0\u12C2-\u12C5\u12C8-\u12D6\u12D8-\u1310\u1312-\u1315\u1318-\u135A\u1380-\u138F\u13A0-\u13F5\u13F8-\u13FD\u1401-\u166C\u166F-\u167F\u1681-\u169A\u16A0-\u16EA\u16EE-\u16F8\u1700-\u170C\u170E-\u1711\u1720-\u1731\u1740-\u1751\u1760-\u176C\u176E-\u1770\u1780-\u17B3\u17D7\u17DC\u1820-\u1877\u1880-\u1884\u1887-\u18A8\u18AA\u18B0-\u18F5\u1900-\u191E\u1950-\u196D\u1970-\u1974\u1980-\u19AB\u19B0-\u19C9\u1A00-\u1A16\u1A20-\u1A54\u1AA7\u1B05-\u1B33\u1B45-\u1B4B\u1B83-\u1BA0\u1BAE\u1BAF\u1BBA-\u1BE5\u1C00-\u1C23\u1C4D-\u1C4F\u1C5A-\u1C7D\u1C80-\u1C88\u1CE9-\u1CEC\u1CEE-\u1CF1\u1CF5\u1CF6\u1D00-\u1DBF\u1E00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2071\u207F\u2090-\u209C\u2102\u2107\u210A-\u2113\u2115\u2119-\u211D\u2124\u2126\u2128\u212A-\u212D\u212F-\u2139\u213C-\u213F\u2145-\u2149\u214E\u2160-\u2188\u2C00-\u2C2E\u2C30-\u2C5E\u2C60-\u2CE4\u2CEB-\u2CEE\u2CF2\u2CF3\u2D00-\u2D25\u2D27\u2D2D\u2D30-\u2D67\u2D6F\u2D80-\u2D96\u2DA0-\u2DA6\u2DA8-\u2DAE\u2DB0-\u2DB6\u2DB8-\u2DBE\u2DC0-\u2DC6\u2DC8-\u2DCE\u2DD0-\u2DD6\u2DD8-\u2DDE\u2E2F\u3005-\u3007\u3021-\u3029\u3031-\u3035\u3038-\u303C\u3041-\u3096\u309D-\u309F\u30A1-\u30FA\u30FC-\u30FF\u3105-\u312E\u3131-\u318E\u31A0-\u31BA\u31F0-\u31FF\u3400-\u4DB5\u4E00-\u9FEA\uA000-\uA48C\uA4D0-\uA4FD\uA500-\uA60C\uA610-\uA61F\uA62A\uA62B\uA640-\uA66E\uA67F-\uA69D\uA6A0-\uA6EF\uA717-\uA71F\uA722-\uA788\uA78B-\uA7AE\uA7B0-\uA7B7\uA7F7-\uA801\uA803-\uA805\uA807-\uA80A\uA80C-\uA822\uA840-\uA873\uA882-\uA8B3\uA8F2-\uA8F7\uA8FB\uA8FD\uA90A-\uA925\uA930-\uA946\uA960-\uA97C\uA984-\uA9B2\uA9CF\uA9E0-\uA9E4\uA9E6-\uA9EF\uA9FA-\uA9FE\uAA00-\uAA28\uAA40-\uAA42\uAA44-\uAA4B\uAA60-\uAA76\uAA7A\uAA7E-\uAAAF\uAAB1\uAAB5\uAAB6\uAAB9-\uAABD\uAAC0\uAAC2\uAADB-\uAADD\uAAE0-\uAAEA\uAAF2-\uAAF4\uAB01-\uAB06\uAB09-\uAB0E\uAB11-\uAB16\uAB20-\uAB26\uAB28-\uAB2E\uAB30-\uAB5A\uAB5C-\uAB65\uAB70-\uABE2\uAC00-\uD7A3\uD7B0-\uD7C6\uD7CB-\uD7FB\uF900-\uFA6D\uFA70-\uFAD9\uFB00-\uFB06\uFB13-\uFB17\uFB1D\uFB1F-\uFB28\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40\uFB41\uFB43\uFB44\uFB46-\uFBB1\uFBD3-\uFD3D\uFD50-\uFD8F\uFD92-\uFDC7\uFDF0-\uFDFB\uFE70-\uFE74\uFE76-\uFEFC\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC]|\uD800[\uDC00-\uDC0B\uDC0D-\uDC26\uDC28-\uDC3A\uDC3C\uDC3D\uDC3F-\uDC4D\uDC50-\uDC5D\uDC80-\uDCFA\uDD40-\uDD74\uDE80-\uDE9C\uDEA0-\uDED0\uDF00-\uDF1F\uDF2D-\uDF4A\uDF50-\uDF75\uDF80-\uDF9D\uDFA0-\uDFC3\uDFC8-\uDFCF\uDFD1-\uDFD5]|\uD801[\uDC00-\uDC9D\uDCB0-\uDCD3\uDCD8-\uDCFB\uDD00-\uDD27\uDD30-\uDD63\uDE00-\uDF36\uDF40-\uDF55\uDF60-\uDF67]|\uD802[\uDC00-\uDC05\uDC08\uDC0A-\uDC35\uDC37\uDC38\uDC3C\uDC3F-\uDC55\uDC60-\uDC76\uDC80-\uDC9E\uDCE0-\uDCF2\uDCF4\uDCF5\uDD00-\uDD15\uDD20-\uDD39\uDD80-\uDDB7\uDDBE\uDDBF\uDE00\uDE10-\uDE13\uDE15-\uDE17\uDE19-\uDE33\uDE60-\uDE7C\uDE80-\uDE9C\uDEC0-\uDEC7\uDEC9-\uDEE4\uDF00-\uDF35\uDF40-\uDF55\uDF60-\uDF72\uDF80-\uDF91]|\uD803[\uDC00-\uDC48\uDC80-\uDCB2\uDCC0-\uDCF2]|\uD804[\uDC03-\uDC37\uDC83-\uDCAF\uDCD0-\uDCE8\uDD03-\uDD26\uDD50-\uDD72\uDD76\uDD83-\uDDB2\uDDC1-\uDDC4\uDDDA\uDDDC\uDE00-\uDE11\uDE13-\uDE2B\uDE80-\uDE86\uDE88\uDE8A-\uDE8D\uDE8F-\uDE9D\uDE9F-\uDEA8\uDEB0-\uDEDE\uDF05-\uDF0C\uDF0F\uDF10\uDF13-\uDF28\uDF2A-\uDF30\uDF32\uDF33\uDF35-\uDF39\uDF3D\uDF50\uDF5D-\uDF61]|\uD805[\uDC00-\uDC34\uDC47-\uDC4A\uDC80-\uDCAF\uDCC4\uDCC5\uDCC7\uDD80-\uDDAE\uDDD8-\uDDDB\uDE00-\uDE2F\uDE44\uDE80-\uDEAA\uDF00-\uDF19]|\uD806[\uDCA0-\uDCDF\uDCFF\uDE00\uDE0B-\uDE32\uDE3A\uDE50\uDE5C-\uDE83\uDE86-\uDE89\uDEC0-\uDEF8]|\uD807[\uDC00-\uDC08\uDC0A-\uDC2E\uDC40\uDC72-\uDC8F\uDD00-\uDD06\uDD08\uDD09\uDD0B-\uDD30\uDD46]|\uD808[\uDC00-\uDF99]|\uD809[\uDC00-\uDC6E\uDC80-\uDD43]|[\uD80C\uD81C-\uD820\uD840-\uD868\uD86A-\uD86C\uD86F-\uD872\uD874-\uD879][\uDC00-\uDFFF]|\uD80D[\uDC00-\uDC2E]|\uD811[\uDC00-\uDE46]|\uD81A[\uDC00-\uDE38\uDE40-\uDE5E\uDED0-\uDEED\uDF00-\uDF2F\uDF40-\uDF43\uDF63-\uDF77\uDF7D-\uDF8F]|\uD81B[\uDF00-\uDF44\uDF50\uDF93-\uDF9F\uDFE0\uDFE1]|\uD821[\uDC00-\uDFEC]|\uD822[\uDC00-\uDEF2]|\uD82C[\uDC00-\uDD1E\uDD70-\uDEFB]|\uD82F[\uDC00-\uDC6A\uDC70-\uDC7C\uDC80-\uDC88\uDC90-\uDC99]|\uD835[\uDC00-\uDC54\uDC56-\uDC9C\uDC9E\uDC9F\uDCA2\uDCA5\uDCA6\uDCA9-\uDCAC\uDCAE-\uDCB9\uDCBB\uDCBD-\uDCC3\uDCC5-\uDD05\uDD07-\uDD0A\uDD0D-\uDD14\uDD16-\uDD1C\uDD1E-\uDD39\uDD3B-\uDD3E\uDD40-\uDD44\uDD46\uDD4A-\uDD50\uDD52-\uDEA5\uDEA8-\uDEC0\uDEC2-\uDEDA\uDEDC-\uDEFA\uDEFC-\uDF14\uDF16-\uDF34\uDF36-\uDF4E\uDF50-\uDF6E\uDF70-\uDF88\uDF8A-\uDFA8\uDFAA-\uDFC2\uDFC4-\uDFCB]|\uD83A[\uDC00-\uDCC4\uDD00-\uDD43]|\uD83B[\uDE00-\uDE03\uDE05-\uDE1F\uDE21\uDE22\uDE24\uDE27\uDE29-\uDE32\uDE34-\uDE37\uDE39\uDE3B\uDE42\uDE47\uDE49\uDE4B\uDE4D-\uDE4F\uDE51\uDE52\uDE54\uDE57\uDE59\uDE5B\uDE5D\uDE5F\uDE61\uDE62\uDE64\uDE67-\uDE6A\uDE6C-\uDE72\uDE74-\uDE77\uDE79-\uDE7C\uDE7E\uDE80-\uDE89\uDE8B-\uDE9B\uDEA1-\uDEA3\uDEA5-\uDEA9\uDEAB-\uDEBB]|\uD869[\uDC00-\uDED6\uDF00-\uDFFF]|\uD86D[\uDC00-\uDF34\uDF40-\uDFFF]|\uD86E[\uDC00-\uDC1D\uDC20-\uDFFF]|\uD873[\uDC00-\uDEA1\uDEB0-\uDFFF]|\uD87A[\uDC00-\uDFE0]|\uD87E[\uDC00-\uDE1D]/;
var ID_Continue = /[\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02C1\u02C6-\u02D1\u02E0-\u02E4\u02EC\u02EE\u0300-\u0374\u0376\u0377\u037A-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481\u0483-\u0487\u048A-\u052F\u0531-\u0556\u0559\u0561-\u0587\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u05D0-\u05EA\u05F0-\u05F2\u0610-\u061A\u0620-\u0669\u066E-\u06D3\u06D5-\u06DC\u06DF-\u06E8\u06EA-\u06FC\u06FF\u0710-\u074A\u074D-\u07B1\u07C0-\u07F5\u07FA\u0800-\u082D\u0840-\u085B\u0860-\u086A\u08A0-\u08B4\u08B6-\u08BD\u08D4-\u08E1\u08E3-\u0963\u0966-\u096F\u0971-\u0983\u0985-\u098C\u098F\u0990\u0993-\u09A8\u09AA-\u09B0\u09B2\u09B6-\u09B9\u09BC-\u09C4\u09C7\u09C8\u09CB-\u09CE\u09D7\u09DC\u09DD\u09DF-\u09E3\u09E6-\u09F1\u09FC\u0A01-\u0A03\u0A05-\u0A0A\u0A0F\u0A10\u0A13-\u0A28\u0A2A-\u0A30\u0A32\u0A33\u0A35\u0A36\u0A38\u0A39\u0A3C\u0A3E-\u0A42\u0A47\u0A48\u0A4B-\u0A4D\u0A51\u0A59-\u0A5C\u0A5E\u0A66-\u0A75\u0A81-\u0A83\u0A85-\u0A8D\u0A8F-\u0A91\u0A93-\u0AA8\u0AAA-\u0AB0\u0AB2\u0AB3\u0AB5-\u0AB9\u0ABC-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AD0\u0AE0-\u0AE3\u0AE6-\u0AEF\u0AF9-\u0AFF\u0B01-\u0B03\u0B05-\u0B0C\u0B0F\u0B10\u0B13-\u0B28\u0B2A-\u0B30\u0B32\u0B33\u0B35-\u0B39\u0B3C-\u0B44\u0B47\u0B48\u0B4B-\u0B4D\u0B56\u0B57\u0B5C\u0B5D\u0B5F-\u0B63\u0B66-\u0B6F\u0B71\u0B82\u0B83\u0B85-\u0B8A\u0B8E-\u0B90\u0B92-\u0B95\u0B99\u0B9A\u0B9C\u0B9E\u0B9F\u0BA3\u0BA4\u0BA8-\u0BAA\u0BAE-\u0BB9\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD0\u0BD7\u0BE6-\u0BEF\u0C00-\u0C03\u0C05-\u0C0C\u0C0E-\u0C10\u0C12-\u0C28\u0C2A-\u0C39\u0C3D-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D\u0C55\u0C56\u0C58-\u0C5A\u0C60-\u0C63\u0C66-\u0C6F\u0C80-\u0C83\u0C85-\u0C8C\u0C8E-\u0C90\u0C92-\u0CA8\u0CAA-\u0CB3\u0CB5-\u0CB9\u0CBC-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD\u0CD5\u0CD6\u0CDE\u0CE0-\u0CE3\u0CE6-\u0CEF\u0CF1\u0CF2\u0D00-\u0D03\u0D05-\u0D0C\u0D0E-\u0D10\u0D12-\u0D44\u0D46-\u0D48\u0D4A-\u0D4E\u0D54-\u0D57\u0D5F-\u0D63\u0D66-\u0D6F\u0D7A-\u0D7F\u0D82\u0D83\u0D85-\u0D96\u0D9A-\u0DB1\u0DB3-\u0DBB\u0DBD\u0DC0-\u0DC6\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DE6-\u0DEF\u0DF2\u0DF3\u0E01-\u0E3A\u0E40-\u0E4E\u0E50-\u0E59\u0E81\u0E82\u0E84\u0E87\u0E88\u0E8A\u0E8D\u0E94-\u0E97\u0E99-\u0E9F\u0EA1-\u0EA3\u0EA5\u0EA7\u0EAA\u0EAB\u0EAD-\u0EB9\u0EBB-\u0EBD\u0EC0-\u0EC4\u0EC6\u0EC8-\u0ECD\u0ED0-\u0ED9\u0EDC-\u0EDF\u0F00\u0F18\u0F19\u0F20-\u0F29\u0F35\u0F37\u0F39\u0F3E-\u0F47\u0F49-\u0F6C\u0F71-\u0F84\u0F86-\u0F97\u0F99-\u0FBC\u0FC6\u1000-\u1049\u1050-\u109D\u10A0-\u10C5\u10C7\u10CD\u10D0-\u10FA\u10FC-\u1248\u124A-\u124D\u1250-\u1256\u1258\u125A-\u125D\u1260-\u1288\u128A-\u128D\u1290-\u12B0\u12B2-\u12B5\u12B8-\u12BE\u12C0\u12C2-\u12C5\u12C8-\u12D6\u12D8-\u1310\u1312-\u1315\u1318-\u135A\u135D-\u135F\u1380-\u138F\u13A0-\u13F5\u13F8-\u13FD\u1401-\u166C\u166F-\u167F\u1681-\u169A\u16A0-\u16EA\u16EE-\u16F8\u1700-\u170C\u170E-\u1714\u1720-\u1734\u1740-\u1753\u1760-\u176C\u176E-\u1770\u1772\u1773\u1780-\u17D3\u17D7\u17DC\u17DD\u17E0-\u17E9\u180B-\u180D\u1810-\u1819\u1820-\u1877\u1880-\u18AA\u18B0-\u18F5\u1900-\u191E\u1920-\u192B\u1930-\u193B\u1946-\u196D\u1970-\u1974\u1980-\u19AB\u19B0-\u19C9\u19D0-\u19D9\u1A00-\u1A1B\u1A20-\u1A5E\u1A60-\u1A7C\u1A7F-\u1A89\u1A90-\u1A99\u1AA7\u1AB0-\u1ABD\u1B00-\u1B4B\u1B50-\u1B59\u1B6B-\u1B73\u1B80-\u1BF3\u1C00-\u1C37\u1C40-\u1C49\u1C4D-\u1C7D\u1C80-\u1C88\u1CD0-\u1CD2\u1CD4-\u1CF9\u1D00-\u1DF9\u1DFB-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u203F\u2040\u2054\u2071\u207F\u2090-\u209C\u20D0-\u20DC\u20E1\u20E5-\u20F0\u2102\u2107\u210A-\u2113\u2115\u2119-\u211D\u2124\u2126\u2128\u212A-\u212D\u212F-\u2139\u213C-\u213F\u2145-\u2149\u214E\u2160-\u2188\u2C00-\u2C2E\u2C30-\u2C5E\u2C60-\u2CE4\u2CEB-\u2CF3\u2D00-\u2D25\u2D27\u2D2D\u2D30-\u2D67\u2D6F\u2D7F-\u2D96\u2DA0-\u2DA6\u2DA8-\u2DAE\u2DB0-\u2DB6\u2DB8-\u2DBE\u2DC0-\u2DC6\u2DC8-\u2DCE\u2DD0-\u2DD6\u2DD8-\u2DDE\u2DE0-\u2DFF\u2E2F\u3005-\u3007\u3021-\u302F\u3031-\u3035\u3038-\u303C\u3041-\u3096\u3099\u309A\u309D-\u309F\u30A1-\u30FA\u30FC-\u30FF\u3105-\u312E\u3131-\u318E\u31A0-\u31BA\u31F0-\u31FF\u3400-\u4DB5\u4E00-\u9FEA\uA000-\uA48C\uA4D0-\uA4FD\uA500-\uA60C\uA610-\uA62B\uA640-\uA66F\uA674-\uA67D\uA67F-\uA6F1\uA717-\uA71F\uA722-\uA788\uA78B-\uA7AE\uA7B0-\uA7B7\uA7F7-\uA827\uA840-\uA873\uA880-\uA8C5\uA8D0-\uA8D9\uA8E0-\uA8F7\uA8FB\uA8FD\uA900-\uA92D\uA930-\uA953\uA960-\uA97C\uA980-\uA9C0\uA9CF-\uA9D9\uA9E0-\uA9FE\uAA00-\uAA36\uAA40-\uAA4D\uAA50-\uAA59\uAA60-\uAA76\uAA7A-\uAAC2\uAADB-\uAADD\uAAE0-\uAAEF\uAAF2-\uAAF6\uAB01-\uAB06\uAB09-\uAB0E\uAB11-\uAB16\uAB20-\uAB26\uAB28-\uAB2E\uAB30-\uAB5A\uAB5C-\uAB65\uAB70-\uABEA\uABEC\uABED\uABF0-\uABF9\uAC00-\uD7A3\uD7B0-\uD7C6\uD7CB-\uD7FB\uF900-\uFA6D\uFA70-\uFAD9\uFB00-\uFB06\uFB13-\uFB17\uFB1D-\uFB28\uFB2A-\uFB36\uFB38-\uFB3C\uFB3E\uFB40\uFB41\uFB43\uFB44\uFB46-\uFBB1\uFBD3-\uFD3D\uFD50-\uFD8F\uFD92-\uFDC7\uFDF0-\uFDFB\uFE00-\uFE0F\uFE20-\uFE2F\uFE33\uFE34\uFE4D-\uFE4F\uFE70-\uFE74\uFE76-\uFEFC\uFF10-\uFF19\uFF21-\uFF3A\uFF3F\uFF41-\uFF5A\uFF66-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC]|\uD800[\uDC00-\uDC0B\uDC0D-\uDC26\uDC28-\uDC3A\uDC3C\uDC3D\uDC3F-\uDC4D\uDC50-\uDC5D\uDC80-\uDCFA\uDD40-\uDD74\uDDFD\uDE80-\uDE9C\uDEA0-\uDED0\uDEE0\uDF00-\uDF1F\uDF2D-\uDF4A\uDF50-\uDF7A\uDF80-\uDF9D\uDFA0-\uDFC3\uDFC8-\uDFCF\uDFD1-\uDFD5]|\uD801[\uDC00-\uDC9D\uDCA0-\uDCA9\uDCB0-\uDCD3\uDCD8-\uDCFB\uDD00-\uDD27\uDD30-\uDD63\uDE00-\uDF36\uDF40-\uDF55\uDF60-\uDF67]|\uD802[\uDC00-\uDC05\uDC08\uDC0A-\uDC35\uDC37\uDC38\uDC3C\uDC3F-\uDC55\uDC60-\uDC76\uDC80-\uDC9E\uDCE0-\uDCF2\uDCF4\uDCF5\uDD00-\uDD15\uDD20-\uDD39\uDD80-\uDDB7\uDDBE\uDDBF\uDE00-\uDE03\uDE05\uDE06\uDE0C-\uDE13\uDE15-\uDE17\uDE19-\uDE33\uDE38-\uDE3A\uDE3F\uDE60-\uDE7C\uDE80-\uDE9C\uDEC0-\uDEC7\uDEC9-\uDEE6\uDF00-\uDF35\uDF40-\uDF55\uDF60-\uDF72\uDF80-\uDF91]|\uD803[\uDC00-\uDC48\uDC80-\uDCB2\uDCC0-\uDCF2]|\uD804[\uDC00-\uDC46\uDC66-\uDC6F\uDC7F-\uDCBA\uDCD0-\uDCE8\uDCF0-\uDCF9\uDD00-\uDD34\uDD36-\uDD3F\uDD50-\uDD73\uDD76\uDD80-\uDDC4\uDDCA-\uDDCC\uDDD0-\uDDDA\uDDDC\uDE00-\uDE11\uDE13-\uDE37\uDE3E\uDE80-\uDE86\uDE88\uDE8A-\uDE8D\uDE8F-\uDE9D\uDE9F-\uDEA8\uDEB0-\uDEEA\uDEF0-\uDEF9\uDF00-\uDF03\uDF05-\uDF0C\uDF0F\uDF10\uDF13-\uDF28\uDF2A-\uDF30\uDF32\uDF33\uDF35-\uDF39\uDF3C-\uDF44\uDF47\uDF48\uDF4B-\uDF4D\uDF50\uDF57\uDF5D-\uDF63\uDF66-\uDF6C\uDF70-\uDF74]|\uD805[\uDC00-\uDC4A\uDC50-\uDC59\uDC80-\uDCC5\uDCC7\uDCD0-\uDCD9\uDD80-\uDDB5\uDDB8-\uDDC0\uDDD8-\uDDDD\uDE00-\uDE40\uDE44\uDE50-\uDE59\uDE80-\uDEB7\uDEC0-\uDEC9\uDF00-\uDF19\uDF1D-\uDF2B\uDF30-\uDF39]|\uD806[\uDCA0-\uDCE9\uDCFF\uDE00-\uDE3E\uDE47\uDE50-\uDE83\uDE86-\uDE99\uDEC0-\uDEF8]|\uD807[\uDC00-\uDC08\uDC0A-\uDC36\uDC38-\uDC40\uDC50-\uDC59\uDC72-\uDC8F\uDC92-\uDCA7\uDCA9-\uDCB6\uDD00-\uDD06\uDD08\uDD09\uDD0B-\uDD36\uDD3A\uDD3C\uDD3D\uDD3F-\uDD47\uDD50-\uDD59]|\uD808[\uDC00-\uDF99]|\uD809[\uDC00-\uDC6E\uDC80-\uDD43]|[\uD80C\uD81C-\uD820\uD840-\uD868\uD86A-\uD86C\uD86F-\uD872\uD874-\uD879][\uDC00-\uDFFF]|\uD80D[\uDC00-\uDC2E]|\uD811[\uDC00-\uDE46]|\uD81A[\uDC00-\uDE38\uDE40-\uDE5E\uDE60-\uDE69\uDED0-\uDEED\uDEF0-\uDEF4\uDF00-\uDF36\uDF40-\uDF43\uDF50-\uDF59\uDF63-\uDF77\uDF7D-\uDF8F]|\uD81B[\uDF00-\uDF44\uDF50-\uDF7E\uDF8F-\uDF9F\uDFE0\uDFE1]|\uD821[\uDC00-\uDFEC]|\uD822[\uDC00-\uDEF2]|\uD82C[\uDC00-\uDD1E\uDD70-\uDEFB]|\uD82F[\uDC00-\uDC6A\uDC70-\uDC7C\uDC80-\uDC88\uDC90-\uDC99\uDC9D\uDC9E]|\uD834[\uDD65-\uDD69\uDD6D-\uDD72\uDD7B-\uDD82\uDD85-\uDD8B\uDDAA-\uDDAD\uDE42-\uDE44]|\uD835[\uDC00-\uDC54\uDC56-\uDC9C\uDC9E\uDC9F\uDCA2\uDCA5\uDCA6\uDCA9-\uDCAC\uDCAE-\uDCB9\uDCBB\uDCBD-\uDCC3\uDCC5-\uDD05\uDD07-\uDD0A\uDD0D-\uDD14\uDD16-\uDD1C\uDD1E-\uDD39\uDD3B-\uDD3E\uDD40-\uDD44\uDD46\uDD4A-\uDD50\uDD52-\uDEA5\uDEA8-\uDEC0\uDEC2-\uDEDA\uDEDC-\uDEFA\uDEFC-\uDF14\uDF16-\uDF34\uDF36-\uDF4E\uDF50-\uDF6E\uDF70-\uDF88\uDF8A-\uDFA8\uDFAA-\uDFC2\uDFC4-\uDFCB\uDFCE-\uDFFF]|\uD836[\uDE00-\uDE36\uDE3B-\uDE6C\uDE75\uDE84\uDE9B-\uDE9F\uDEA1-\uDEAF]|\uD838[\uDC00-\uDC06\uDC08-\uDC18\uDC1B-\uDC21\uDC23\uDC24\uDC26-\uDC2A]|\uD83A[\uDC00-\uDCC4\uDCD0-\uDCD6\uDD00-\uDD4A\uDD50-\uDD59]|\uD83B[\uDE00-\uDE03\uDE05-\uDE1F\uDE21\uDE22\uDE24\uDE27\uDE29-\uDE32\uDE34-\uDE37\uDE39\uDE3B\uDE42\uDE47\uDE49\uDE4B\uDE4D-\uDE4F\uDE51\uDE52\uDE54\uDE57\uDE59\uDE5B\uDE5D\uDE5F\uDE61\uDE62\uDE64\uDE67-\uDE6A\uDE6C-\uDE72\uDE74-\uDE77\uDE79-\uDE7C\uDE7E\uDE80-\uDE89\uDE8B-\uDE9B\uDEA1-\uDEA3\uDEA5-\uDEA9\uDEAB-\uDEBB]|\uD869[\uDC00-\uDED6\uDF00-\uDFFF]|\uD86D[\uDC00-\uDF34\uDF40-\uDFFF]|\uD86E[\uDC00-\uDC1D\uDC20-\uDFFF]|\uD873[\uDC00-\uDEA1\uDEB0-\uDFFF]|\uD87A[\uDC00-\uDFE0]|\uD87E[\uDC00-\uDE1D]|\uDB40[\uDD00-\uDDEF]/;
var unicode = {
  Space_Separator,
  ID_Start,
  ID_Continue
};
var util = {
  isSpaceSeparator(c2) {
    return typeof c2 === "string" && unicode.Space_Separator.test(c2);
  },
  isIdStartChar(c2) {
    return typeof c2 === "string" && (c2 >= "a" && c2 <= "z" || c2 >= "A" && c2 <= "Z" || c2 === "$" || c2 === "_" || unicode.ID_Start.test(c2));
  },
  isIdContinueChar(c2) {
    return typeof c2 === "string" && (c2 >= "a" && c2 <= "z" || c2 >= "A" && c2 <= "Z" || c2 >= "0" && c2 <= "9" || c2 === "$" || c2 === "_" || c2 === "‌" || c2 === "‍" || unicode.ID_Continue.test(c2));
  },
  isDigit(c2) {
    return typeof c2 === "string" && /[0-9]/.test(c2);
  },
  isHexDigit(c2) {
    return typeof c2 === "string" && /[0-9A-Fa-f]/.test(c2);
  }
};
var source;
var parseState;
var stack;
var pos;
var line;
var column;
var token;
var key;
var root;
var parse2 = function parse3(text, reviver) {
  source = String(text);
  parseState = "start";
  stack = [];
  pos = 0;
  line = 1;
  column = 0;
  token = void 0;
  key = void 0;
  root = void 0;
  do {
    token = lex();
    parseStates[parseState]();
  } while (token.type !== "eof");
  if (typeof reviver === "function") {
    return internalize({ "": root }, "", reviver);
  }
  return root;
};
function internalize(holder, name, reviver) {
  const value = holder[name];
  if (value != null && typeof value === "object") {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const key2 = String(i);
        const replacement = internalize(value, key2, reviver);
        if (replacement === void 0) {
          delete value[key2];
        } else {
          Object.defineProperty(value, key2, {
            value: replacement,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
    } else {
      for (const key2 in value) {
        const replacement = internalize(value, key2, reviver);
        if (replacement === void 0) {
          delete value[key2];
        } else {
          Object.defineProperty(value, key2, {
            value: replacement,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
    }
  }
  return reviver.call(holder, name, value);
}
var lexState;
var buffer;
var doubleQuote;
var sign;
var c;
function lex() {
  lexState = "default";
  buffer = "";
  doubleQuote = false;
  sign = 1;
  for (; ; ) {
    c = peek();
    const token2 = lexStates[lexState]();
    if (token2) {
      return token2;
    }
  }
}
function peek() {
  if (source[pos]) {
    return String.fromCodePoint(source.codePointAt(pos));
  }
}
function read() {
  const c2 = peek();
  if (c2 === "\n") {
    line++;
    column = 0;
  } else if (c2) {
    column += c2.length;
  } else {
    column++;
  }
  if (c2) {
    pos += c2.length;
  }
  return c2;
}
var lexStates = {
  default() {
    switch (c) {
      case "	":
      case "\v":
      case "\f":
      case " ":
      case " ":
      case "\uFEFF":
      case "\n":
      case "\r":
      case "\u2028":
      case "\u2029":
        read();
        return;
      case "/":
        read();
        lexState = "comment";
        return;
      case void 0:
        read();
        return newToken("eof");
    }
    if (util.isSpaceSeparator(c)) {
      read();
      return;
    }
    return lexStates[parseState]();
  },
  comment() {
    switch (c) {
      case "*":
        read();
        lexState = "multiLineComment";
        return;
      case "/":
        read();
        lexState = "singleLineComment";
        return;
    }
    throw invalidChar(read());
  },
  multiLineComment() {
    switch (c) {
      case "*":
        read();
        lexState = "multiLineCommentAsterisk";
        return;
      case void 0:
        throw invalidChar(read());
    }
    read();
  },
  multiLineCommentAsterisk() {
    switch (c) {
      case "*":
        read();
        return;
      case "/":
        read();
        lexState = "default";
        return;
      case void 0:
        throw invalidChar(read());
    }
    read();
    lexState = "multiLineComment";
  },
  singleLineComment() {
    switch (c) {
      case "\n":
      case "\r":
      case "\u2028":
      case "\u2029":
        read();
        lexState = "default";
        return;
      case void 0:
        read();
        return newToken("eof");
    }
    read();
  },
  value() {
    switch (c) {
      case "{":
      case "[":
        return newToken("punctuator", read());
      case "n":
        read();
        literal("ull");
        return newToken("null", null);
      case "t":
        read();
        literal("rue");
        return newToken("boolean", true);
      case "f":
        read();
        literal("alse");
        return newToken("boolean", false);
      case "-":
      case "+":
        if (read() === "-") {
          sign = -1;
        }
        lexState = "sign";
        return;
      case ".":
        buffer = read();
        lexState = "decimalPointLeading";
        return;
      case "0":
        buffer = read();
        lexState = "zero";
        return;
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        buffer = read();
        lexState = "decimalInteger";
        return;
      case "I":
        read();
        literal("nfinity");
        return newToken("numeric", Infinity);
      case "N":
        read();
        literal("aN");
        return newToken("numeric", NaN);
      case '"':
      case "'":
        doubleQuote = read() === '"';
        buffer = "";
        lexState = "string";
        return;
    }
    throw invalidChar(read());
  },
  identifierNameStartEscape() {
    if (c !== "u") {
      throw invalidChar(read());
    }
    read();
    const u2 = unicodeEscape();
    switch (u2) {
      case "$":
      case "_":
        break;
      default:
        if (!util.isIdStartChar(u2)) {
          throw invalidIdentifier();
        }
        break;
    }
    buffer += u2;
    lexState = "identifierName";
  },
  identifierName() {
    switch (c) {
      case "$":
      case "_":
      case "‌":
      case "‍":
        buffer += read();
        return;
      case "\\":
        read();
        lexState = "identifierNameEscape";
        return;
    }
    if (util.isIdContinueChar(c)) {
      buffer += read();
      return;
    }
    return newToken("identifier", buffer);
  },
  identifierNameEscape() {
    if (c !== "u") {
      throw invalidChar(read());
    }
    read();
    const u2 = unicodeEscape();
    switch (u2) {
      case "$":
      case "_":
      case "‌":
      case "‍":
        break;
      default:
        if (!util.isIdContinueChar(u2)) {
          throw invalidIdentifier();
        }
        break;
    }
    buffer += u2;
    lexState = "identifierName";
  },
  sign() {
    switch (c) {
      case ".":
        buffer = read();
        lexState = "decimalPointLeading";
        return;
      case "0":
        buffer = read();
        lexState = "zero";
        return;
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        buffer = read();
        lexState = "decimalInteger";
        return;
      case "I":
        read();
        literal("nfinity");
        return newToken("numeric", sign * Infinity);
      case "N":
        read();
        literal("aN");
        return newToken("numeric", NaN);
    }
    throw invalidChar(read());
  },
  zero() {
    switch (c) {
      case ".":
        buffer += read();
        lexState = "decimalPoint";
        return;
      case "e":
      case "E":
        buffer += read();
        lexState = "decimalExponent";
        return;
      case "x":
      case "X":
        buffer += read();
        lexState = "hexadecimal";
        return;
    }
    return newToken("numeric", sign * 0);
  },
  decimalInteger() {
    switch (c) {
      case ".":
        buffer += read();
        lexState = "decimalPoint";
        return;
      case "e":
      case "E":
        buffer += read();
        lexState = "decimalExponent";
        return;
    }
    if (util.isDigit(c)) {
      buffer += read();
      return;
    }
    return newToken("numeric", sign * Number(buffer));
  },
  decimalPointLeading() {
    if (util.isDigit(c)) {
      buffer += read();
      lexState = "decimalFraction";
      return;
    }
    throw invalidChar(read());
  },
  decimalPoint() {
    switch (c) {
      case "e":
      case "E":
        buffer += read();
        lexState = "decimalExponent";
        return;
    }
    if (util.isDigit(c)) {
      buffer += read();
      lexState = "decimalFraction";
      return;
    }
    return newToken("numeric", sign * Number(buffer));
  },
  decimalFraction() {
    switch (c) {
      case "e":
      case "E":
        buffer += read();
        lexState = "decimalExponent";
        return;
    }
    if (util.isDigit(c)) {
      buffer += read();
      return;
    }
    return newToken("numeric", sign * Number(buffer));
  },
  decimalExponent() {
    switch (c) {
      case "+":
      case "-":
        buffer += read();
        lexState = "decimalExponentSign";
        return;
    }
    if (util.isDigit(c)) {
      buffer += read();
      lexState = "decimalExponentInteger";
      return;
    }
    throw invalidChar(read());
  },
  decimalExponentSign() {
    if (util.isDigit(c)) {
      buffer += read();
      lexState = "decimalExponentInteger";
      return;
    }
    throw invalidChar(read());
  },
  decimalExponentInteger() {
    if (util.isDigit(c)) {
      buffer += read();
      return;
    }
    return newToken("numeric", sign * Number(buffer));
  },
  hexadecimal() {
    if (util.isHexDigit(c)) {
      buffer += read();
      lexState = "hexadecimalInteger";
      return;
    }
    throw invalidChar(read());
  },
  hexadecimalInteger() {
    if (util.isHexDigit(c)) {
      buffer += read();
      return;
    }
    return newToken("numeric", sign * Number(buffer));
  },
  string() {
    switch (c) {
      case "\\":
        read();
        buffer += escape();
        return;
      case '"':
        if (doubleQuote) {
          read();
          return newToken("string", buffer);
        }
        buffer += read();
        return;
      case "'":
        if (!doubleQuote) {
          read();
          return newToken("string", buffer);
        }
        buffer += read();
        return;
      case "\n":
      case "\r":
        throw invalidChar(read());
      case "\u2028":
      case "\u2029":
        separatorChar(c);
        break;
      case void 0:
        throw invalidChar(read());
    }
    buffer += read();
  },
  start() {
    switch (c) {
      case "{":
      case "[":
        return newToken("punctuator", read());
    }
    lexState = "value";
  },
  beforePropertyName() {
    switch (c) {
      case "$":
      case "_":
        buffer = read();
        lexState = "identifierName";
        return;
      case "\\":
        read();
        lexState = "identifierNameStartEscape";
        return;
      case "}":
        return newToken("punctuator", read());
      case '"':
      case "'":
        doubleQuote = read() === '"';
        lexState = "string";
        return;
    }
    if (util.isIdStartChar(c)) {
      buffer += read();
      lexState = "identifierName";
      return;
    }
    throw invalidChar(read());
  },
  afterPropertyName() {
    if (c === ":") {
      return newToken("punctuator", read());
    }
    throw invalidChar(read());
  },
  beforePropertyValue() {
    lexState = "value";
  },
  afterPropertyValue() {
    switch (c) {
      case ",":
      case "}":
        return newToken("punctuator", read());
    }
    throw invalidChar(read());
  },
  beforeArrayValue() {
    if (c === "]") {
      return newToken("punctuator", read());
    }
    lexState = "value";
  },
  afterArrayValue() {
    switch (c) {
      case ",":
      case "]":
        return newToken("punctuator", read());
    }
    throw invalidChar(read());
  },
  end() {
    throw invalidChar(read());
  }
};
function newToken(type, value) {
  return {
    type,
    value,
    line,
    column
  };
}
function literal(s3) {
  for (const c2 of s3) {
    const p2 = peek();
    if (p2 !== c2) {
      throw invalidChar(read());
    }
    read();
  }
}
function escape() {
  const c2 = peek();
  switch (c2) {
    case "b":
      read();
      return "\b";
    case "f":
      read();
      return "\f";
    case "n":
      read();
      return "\n";
    case "r":
      read();
      return "\r";
    case "t":
      read();
      return "	";
    case "v":
      read();
      return "\v";
    case "0":
      read();
      if (util.isDigit(peek())) {
        throw invalidChar(read());
      }
      return "\0";
    case "x":
      read();
      return hexEscape();
    case "u":
      read();
      return unicodeEscape();
    case "\n":
    case "\u2028":
    case "\u2029":
      read();
      return "";
    case "\r":
      read();
      if (peek() === "\n") {
        read();
      }
      return "";
    case "1":
    case "2":
    case "3":
    case "4":
    case "5":
    case "6":
    case "7":
    case "8":
    case "9":
      throw invalidChar(read());
    case void 0:
      throw invalidChar(read());
  }
  return read();
}
function hexEscape() {
  let buffer2 = "";
  let c2 = peek();
  if (!util.isHexDigit(c2)) {
    throw invalidChar(read());
  }
  buffer2 += read();
  c2 = peek();
  if (!util.isHexDigit(c2)) {
    throw invalidChar(read());
  }
  buffer2 += read();
  return String.fromCodePoint(parseInt(buffer2, 16));
}
function unicodeEscape() {
  let buffer2 = "";
  let count = 4;
  while (count-- > 0) {
    const c2 = peek();
    if (!util.isHexDigit(c2)) {
      throw invalidChar(read());
    }
    buffer2 += read();
  }
  return String.fromCodePoint(parseInt(buffer2, 16));
}
var parseStates = {
  start() {
    if (token.type === "eof") {
      throw invalidEOF();
    }
    push();
  },
  beforePropertyName() {
    switch (token.type) {
      case "identifier":
      case "string":
        key = token.value;
        parseState = "afterPropertyName";
        return;
      case "punctuator":
        pop();
        return;
      case "eof":
        throw invalidEOF();
    }
  },
  afterPropertyName() {
    if (token.type === "eof") {
      throw invalidEOF();
    }
    parseState = "beforePropertyValue";
  },
  beforePropertyValue() {
    if (token.type === "eof") {
      throw invalidEOF();
    }
    push();
  },
  beforeArrayValue() {
    if (token.type === "eof") {
      throw invalidEOF();
    }
    if (token.type === "punctuator" && token.value === "]") {
      pop();
      return;
    }
    push();
  },
  afterPropertyValue() {
    if (token.type === "eof") {
      throw invalidEOF();
    }
    switch (token.value) {
      case ",":
        parseState = "beforePropertyName";
        return;
      case "}":
        pop();
    }
  },
  afterArrayValue() {
    if (token.type === "eof") {
      throw invalidEOF();
    }
    switch (token.value) {
      case ",":
        parseState = "beforeArrayValue";
        return;
      case "]":
        pop();
    }
  },
  end() {
  }
};
function push() {
  let value;
  switch (token.type) {
    case "punctuator":
      switch (token.value) {
        case "{":
          value = {};
          break;
        case "[":
          value = [];
          break;
      }
      break;
    case "null":
    case "boolean":
    case "numeric":
    case "string":
      value = token.value;
      break;
  }
  if (root === void 0) {
    root = value;
  } else {
    const parent = stack[stack.length - 1];
    if (Array.isArray(parent)) {
      parent.push(value);
    } else {
      Object.defineProperty(parent, key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true
      });
    }
  }
  if (value !== null && typeof value === "object") {
    stack.push(value);
    if (Array.isArray(value)) {
      parseState = "beforeArrayValue";
    } else {
      parseState = "beforePropertyName";
    }
  } else {
    const current = stack[stack.length - 1];
    if (current == null) {
      parseState = "end";
    } else if (Array.isArray(current)) {
      parseState = "afterArrayValue";
    } else {
      parseState = "afterPropertyValue";
    }
  }
}
function pop() {
  stack.pop();
  const current = stack[stack.length - 1];
  if (current == null) {
    parseState = "end";
  } else if (Array.isArray(current)) {
    parseState = "afterArrayValue";
  } else {
    parseState = "afterPropertyValue";
  }
}
function invalidChar(c2) {
  if (c2 === void 0) {
    return syntaxError(`JSON5: invalid end of input at ${line}:${column}`);
  }
  return syntaxError(`JSON5: invalid character '${formatChar(c2)}' at ${line}:${column}`);
}
function invalidEOF() {
  return syntaxError(`JSON5: invalid end of input at ${line}:${column}`);
}
function invalidIdentifier() {
  column -= 5;
  return syntaxError(`JSON5: invalid identifier character at ${line}:${column}`);
}
function separatorChar(c2) {
  console.warn(`JSON5: '${formatChar(c2)}' in strings is not valid ECMAScript; consider escaping`);
}
function formatChar(c2) {
  const replacements = {
    "'": "\\'",
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "	": "\\t",
    "\v": "\\v",
    "\0": "\\0",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029"
  };
  if (replacements[c2]) {
    return replacements[c2];
  }
  if (c2 < " ") {
    const hexString = c2.charCodeAt(0).toString(16);
    return "\\x" + ("00" + hexString).substring(hexString.length);
  }
  return c2;
}
function syntaxError(message) {
  const err = new SyntaxError(message);
  err.lineNumber = line;
  err.columnNumber = column;
  return err;
}
var stringify = function stringify2(value, replacer, space) {
  const stack2 = [];
  let indent = "";
  let propertyList;
  let replacerFunc;
  let gap = "";
  let quote;
  if (replacer != null && typeof replacer === "object" && !Array.isArray(replacer)) {
    space = replacer.space;
    quote = replacer.quote;
    replacer = replacer.replacer;
  }
  if (typeof replacer === "function") {
    replacerFunc = replacer;
  } else if (Array.isArray(replacer)) {
    propertyList = [];
    for (const v2 of replacer) {
      let item;
      if (typeof v2 === "string") {
        item = v2;
      } else if (typeof v2 === "number" || v2 instanceof String || v2 instanceof Number) {
        item = String(v2);
      }
      if (item !== void 0 && propertyList.indexOf(item) < 0) {
        propertyList.push(item);
      }
    }
  }
  if (space instanceof Number) {
    space = Number(space);
  } else if (space instanceof String) {
    space = String(space);
  }
  if (typeof space === "number") {
    if (space > 0) {
      space = Math.min(10, Math.floor(space));
      gap = "          ".substr(0, space);
    }
  } else if (typeof space === "string") {
    gap = space.substr(0, 10);
  }
  return serializeProperty("", { "": value });
  function serializeProperty(key2, holder) {
    let value2 = holder[key2];
    if (value2 != null) {
      if (typeof value2.toJSON5 === "function") {
        value2 = value2.toJSON5(key2);
      } else if (typeof value2.toJSON === "function") {
        value2 = value2.toJSON(key2);
      }
    }
    if (replacerFunc) {
      value2 = replacerFunc.call(holder, key2, value2);
    }
    if (value2 instanceof Number) {
      value2 = Number(value2);
    } else if (value2 instanceof String) {
      value2 = String(value2);
    } else if (value2 instanceof Boolean) {
      value2 = value2.valueOf();
    }
    switch (value2) {
      case null:
        return "null";
      case true:
        return "true";
      case false:
        return "false";
    }
    if (typeof value2 === "string") {
      return quoteString(value2, false);
    }
    if (typeof value2 === "number") {
      return String(value2);
    }
    if (typeof value2 === "object") {
      return Array.isArray(value2) ? serializeArray(value2) : serializeObject(value2);
    }
    return void 0;
  }
  function quoteString(value2) {
    const quotes = {
      "'": 0.1,
      '"': 0.2
    };
    const replacements = {
      "'": "\\'",
      '"': '\\"',
      "\\": "\\\\",
      "\b": "\\b",
      "\f": "\\f",
      "\n": "\\n",
      "\r": "\\r",
      "	": "\\t",
      "\v": "\\v",
      "\0": "\\0",
      "\u2028": "\\u2028",
      "\u2029": "\\u2029"
    };
    let product = "";
    for (let i = 0; i < value2.length; i++) {
      const c2 = value2[i];
      switch (c2) {
        case "'":
        case '"':
          quotes[c2]++;
          product += c2;
          continue;
        case "\0":
          if (util.isDigit(value2[i + 1])) {
            product += "\\x00";
            continue;
          }
      }
      if (replacements[c2]) {
        product += replacements[c2];
        continue;
      }
      if (c2 < " ") {
        let hexString = c2.charCodeAt(0).toString(16);
        product += "\\x" + ("00" + hexString).substring(hexString.length);
        continue;
      }
      product += c2;
    }
    const quoteChar = quote || Object.keys(quotes).reduce((a, b2) => quotes[a] < quotes[b2] ? a : b2);
    product = product.replace(new RegExp(quoteChar, "g"), replacements[quoteChar]);
    return quoteChar + product + quoteChar;
  }
  function serializeObject(value2) {
    if (stack2.indexOf(value2) >= 0) {
      throw TypeError("Converting circular structure to JSON5");
    }
    stack2.push(value2);
    let stepback = indent;
    indent = indent + gap;
    let keys = propertyList || Object.keys(value2);
    let partial = [];
    for (const key2 of keys) {
      const propertyString = serializeProperty(key2, value2);
      if (propertyString !== void 0) {
        let member = serializeKey(key2) + ":";
        if (gap !== "") {
          member += " ";
        }
        member += propertyString;
        partial.push(member);
      }
    }
    let final;
    if (partial.length === 0) {
      final = "{}";
    } else {
      let properties;
      if (gap === "") {
        properties = partial.join(",");
        final = "{" + properties + "}";
      } else {
        let separator = ",\n" + indent;
        properties = partial.join(separator);
        final = "{\n" + indent + properties + ",\n" + stepback + "}";
      }
    }
    stack2.pop();
    indent = stepback;
    return final;
  }
  function serializeKey(key2) {
    if (key2.length === 0) {
      return quoteString(key2, true);
    }
    const firstChar = String.fromCodePoint(key2.codePointAt(0));
    if (!util.isIdStartChar(firstChar)) {
      return quoteString(key2, true);
    }
    for (let i = firstChar.length; i < key2.length; i++) {
      if (!util.isIdContinueChar(String.fromCodePoint(key2.codePointAt(i)))) {
        return quoteString(key2, true);
      }
    }
    return key2;
  }
  function serializeArray(value2) {
    if (stack2.indexOf(value2) >= 0) {
      throw TypeError("Converting circular structure to JSON5");
    }
    stack2.push(value2);
    let stepback = indent;
    indent = indent + gap;
    let partial = [];
    for (let i = 0; i < value2.length; i++) {
      const propertyString = serializeProperty(String(i), value2);
      partial.push(propertyString !== void 0 ? propertyString : "null");
    }
    let final;
    if (partial.length === 0) {
      final = "[]";
    } else {
      if (gap === "") {
        let properties = partial.join(",");
        final = "[" + properties + "]";
      } else {
        let separator = ",\n" + indent;
        let properties = partial.join(separator);
        final = "[\n" + indent + properties + ",\n" + stepback + "]";
      }
    }
    stack2.pop();
    indent = stepback;
    return final;
  }
};
var JSON5 = {
  parse: parse2,
  stringify
};
var lib = JSON5;
var dist_default = lib;

// src/gates/artifact-scan/workspaces.ts
var import_yaml = __toESM(require_dist(), 1);
async function readText(path) {
  if (!existsSync2(path)) return void 0;
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new GateIncompleteError("npm-manifest-unreadable", `${path}: cannot read (${errorMessage(error)})`);
  }
}
function parsed(path, text, parse4) {
  try {
    return parse4(text) ?? {};
  } catch (error) {
    throw new GateIncompleteError("npm-manifest-invalid", `${path}: cannot parse (${errorMessage(error)})`);
  }
}
async function readManifest(path) {
  const text = await readText(path);
  if (text === void 0) throw new GateIncompleteError("npm-manifest-unreadable", `${path}: cannot read package.json (missing)`);
  return parsed(path, text, JSON.parse);
}
function stringList(path, key2, value) {
  if (value === void 0) return [];
  if (!Array.isArray(value) || value.some((v2) => typeof v2 !== "string")) throw new GateIncompleteError("npm-manifest-invalid", `${path}: ${key2} must be a list of folder patterns`);
  return value;
}
function declaresPackages(dir) {
  return ["package.json", "pnpm-workspace.yaml", "lerna.json", "rush.json", "workspace.json"].some((f2) => existsSync2(join2(dir, f2)));
}
function managerOf(dir, root2) {
  const declared = /^(npm|yarn|pnpm)@/.exec(root2?.packageManager ?? "")?.[1];
  if (declared) return declared;
  if (existsSync2(join2(dir, "pnpm-workspace.yaml")) || existsSync2(join2(dir, "pnpm-lock.yaml"))) return "pnpm";
  if (existsSync2(join2(dir, "yarn.lock"))) return "yarn";
  return "npm";
}
async function discoverPackages(dir) {
  const lookedAt = [];
  const rootPath = join2(dir, "package.json");
  const root2 = existsSync2(rootPath) ? await readManifest(rootPath) : void 0;
  const npmPatterns = root2 ? stringList(rootPath, "workspaces", Array.isArray(root2.workspaces) ? root2.workspaces : root2.workspaces?.packages) : [];
  const otherPatterns = [];
  const folders = /* @__PURE__ */ new Map();
  if (root2) lookedAt.push(npmPatterns.length ? `package.json workspaces (${npmPatterns.join(", ")})` : "package.json");
  const pnpmPath = join2(dir, "pnpm-workspace.yaml");
  const pnpmText = await readText(pnpmPath);
  if (pnpmText !== void 0) {
    const pnpm = parsed(pnpmPath, pnpmText, import_yaml.parse);
    const patterns = stringList(pnpmPath, "packages", pnpm.packages);
    otherPatterns.push(...patterns);
    lookedAt.push(`pnpm-workspace.yaml packages (${patterns.join(", ") || "none"})`);
  }
  const lernaPath = join2(dir, "lerna.json");
  const lernaText = await readText(lernaPath);
  if (lernaText !== void 0) {
    const lerna = parsed(lernaPath, lernaText, JSON.parse);
    const patterns = lerna.packages !== void 0 ? stringList(lernaPath, "packages", lerna.packages) : npmPatterns.length || otherPatterns.length ? [] : ["packages/*"];
    otherPatterns.push(...patterns);
    lookedAt.push(`lerna.json packages (${patterns.join(", ") || "the workspaces"})`);
  }
  const rushPath = join2(dir, "rush.json");
  const rushText = await readText(rushPath);
  if (rushText !== void 0) {
    const rush = parsed(rushPath, rushText, dist_default.parse);
    if (!Array.isArray(rush.projects ?? [])) throw new GateIncompleteError("npm-manifest-invalid", `${rushPath}: projects must be a list`);
    for (const project of rush.projects ?? []) {
      if (typeof project.projectFolder !== "string") throw new GateIncompleteError("npm-manifest-invalid", `${rushPath}: a project has no projectFolder`);
      folders.set(project.projectFolder.replace(/\/+$/, ""), { unpublished: !(project.shouldPublish === true || typeof project.versionPolicyName === "string") });
    }
    lookedAt.push(`rush.json projects (${rush.projects?.length ?? 0})`);
  }
  const nxPath = join2(dir, "workspace.json");
  const nxText = await readText(nxPath);
  if (nxText !== void 0) {
    const nx = parsed(nxPath, nxText, dist_default.parse);
    for (const value of Object.values(nx.projects ?? {})) {
      const folder = typeof value === "string" ? value : typeof value?.root === "string" ? value.root : void 0;
      if (folder) folders.set(folder.replace(/\/+$/, ""), {});
    }
    lookedAt.push(`workspace.json projects (${Object.keys(nx.projects ?? {}).length})`);
  }
  const expand = async (patterns) => patterns.length ? (await glob(patterns, { cwd: dir, onlyDirectories: true, ignore: ["**/node_modules/**"], expandDirectories: false })).map((f2) => f2.replace(/\/$/, "")) : [];
  const npmFolders = new Set(await expand(npmPatterns));
  for (const folder of [...npmFolders, ...await expand(otherPatterns)]) if (!folders.has(folder)) folders.set(folder, {});
  const discovery = { packages: [], skippedPrivate: [], skippedUnpublished: [], manager: managerOf(dir, root2), lookedAt };
  const consider = (manifest, rel, unpublished = false) => {
    const name = manifest.name ?? (rel || "(root)");
    if (manifest.private) discovery.skippedPrivate.push(name);
    else if (unpublished) discovery.skippedUnpublished.push(name);
    else discovery.packages.push({ name, dir: rel, ...npmFolders.has(rel) ? { npmWorkspace: true } : {} });
  };
  if (root2) consider(root2, "");
  let found = 0;
  for (const [folder, how] of [...folders].sort(([a], [b2]) => a.localeCompare(b2))) {
    if (folder === "" || folder === "." || !existsSync2(join2(dir, folder, "package.json"))) continue;
    found++;
    consider(await readManifest(join2(dir, folder, "package.json")), folder, how.unpublished);
  }
  lookedAt.push(`${found} package folder(s) with a package.json`);
  return discovery;
}

// src/gates/artifact-scan/scan-session.ts
import { mkdtemp, rm, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";

// src/gates/artifact-scan/budget.ts
import { Transform } from "node:stream";
var RATIO_FLOOR_BYTES = 8 * 1024 ** 2;
var Budget = class {
  constructor(limits) {
    this.limits = limits;
  }
  limits;
  expandedBytes = 0;
  entries = 0;
  countEntry(where) {
    this.entries += 1;
    if (this.entries > this.limits.maxEntries)
      throw new GateIncompleteError("limit-entries", `${where}: more than ${this.limits.maxEntries} entries (max-entries); refusing to continue`);
  }
  countExpanded(bytes, where) {
    this.expandedBytes += bytes;
    if (this.expandedBytes > this.limits.maxExpandedBytes)
      throw new GateIncompleteError("limit-expanded-bytes", `${where}: expanded content exceeds ${this.limits.maxExpandedBytes} bytes (max-expanded-bytes); possible decompression bomb`);
  }
  checkRatio(expanded, compressed, where) {
    if (expanded <= RATIO_FLOOR_BYTES) return;
    if (expanded > this.limits.maxRatio * Math.max(compressed, 1))
      throw new GateIncompleteError("limit-ratio", `${where}: expands more than ${this.limits.maxRatio} times (max-ratio); possible decompression bomb`);
  }
  /**
   * A pass-through placed after a decompressor: counts expanded bytes and
   * checks them against the compressed bytes consumed so far.
   */
  meter(compressedSoFar, where) {
    let expanded = 0;
    return new Transform({
      transform: (chunk, _encoding, callback) => {
        expanded += chunk.length;
        try {
          this.countExpanded(chunk.length, where);
          this.checkRatio(expanded, compressedSoFar(), where);
          callback(null, chunk);
        } catch (error) {
          callback(error);
        }
      }
    });
  }
};

// src/gates/artifact-scan/content-scan.ts
var import_yaml2 = __toESM(require_dist(), 1);
var MAX_HITS_PER_FILE = 1e3;
var MAX_KEYS = 20;
function formatOf(path) {
  const lower = path.toLowerCase();
  if (/\.json[c5]?$/.test(lower) || /\.json\.[^/]*$/.test(lower)) return "json";
  if (lower.endsWith(".toml")) return "toml";
  if (/\.ya?ml$/.test(lower)) return "yaml";
  return "text";
}
function parseStructured(format, text) {
  if (format === "json") {
    try {
      return JSON.parse(text);
    } catch {
      return dist_default.parse(text);
    }
  }
  if (format === "toml") return parse(text);
  return (0, import_yaml2.parse)(text, { uniqueKeys: false });
}
function walk(value, path, out) {
  if (out.full()) return;
  if (typeof value === "string") {
    const key2 = path.at(-1) ?? "";
    const keyPath = path.join(".");
    const byKey = findSecretForKey(key2, value);
    if (byKey) out.add({ ...byKey, key: keyPath });
    for (const hit of scanTextForSecrets(value, 20).hits) out.add({ ...hit, key: keyPath });
    if (path.at(-2) === "allow" && path.includes("permissions") && allowEntryHoldsCredential(value))
      out.add({ kind: "command line with a credential in permissions.allow", value, key: keyPath });
    return;
  }
  if (Array.isArray(value)) value.forEach((v2, i) => walk(v2, [...path, String(i)], out));
  else if (value && typeof value === "object")
    for (const [k2, v2] of Object.entries(value)) {
      for (const hit of scanTextForSecrets(k2, 5).hits) out.add({ ...hit, kind: `${hit.kind} used as a key`, key: [...path, k2].join(".") });
      walk(v2, [...path, k2], out);
    }
}
var Collector = class {
  hits = [];
  values = /* @__PURE__ */ new Set();
  add(hit) {
    if (this.values.has(hit.value)) return;
    this.values.add(hit.value);
    if (this.hits.length < MAX_HITS_PER_FILE) this.hits.push(hit);
  }
  has(value) {
    return this.values.has(value);
  }
  get total() {
    return this.values.size;
  }
  full() {
    return this.values.size >= MAX_HITS_PER_FILE * 100;
  }
};
function lineOf(text, value) {
  const at2 = text.indexOf(value.split("\n")[0]);
  if (at2 < 0) return void 0;
  let line2 = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at2; i = text.indexOf("\n", i + 1)) line2 += 1;
  return line2;
}
function printableKey(key2, ledger) {
  const { text, hits } = redactCredentials(key2);
  for (const hit of hits) ledger.add(hit.value);
  return text;
}
function scanContent(path, bytes, ledger) {
  if (bytes.length === 0) return { count: 0, kinds: [], keys: [], parsedAsText: false };
  const text = bytes.toString("utf8");
  const format = formatOf(path);
  const found = new Collector();
  let parsedAsText = format === "text";
  if (!parsedAsText) {
    try {
      walk(parseStructured(format, text), [], found);
    } catch {
      parsedAsText = true;
    }
  }
  const structuredValues = found.hits.length <= 200 ? found.hits.map((h) => h.value) : [];
  const text1 = scanTextForSecrets(text, MAX_HITS_PER_FILE);
  for (const hit of text1.hits) if (!found.has(hit.value) && !structuredValues.some((v2) => v2.includes(hit.value) || hit.value.includes(v2))) found.add(hit);
  if (parsedAsText) {
    for (const hit of findKeyedSecretsInText(text, MAX_HITS_PER_FILE).hits) if (!found.has(hit.value) && !structuredValues.some((v2) => v2.includes(hit.value))) found.add(hit);
  }
  const hits = found.hits;
  for (const hit of hits) ledger.add(hit.value);
  const counted2 = Math.max(found.total, text1.total);
  const first = hits[0];
  const firstLine = first ? lineOf(text, first.value) : void 0;
  const keys = [...new Set(hits.flatMap((h) => h.key ? [h.key] : []))];
  return {
    count: counted2,
    kinds: [...new Set(hits.map((h) => h.kind))],
    keys: keys.slice(0, MAX_KEYS).map((k2) => printableKey(k2, ledger)),
    ...firstLine === void 0 ? {} : { firstLine },
    parsedAsText: parsedAsText && format !== "text"
  };
}

// src/gates/artifact-scan/agent-state-heuristics.ts
var GENERIC_AGENT_STATE = {
  id: "generic-agent-state",
  tool: "unknown agent (layout)",
  class: "review",
  patterns: [],
  mayHoldSecrets: false,
  description: "Looks like the memory, session transcripts, chat history or prompt logs of an agent the catalog does not name: such files hold private conversation and often pasted secrets.",
  canary: "",
  source: "agent-gates heuristic (docs/artifact-scan.md)"
};
var NOT_AGENT_FOLDERS = /* @__PURE__ */ new Set([".github", ".gitlab", ".vscode", ".idea", ".git", ".hg", ".svn", ".husky", ".circleci", ".storybook", ".yarn", ".changeset", ".devcontainer", ".bin", ".pnpm", ".npm", ".cargo", ".nx", ".turbo", ".next", ".nuxt", ".svelte-kit", ".docusaurus", ".vitepress", ".expo", ".gradle", ".mvn", ".tox", ".venv", ".pytest_cache", ".mypy_cache"]);
var STATE_WORD = /^(?:memor(?:y|ies)|agent[-_]?memor(?:y|ies)|sessions?|transcripts?|chat[-_]?history|chats?|conversations?|threads|prompt[-_]?(?:logs?|history)|llm[-_]?(?:logs?|history)|history)$/i;
var STATE_FILE = /(?:transcript|chat[-_]?history|conversation|prompt[-_]?log|llm[-_]?log|session)[^/]*\.(?:jsonl|ndjson|json|md|log|txt|db|sqlite3?)$/i;
var AGENT_FOLDER = /^\.(?:[a-z0-9]+[-_])?(?:agents?|ai|llm|gpt|assistant|copilot|bot|claude|codex|gemini)(?:[-_][a-z0-9]+)?$/i;
function agentStateByLayout(path) {
  const segments = path.split("/");
  for (let i = 0; i < segments.length - 1; i++) {
    const folder = segments[i];
    if (!folder.startsWith(".") || folder.length < 2 || NOT_AGENT_FOLDERS.has(folder.toLowerCase())) continue;
    const below = segments.slice(i + 1);
    const file = below.at(-1);
    const stateFolder = below.slice(0, -1).find((s3) => STATE_WORD.test(s3));
    if (stateFolder) return `hidden folder "${folder}" holds "${stateFolder}/"`;
    if (STATE_FILE.test(file)) return `hidden folder "${folder}" holds a file named like a transcript or log ("${file}")`;
    if (AGENT_FOLDER.test(folder) && /\.(?:jsonl|ndjson|db|sqlite3?)$/i.test(file)) return `hidden agent folder "${folder}" holds a ${file.slice(file.lastIndexOf("."))} file`;
  }
  return void 0;
}
function agentStateByContent(path, head) {
  if (!/\.(?:jsonl|ndjson)$/i.test(path)) return void 0;
  const text = head.toString("utf8");
  const newline = text.indexOf("\n");
  const first = (newline < 0 ? text : text.slice(0, newline)).trim();
  if (!first.startsWith("{")) return void 0;
  let record;
  try {
    record = JSON.parse(first);
  } catch {
    return /"role"\s*:\s*"(?:user|assistant|system|tool)"/.test(first) && /"content"\s*:/.test(first) ? "JSON lines whose records carry chat role and content fields" : void 0;
  }
  if (!record || typeof record !== "object") return void 0;
  const r = record;
  const message = typeof r.message === "object" && r.message ? r.message : r;
  if (typeof message.role === "string" && /^(?:user|assistant|system|tool|model)$/.test(message.role) && "content" in message) return "JSON lines whose records carry chat role and content fields";
  if ((r.type === "user" || r.type === "assistant") && typeof r.message === "object") return "JSON lines of user and assistant messages (a session transcript)";
  return void 0;
}

// src/gates/artifact-scan/link-targets.ts
var MAX_HOPS = 8;
function resolveLinkTarget(path, type, target) {
  const joined = type === "hardlink" || target.startsWith("/") ? target : `${path}/../${target}`;
  const { path: resolved, escapes } = normalizeEntryPath(joined);
  return { path: resolved, escapes: escapes && !/^\//.test(target) };
}
var MAX_REMEMBERED = 1e4;
function hash(text, seed) {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
var SeenFilter = class _SeenFilter {
  static BITS = 1 << 24;
  bits = new Uint32Array(_SeenFilter.BITS / 32);
  probes(key2) {
    const a = hash(key2, 2166136261);
    const b2 = hash(key2, 731459039) | 1;
    return [0, 1, 2, 3].map((i) => a + Math.imul(i, b2) & _SeenFilter.BITS - 1);
  }
  add(key2) {
    for (const bit of this.probes(key2)) this.bits[bit >>> 5] = this.bits[bit >>> 5] | 1 << (bit & 31);
  }
  has(key2) {
    return this.probes(key2).every((bit) => (this.bits[bit >>> 5] & 1 << (bit & 31)) !== 0);
  }
};
var LinkTargets = class {
  waiting = /* @__PURE__ */ new Map();
  seen;
  /** Entries that settled a waiting link: a second entry at the same path makes that link ambiguous. */
  settled;
  scanned = /* @__PURE__ */ new Map();
  /** Notes an entry of an archive (every type), before its own link or content handling. */
  see(chain, path) {
    ;
    (this.seen ??= new SeenFilter()).add(`${chain.join("!")}\0${path}`);
  }
  /** A content-scanned file's report, for links to it that come later (the first MAX_REMEMBERED). */
  recordScan(chain, path, report) {
    if (this.scanned.size < MAX_REMEMBERED) this.scanned.set(`${chain.join("!")}\0${path}`, report);
  }
  /**
   * A link at an agent path: returns its target's report when that is known now, the reason it
   * cannot be known, or undefined when the link waits for a later entry (or the archive's end).
   */
  link(link) {
    const at2 = link.via ?? link;
    const { path, escapes } = resolveLinkTarget(at2.path, at2.type, at2.target);
    if (escapes) return { link, outside: true };
    const key2 = `${link.chain.join("!")}\0${path}`;
    const report = this.scanned.get(key2);
    if (report) return { link, credentials: report };
    if (this.seen?.has(key2))
      return { link, problem: "an earlier entry of this archive that is not an agent file, so its content was not checked" };
    const list = this.waiting.get(key2) ?? [];
    list.push(link);
    this.waiting.set(key2, list);
    return void 0;
  }
  /** Links waiting for this entry (removed from the waiting list). */
  take(chain, path) {
    const key2 = `${chain.join("!")}\0${path}`;
    const list = this.waiting.get(key2);
    if (list) {
      this.waiting.delete(key2);
      (this.settled ??= new SeenFilter()).add(key2);
    }
    return list ?? [];
  }
  /**
   * Whether an earlier entry at this path already settled a link: consumers keep the last copy (GNU tar,
   * Go) or the first, so which content the link reads is ambiguous. A false positive of the filter only
   * turns a result into an error.
   */
  settledBefore(chain, path) {
    return this.settled?.has(`${chain.join("!")}\0${path}`) ?? false;
  }
  /** A waiting link reached another link: follow it (bounded), or give up. */
  chase(links, next) {
    const out = [];
    for (const link of links) {
      if (link.hops >= MAX_HOPS) out.push({ link, problem: `a chain of more than ${MAX_HOPS} links` });
      else {
        const outcome = this.link({ ...link, via: next, hops: link.hops + 1 });
        if (outcome) out.push(outcome);
      }
    }
    return out;
  }
  /**
   * The archive was read to its end (or stopped): every link still waiting points outside it, or,
   * when the read did not complete, at an entry that was never reached.
   */
  finish(chain, complete) {
    const prefix = `${chain.join("!")}\0`;
    const out = [];
    for (const [key2, links] of this.waiting) {
      if (!key2.startsWith(prefix)) continue;
      this.waiting.delete(key2);
      for (const link of links) out.push(complete ? { link, outside: true } : { link, problem: "an entry the read never reached (the archive could not be read to its end)" });
    }
    return out;
  }
};

// src/gates/artifact-scan/tar-headers.ts
var BLOCK = 512;
function isZeroBlock(block) {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}
function cString(block, start, length) {
  const nul = block.indexOf(0, start);
  const end = nul < 0 || nul > start + length ? start + length : nul;
  return end === start ? "" : block.toString("utf8", start, end);
}
function numericField(block, start, length) {
  const first = block[start];
  if (first === 128 || first === 255) {
    if (first === 255) return void 0;
    let value2 = 0;
    for (let i2 = start + 1; i2 < start + length; i2++) value2 = value2 * 256 + block[i2];
    return Number.isSafeInteger(value2) ? value2 : void 0;
  }
  let i = start;
  const end = start + length;
  while (i < end && block[i] === 32) i++;
  let value = 0;
  for (; i < end; i++) {
    const c2 = block[i];
    if (c2 < 48 || c2 > 55) break;
    value = value * 8 + (c2 - 48);
  }
  for (; i < end; i++) if (block[i] !== 0 && block[i] !== 32) return void 0;
  return value;
}
function checksumOf(block) {
  const stored = numericField(block, 148, 8);
  if (stored === void 0) return "invalid";
  let unsigned = 8 * 32;
  let high = 0;
  for (let i = 0; i < BLOCK; i++) {
    if (i === 148) i = 156;
    const byte = block[i];
    unsigned += byte;
    if (byte > 127) high += 1;
  }
  if (stored === unsigned) return "unsigned";
  return stored === unsigned - 256 * high ? "signed" : "invalid";
}
function magicOf(block) {
  const magic = block.toString("latin1", 257, 265);
  if (magic === "ustar\x0000") return "posix";
  if (magic === "ustar  \0") return "gnu";
  return magic.startsWith("ustar") ? "ustar-other" : "v7";
}
function decodeHeader(block) {
  const checksum = checksumOf(block);
  if (checksum === "invalid") return void 0;
  const size = numericField(block, 124, 12);
  if (size === void 0) return void 0;
  const magic = magicOf(block);
  let tailUsed = false;
  for (let i = 345; i < 500 && !tailUsed; i++) tailUsed = block[i] !== 0;
  const prefix = tailUsed ? cString(block, 345, 155) : "";
  const star = magic === "posix" && block[508] === 116 && block[509] === 97 && block[510] === 114 && block[511] === 0;
  const starPrefix = star && tailUsed ? cString(block, 345, 131) : void 0;
  return {
    name: cString(block, 0, 100),
    ...prefix ? { prefix } : {},
    ...starPrefix !== void 0 && starPrefix !== prefix ? { starPrefix } : {},
    linkname: cString(block, 157, 100),
    typeflag: String.fromCharCode(block[156]),
    size,
    magic,
    tailUsed,
    signedChecksumOnly: checksum === "signed"
  };
}
function parsePax(body) {
  const values = /* @__PURE__ */ new Map();
  let at2 = 0;
  while (at2 < body.length) {
    if (body[at2] === 0 && body.subarray(at2).every((b2) => b2 === 0)) break;
    const space = body.indexOf(32, at2);
    const digits = space < 0 ? "" : body.toString("latin1", at2, space);
    if (!/^[1-9][0-9]{0,8}$/.test(digits)) return { values, problem: "malformed PAX record length" };
    const end = at2 + parseInt(digits, 10);
    if (end > body.length || body[end - 1] !== 10) return { values, problem: "PAX record length does not match its content" };
    const record = body.toString("utf8", space + 1, end - 1);
    const eq = record.indexOf("=");
    if (eq <= 0) return { values, problem: "PAX record without a key" };
    const key2 = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (values.has(key2)) return { values, problem: `PAX key "${key2}" given twice` };
    if ((key2 === "path" || key2 === "linkpath" || key2 === "GNU.sparse.name") && value.includes("\0")) return { values, problem: `PAX ${key2} holds a NUL byte` };
    values.set(key2, value);
    at2 = end;
  }
  return { values };
}
var FRAMING_KEYS = ["path", "linkpath", "size"];
function isSparseKey(key2) {
  return key2.startsWith("GNU.sparse.");
}

// src/gates/artifact-scan/detect.ts
var HEAD_BYTES = 2 * BLOCK;
var UNREADABLE_KINDS = /* @__PURE__ */ new Set(["xz", "bzip2", "zstd", "7z"]);
function detectKind(head) {
  const b2 = head;
  if (b2.length >= 2 && b2[0] === 31 && b2[1] === 139) return "gzip";
  if (b2.length >= 4 && b2[0] === 80 && b2[1] === 75 && (b2[2] === 3 && b2[3] === 4 || b2[2] === 5 && b2[3] === 6 || b2[2] === 7 && b2[3] === 8))
    return "zip";
  if (b2.length >= 6 && b2[0] === 253 && b2[1] === 55 && b2[2] === 122 && b2[3] === 88 && b2[4] === 90 && b2[5] === 0) return "xz";
  if (b2.length >= 3 && b2[0] === 66 && b2[1] === 90 && b2[2] === 104) return "bzip2";
  if (b2.length >= 4 && b2[0] === 40 && b2[1] === 181 && b2[2] === 47 && b2[3] === 253) return "zstd";
  if (b2.length >= 6 && b2[0] === 55 && b2[1] === 122 && b2[2] === 188 && b2[3] === 175 && b2[4] === 39 && b2[5] === 28) return "7z";
  if (isTarHeader(b2)) return "tar";
  if (b2.length >= 2 * BLOCK && isZeroBlock(b2) && isTarHeader(b2.subarray(BLOCK))) return "tar";
  return "none";
}
function isTarHeader(b2) {
  if (b2.length < BLOCK || isZeroBlock(b2)) return false;
  if (b2[257] === 117 && b2[258] === 115 && b2[259] === 116 && b2[260] === 97 && b2[261] === 114) return true;
  return checksumOf(b2) !== "invalid";
}

// src/gates/artifact-scan/tar-reader.ts
import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";

// node_modules/tar/dist/esm/index.min.js
import Qr from "events";
import I from "fs";
import { EventEmitter as Di } from "node:events";
import Cs from "node:stream";
import { StringDecoder as Hr } from "node:string_decoder";
import cr from "node:path";
import Kt from "node:fs";
import { dirname as Fn, parse as kn } from "path";
import { EventEmitter as Dn } from "events";
import zi from "assert";
import { Buffer as Ot } from "buffer";
import * as Ps from "zlib";
import en from "zlib";
import { posix as Zt } from "node:path";
import { basename as _n } from "node:path";
import mi from "fs";
import X from "fs";
import js from "path";
import { win32 as Pn } from "node:path";
import ar from "path";
import Br from "node:fs";
import co from "node:assert";
import { randomBytes as Mr } from "node:crypto";
import u from "node:fs";
import R from "node:path";
import pr from "fs";
import wi from "node:fs";
import we from "node:path";
import k from "node:fs";
import ro from "node:fs/promises";
import Si from "node:path";
import { join as xr } from "node:path";
import v from "node:fs";
import Pr from "node:path";
var zr = Object.defineProperty;
var Ur = (s3, t) => {
  for (var e in t) zr(s3, e, { get: t[e], enumerable: true });
};
var Ds = typeof process == "object" && process ? process : { stdout: null, stderr: null };
var Wr = (s3) => !!s3 && typeof s3 == "object" && (s3 instanceof A || s3 instanceof Cs || Gr(s3) || Zr(s3));
var Gr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof Di && typeof s3.pipe == "function" && s3.pipe !== Cs.Writable.prototype.pipe;
var Zr = (s3) => !!s3 && typeof s3 == "object" && s3 instanceof Di && typeof s3.write == "function" && typeof s3.end == "function";
var Q = /* @__PURE__ */ Symbol("EOF");
var J = /* @__PURE__ */ Symbol("maybeEmitEnd");
var nt = /* @__PURE__ */ Symbol("emittedEnd");
var De = /* @__PURE__ */ Symbol("emittingEnd");
var qt = /* @__PURE__ */ Symbol("emittedError");
var Ne = /* @__PURE__ */ Symbol("closed");
var Ns = /* @__PURE__ */ Symbol("read");
var Ae = /* @__PURE__ */ Symbol("flush");
var As = /* @__PURE__ */ Symbol("flushChunk");
var z = /* @__PURE__ */ Symbol("encoding");
var Mt = /* @__PURE__ */ Symbol("decoder");
var g = /* @__PURE__ */ Symbol("flowing");
var Qt = /* @__PURE__ */ Symbol("paused");
var Bt = /* @__PURE__ */ Symbol("resume");
var b = /* @__PURE__ */ Symbol("buffer");
var N = /* @__PURE__ */ Symbol("pipes");
var _ = /* @__PURE__ */ Symbol("bufferLength");
var bi = /* @__PURE__ */ Symbol("bufferPush");
var Ie = /* @__PURE__ */ Symbol("bufferShift");
var L = /* @__PURE__ */ Symbol("objectMode");
var S = /* @__PURE__ */ Symbol("destroyed");
var _i = /* @__PURE__ */ Symbol("error");
var Oi = /* @__PURE__ */ Symbol("emitData");
var Is = /* @__PURE__ */ Symbol("emitEnd");
var Ti = /* @__PURE__ */ Symbol("emitEnd2");
var Z = /* @__PURE__ */ Symbol("async");
var xi = /* @__PURE__ */ Symbol("abort");
var Ce = /* @__PURE__ */ Symbol("aborted");
var Jt = /* @__PURE__ */ Symbol("signal");
var Rt = /* @__PURE__ */ Symbol("dataListeners");
var C = /* @__PURE__ */ Symbol("discarded");
var jt = (s3) => Promise.resolve().then(s3);
var Yr = (s3) => s3();
var Kr = (s3) => s3 === "end" || s3 === "finish" || s3 === "prefinish";
var Vr = (s3) => s3 instanceof ArrayBuffer || !!s3 && typeof s3 == "object" && s3.constructor && s3.constructor.name === "ArrayBuffer" && s3.byteLength >= 0;
var $r = (s3) => !Buffer.isBuffer(s3) && ArrayBuffer.isView(s3);
var Fe = class {
  src;
  dest;
  opts;
  ondrain;
  constructor(t, e, i) {
    this.src = t, this.dest = e, this.opts = i, this.ondrain = () => t[Bt](), this.dest.on("drain", this.ondrain);
  }
  unpipe() {
    this.dest.removeListener("drain", this.ondrain);
  }
  proxyErrors(t) {
  }
  end() {
    this.unpipe(), this.opts.end && this.dest.end();
  }
};
var Li = class extends Fe {
  unpipe() {
    this.src.removeListener("error", this.proxyErrors), super.unpipe();
  }
  constructor(t, e, i) {
    super(t, e, i), this.proxyErrors = (r) => this.dest.emit("error", r), t.on("error", this.proxyErrors);
  }
};
var Xr = (s3) => !!s3.objectMode;
var qr = (s3) => !s3.objectMode && !!s3.encoding && s3.encoding !== "buffer";
var A = class extends Di {
  [g] = false;
  [Qt] = false;
  [N] = [];
  [b] = [];
  [L];
  [z];
  [Z];
  [Mt];
  [Q] = false;
  [nt] = false;
  [De] = false;
  [Ne] = false;
  [qt] = null;
  [_] = 0;
  [S] = false;
  [Jt];
  [Ce] = false;
  [Rt] = 0;
  [C] = false;
  writable = true;
  readable = true;
  constructor(...t) {
    let e = t[0] || {};
    if (super(), e.objectMode && typeof e.encoding == "string") throw new TypeError("Encoding and objectMode may not be used together");
    Xr(e) ? (this[L] = true, this[z] = null) : qr(e) ? (this[z] = e.encoding, this[L] = false) : (this[L] = false, this[z] = null), this[Z] = !!e.async, this[Mt] = this[z] ? new Hr(this[z]) : null, e && e.debugExposeBuffer === true && Object.defineProperty(this, "buffer", { get: () => this[b] }), e && e.debugExposePipes === true && Object.defineProperty(this, "pipes", { get: () => this[N] });
    let { signal: i } = e;
    i && (this[Jt] = i, i.aborted ? this[xi]() : i.addEventListener("abort", () => this[xi]()));
  }
  get bufferLength() {
    return this[_];
  }
  get encoding() {
    return this[z];
  }
  set encoding(t) {
    throw new Error("Encoding must be set at instantiation time");
  }
  setEncoding(t) {
    throw new Error("Encoding must be set at instantiation time");
  }
  get objectMode() {
    return this[L];
  }
  set objectMode(t) {
    throw new Error("objectMode must be set at instantiation time");
  }
  get async() {
    return this[Z];
  }
  set async(t) {
    this[Z] = this[Z] || !!t;
  }
  [xi]() {
    this[Ce] = true, this.emit("abort", this[Jt]?.reason), this.destroy(this[Jt]?.reason);
  }
  get aborted() {
    return this[Ce];
  }
  set aborted(t) {
  }
  write(t, e, i) {
    if (this[Ce]) return false;
    if (this[Q]) throw new Error("write after end");
    if (this[S]) return this.emit("error", Object.assign(new Error("Cannot call write after a stream was destroyed"), { code: "ERR_STREAM_DESTROYED" })), true;
    typeof e == "function" && (i = e, e = "utf8"), e || (e = "utf8");
    let r = this[Z] ? jt : Yr;
    if (!this[L] && !Buffer.isBuffer(t)) {
      if ($r(t)) t = Buffer.from(t.buffer, t.byteOffset, t.byteLength);
      else if (Vr(t)) t = Buffer.from(t);
      else if (typeof t != "string") throw new Error("Non-contiguous data written to non-objectMode stream");
    }
    return this[L] ? (this[g] && this[_] !== 0 && this[Ae](true), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i && r(i), this[g]) : t.length ? (typeof t == "string" && !(e === this[z] && !this[Mt]?.lastNeed) && (t = Buffer.from(t, e)), Buffer.isBuffer(t) && this[z] && (t = this[Mt].write(t)), this[g] && this[_] !== 0 && this[Ae](true), this[g] ? this.emit("data", t) : this[bi](t), this[_] !== 0 && this.emit("readable"), i && r(i), this[g]) : (this[_] !== 0 && this.emit("readable"), i && r(i), this[g]);
  }
  read(t) {
    if (this[S]) return null;
    if (this[C] = false, this[_] === 0 || t === 0 || t && t > this[_]) return this[J](), null;
    this[L] && (t = null), this[b].length > 1 && !this[L] && (this[b] = [this[z] ? this[b].join("") : Buffer.concat(this[b], this[_])]);
    let e = this[Ns](t || null, this[b][0]);
    return this[J](), e;
  }
  [Ns](t, e) {
    if (this[L]) this[Ie]();
    else {
      let i = e;
      t === i.length || t === null ? this[Ie]() : typeof i == "string" ? (this[b][0] = i.slice(t), e = i.slice(0, t), this[_] -= t) : (this[b][0] = i.subarray(t), e = i.subarray(0, t), this[_] -= t);
    }
    return this.emit("data", e), !this[b].length && !this[Q] && this.emit("drain"), e;
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, t = void 0), typeof e == "function" && (i = e, e = "utf8"), t !== void 0 && this.write(t, e), i && this.once("end", i), this[Q] = true, this.writable = false, (this[g] || !this[Qt]) && this[J](), this;
  }
  [Bt]() {
    this[S] || (!this[Rt] && !this[N].length && (this[C] = true), this[Qt] = false, this[g] = true, this.emit("resume"), this[b].length ? this[Ae]() : this[Q] ? this[J]() : this.emit("drain"));
  }
  resume() {
    return this[Bt]();
  }
  pause() {
    this[g] = false, this[Qt] = true, this[C] = false;
  }
  get destroyed() {
    return this[S];
  }
  get flowing() {
    return this[g];
  }
  get paused() {
    return this[Qt];
  }
  [bi](t) {
    this[L] ? this[_] += 1 : this[_] += t.length, this[b].push(t);
  }
  [Ie]() {
    return this[L] ? this[_] -= 1 : this[_] -= this[b][0].length, this[b].shift();
  }
  [Ae](t = false) {
    do
      ;
    while (this[As](this[Ie]()) && this[b].length);
    !t && !this[b].length && !this[Q] && this.emit("drain");
  }
  [As](t) {
    return this.emit("data", t), this[g];
  }
  pipe(t, e) {
    if (this[S]) return t;
    this[C] = false;
    let i = this[nt];
    return e = e || {}, t === Ds.stdout || t === Ds.stderr ? e.end = false : e.end = e.end !== false, e.proxyErrors = !!e.proxyErrors, i ? e.end && t.end() : (this[N].push(e.proxyErrors ? new Li(this, t, e) : new Fe(this, t, e)), this[Z] ? jt(() => this[Bt]()) : this[Bt]()), t;
  }
  unpipe(t) {
    let e = this[N].find((i) => i.dest === t);
    e && (this[N].length === 1 ? (this[g] && this[Rt] === 0 && (this[g] = false), this[N] = []) : this[N].splice(this[N].indexOf(e), 1), e.unpipe());
  }
  addListener(t, e) {
    return this.on(t, e);
  }
  on(t, e) {
    let i = super.on(t, e);
    if (t === "data") this[C] = false, this[Rt]++, !this[N].length && !this[g] && this[Bt]();
    else if (t === "readable" && this[_] !== 0) super.emit("readable");
    else if (Kr(t) && this[nt]) super.emit(t), this.removeAllListeners(t);
    else if (t === "error" && this[qt]) {
      let r = e;
      this[Z] ? jt(() => r.call(this, this[qt])) : r.call(this, this[qt]);
    }
    return i;
  }
  removeListener(t, e) {
    return this.off(t, e);
  }
  off(t, e) {
    let i = super.off(t, e);
    return t === "data" && (this[Rt] = this.listeners("data").length, this[Rt] === 0 && !this[C] && !this[N].length && (this[g] = false)), i;
  }
  removeAllListeners(t) {
    let e = super.removeAllListeners(t);
    return (t === "data" || t === void 0) && (this[Rt] = 0, !this[C] && !this[N].length && (this[g] = false)), e;
  }
  get emittedEnd() {
    return this[nt];
  }
  [J]() {
    !this[De] && !this[nt] && !this[S] && this[b].length === 0 && this[Q] && (this[De] = true, this.emit("end"), this.emit("prefinish"), this.emit("finish"), this[Ne] && this.emit("close"), this[De] = false);
  }
  emit(t, ...e) {
    let i = e[0];
    if (t !== "error" && t !== "close" && t !== S && this[S]) return false;
    if (t === "data") return !this[L] && !i ? false : this[Z] ? (jt(() => this[Oi](i)), true) : this[Oi](i);
    if (t === "end") return this[Is]();
    if (t === "close") {
      if (this[Ne] = true, !this[nt] && !this[S]) return false;
      let n = super.emit("close");
      return this.removeAllListeners("close"), n;
    } else if (t === "error") {
      this[qt] = i, super.emit(_i, i);
      let n = !this[Jt] || this.listeners("error").length ? super.emit("error", i) : false;
      return this[J](), n;
    } else if (t === "resume") {
      let n = super.emit("resume");
      return this[J](), n;
    } else if (t === "finish" || t === "prefinish") {
      let n = super.emit(t);
      return this.removeAllListeners(t), n;
    }
    let r = super.emit(t, ...e);
    return this[J](), r;
  }
  [Oi](t) {
    for (let i of this[N]) i.dest.write(t) === false && this.pause();
    let e = this[C] ? false : super.emit("data", t);
    return this[J](), e;
  }
  [Is]() {
    return this[nt] ? false : (this[nt] = true, this.readable = false, this[Z] ? (jt(() => this[Ti]()), true) : this[Ti]());
  }
  [Ti]() {
    if (this[Mt]) {
      let e = this[Mt].end();
      if (e) {
        for (let i of this[N]) i.dest.write(e);
        this[C] || super.emit("data", e);
      }
    }
    for (let e of this[N]) e.end();
    let t = super.emit("end");
    return this.removeAllListeners("end"), t;
  }
  async collect() {
    let t = Object.assign([], { dataLength: 0 });
    this[L] || (t.dataLength = 0);
    let e = this.promise();
    return this.on("data", (i) => {
      t.push(i), this[L] || (t.dataLength += i.length);
    }), await e, t;
  }
  async concat() {
    if (this[L]) throw new Error("cannot concat in objectMode");
    let t = await this.collect();
    return this[z] ? t.join("") : Buffer.concat(t, t.dataLength);
  }
  async promise() {
    return new Promise((t, e) => {
      this.on(S, () => e(new Error("stream destroyed"))), this.on("error", (i) => e(i)), this.on("end", () => t());
    });
  }
  [Symbol.asyncIterator]() {
    this[C] = false;
    let t = false, e = async () => (this.pause(), t = true, { value: void 0, done: true });
    return { next: () => {
      if (t) return e();
      let r = this.read();
      if (r !== null) return Promise.resolve({ done: false, value: r });
      if (this[Q]) return e();
      let n, o, h = (d) => {
        this.off("data", a), this.off("end", l), this.off(S, c2), e(), o(d);
      }, a = (d) => {
        this.off("error", h), this.off("end", l), this.off(S, c2), this.pause(), n({ value: d, done: !!this[Q] });
      }, l = () => {
        this.off("error", h), this.off("data", a), this.off(S, c2), e(), n({ done: true, value: void 0 });
      }, c2 = () => h(new Error("stream destroyed"));
      return new Promise((d, y) => {
        o = y, n = d, this.once(S, c2), this.once("error", h), this.once("end", l), this.once("data", a);
      });
    }, throw: e, return: e, [Symbol.asyncIterator]() {
      return this;
    }, [Symbol.asyncDispose]: async () => {
    } };
  }
  [Symbol.iterator]() {
    this[C] = false;
    let t = false, e = () => (this.pause(), this.off(_i, e), this.off(S, e), this.off("end", e), t = true, { done: true, value: void 0 }), i = () => {
      if (t) return e();
      let r = this.read();
      return r === null ? e() : { done: false, value: r };
    };
    return this.once("end", e), this.once(_i, e), this.once(S, e), { next: i, throw: e, return: e, [Symbol.iterator]() {
      return this;
    }, [Symbol.dispose]: () => {
    } };
  }
  destroy(t) {
    if (this[S]) return t ? this.emit("error", t) : this.emit(S), this;
    this[S] = true, this[C] = true, this[b].length = 0, this[_] = 0;
    let e = this;
    return typeof e.close == "function" && !this[Ne] && e.close(), t ? this.emit("error", t) : this.emit(S), this;
  }
  static get isStream() {
    return Wr;
  }
};
var Jr = I.writev;
var ht = /* @__PURE__ */ Symbol("_autoClose");
var H = /* @__PURE__ */ Symbol("_close");
var te = /* @__PURE__ */ Symbol("_ended");
var m = /* @__PURE__ */ Symbol("_fd");
var Ni = /* @__PURE__ */ Symbol("_finished");
var tt = /* @__PURE__ */ Symbol("_flags");
var Ai = /* @__PURE__ */ Symbol("_flush");
var ki = /* @__PURE__ */ Symbol("_handleChunk");
var vi = /* @__PURE__ */ Symbol("_makeBuf");
var ie = /* @__PURE__ */ Symbol("_mode");
var ke = /* @__PURE__ */ Symbol("_needDrain");
var Ut = /* @__PURE__ */ Symbol("_onerror");
var Ht = /* @__PURE__ */ Symbol("_onopen");
var Ii = /* @__PURE__ */ Symbol("_onread");
var Pt = /* @__PURE__ */ Symbol("_onwrite");
var at = /* @__PURE__ */ Symbol("_open");
var U = /* @__PURE__ */ Symbol("_path");
var ot = /* @__PURE__ */ Symbol("_pos");
var Y = /* @__PURE__ */ Symbol("_queue");
var zt = /* @__PURE__ */ Symbol("_read");
var Ci = /* @__PURE__ */ Symbol("_readSize");
var j = /* @__PURE__ */ Symbol("_reading");
var ee = /* @__PURE__ */ Symbol("_remain");
var Fi = /* @__PURE__ */ Symbol("_size");
var ve = /* @__PURE__ */ Symbol("_write");
var gt = /* @__PURE__ */ Symbol("_writing");
var Me = /* @__PURE__ */ Symbol("_defaultFlag");
var bt = /* @__PURE__ */ Symbol("_errored");
var _t = class extends A {
  [bt] = false;
  [m];
  [U];
  [Ci];
  [j] = false;
  [Fi];
  [ee];
  [ht];
  constructor(t, e) {
    if (e = e || {}, super(e), this.readable = true, this.writable = false, typeof t != "string") throw new TypeError("path must be a string");
    this[bt] = false, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[U] = t, this[Ci] = e.readSize || 16 * 1024 * 1024, this[j] = false, this[Fi] = typeof e.size == "number" ? e.size : 1 / 0, this[ee] = this[Fi], this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : true, typeof this[m] == "number" ? this[zt]() : this[at]();
  }
  get fd() {
    return this[m];
  }
  get path() {
    return this[U];
  }
  write() {
    throw new TypeError("this is a readable stream");
  }
  end() {
    throw new TypeError("this is a readable stream");
  }
  [at]() {
    I.open(this[U], "r", (t, e) => this[Ht](t, e));
  }
  [Ht](t, e) {
    t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[zt]());
  }
  [vi]() {
    return Buffer.allocUnsafe(Math.min(this[Ci], this[ee]));
  }
  [zt]() {
    if (!this[j]) {
      this[j] = true;
      let t = this[vi]();
      if (t.length === 0) return process.nextTick(() => this[Ii](null, 0, t));
      I.read(this[m], t, 0, t.length, null, (e, i, r) => this[Ii](e, i, r));
    }
  }
  [Ii](t, e, i) {
    this[j] = false, t ? this[Ut](t) : this[ki](e, i) && this[zt]();
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
    }
  }
  [Ut](t) {
    this[j] = true, this[H](), this.emit("error", t);
  }
  [ki](t, e) {
    let i = false;
    return this[ee] -= t, t > 0 && (i = super.write(t < e.length ? e.subarray(0, t) : e)), (t === 0 || this[ee] <= 0) && (i = false, this[H](), super.end()), i;
  }
  emit(t, ...e) {
    switch (t) {
      case "prefinish":
      case "finish":
        return false;
      case "drain":
        return typeof this[m] == "number" && this[zt](), false;
      case "error":
        return this[bt] ? false : (this[bt] = true, super.emit(t, ...e));
      default:
        return super.emit(t, ...e);
    }
  }
};
var Be = class extends _t {
  [at]() {
    let t = true;
    try {
      this[Ht](null, I.openSync(this[U], "r")), t = false;
    } finally {
      t && this[H]();
    }
  }
  [zt]() {
    let t = true;
    try {
      if (!this[j]) {
        this[j] = true;
        do {
          let e = this[vi](), i = e.length === 0 ? 0 : I.readSync(this[m], e, 0, e.length, null);
          if (!this[ki](i, e)) break;
        } while (true);
        this[j] = false;
      }
      t = false;
    } finally {
      t && this[H]();
    }
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.closeSync(t), this.emit("close");
    }
  }
};
var et = class extends Qr {
  readable = false;
  writable = true;
  [bt] = false;
  [gt] = false;
  [te] = false;
  [Y] = [];
  [ke] = false;
  [U];
  [ie];
  [ht];
  [m];
  [Me];
  [tt];
  [Ni] = false;
  [ot];
  constructor(t, e) {
    e = e || {}, super(e), this[U] = t, this[m] = typeof e.fd == "number" ? e.fd : void 0, this[ie] = e.mode === void 0 ? 438 : e.mode, this[ot] = typeof e.start == "number" ? e.start : void 0, this[ht] = typeof e.autoClose == "boolean" ? e.autoClose : true;
    let i = this[ot] !== void 0 ? "r+" : "w";
    this[Me] = e.flags === void 0, this[tt] = e.flags === void 0 ? i : e.flags, this[m] === void 0 && this[at]();
  }
  emit(t, ...e) {
    if (t === "error") {
      if (this[bt]) return false;
      this[bt] = true;
    }
    return super.emit(t, ...e);
  }
  get fd() {
    return this[m];
  }
  get path() {
    return this[U];
  }
  [Ut](t) {
    this[H](), this[gt] = true, this.emit("error", t);
  }
  [at]() {
    I.open(this[U], this[tt], this[ie], (t, e) => this[Ht](t, e));
  }
  [Ht](t, e) {
    this[Me] && this[tt] === "r+" && t && t.code === "ENOENT" ? (this[tt] = "w", this[at]()) : t ? this[Ut](t) : (this[m] = e, this.emit("open", e), this[gt] || this[Ai]());
  }
  end(t, e) {
    return t && this.write(t, e), this[te] = true, !this[gt] && !this[Y].length && typeof this[m] == "number" && this[Pt](null, 0), this;
  }
  write(t, e) {
    return typeof t == "string" && (t = Buffer.from(t, e)), this[te] ? (this.emit("error", new Error("write() after end()")), false) : this[m] === void 0 || this[gt] || this[Y].length ? (this[Y].push(t), this[ke] = true, false) : (this[gt] = true, this[ve](t), true);
  }
  [ve](t) {
    I.write(this[m], t, 0, t.length, this[ot], (e, i) => this[Pt](e, i));
  }
  [Pt](t, e) {
    t ? this[Ut](t) : (this[ot] !== void 0 && typeof e == "number" && (this[ot] += e), this[Y].length ? this[Ai]() : (this[gt] = false, this[te] && !this[Ni] ? (this[Ni] = true, this[H](), this.emit("finish")) : this[ke] && (this[ke] = false, this.emit("drain"))));
  }
  [Ai]() {
    if (this[Y].length === 0) this[te] && this[Pt](null, 0);
    else if (this[Y].length === 1) this[ve](this[Y].pop());
    else {
      let t = this[Y];
      this[Y] = [], Jr(this[m], t, this[ot], (e, i) => this[Pt](e, i));
    }
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.close(t, (e) => e ? this.emit("error", e) : this.emit("close"));
    }
  }
};
var Wt = class extends et {
  [at]() {
    let t;
    if (this[Me] && this[tt] === "r+") try {
      t = I.openSync(this[U], this[tt], this[ie]);
    } catch (e) {
      if (e?.code === "ENOENT") return this[tt] = "w", this[at]();
      throw e;
    }
    else t = I.openSync(this[U], this[tt], this[ie]);
    this[Ht](null, t);
  }
  [H]() {
    if (this[ht] && typeof this[m] == "number") {
      let t = this[m];
      this[m] = void 0, I.closeSync(t), this.emit("close");
    }
  }
  [ve](t) {
    let e = true;
    try {
      this[Pt](null, I.writeSync(this[m], t, 0, t.length, this[ot])), e = false;
    } finally {
      if (e) try {
        this[H]();
      } catch {
      }
    }
  }
};
var jr = /* @__PURE__ */ new Map([["C", "cwd"], ["f", "file"], ["z", "gzip"], ["P", "preservePaths"], ["U", "unlink"], ["strip-components", "strip"], ["stripComponents", "strip"], ["keep-newer", "newer"], ["keepNewer", "newer"], ["keep-newer-files", "newer"], ["keepNewerFiles", "newer"], ["k", "keep"], ["keep-existing", "keep"], ["keepExisting", "keep"], ["m", "noMtime"], ["no-mtime", "noMtime"], ["p", "preserveOwner"], ["L", "follow"], ["h", "follow"], ["onentry", "onReadEntry"]]);
var Fs = (s3) => !!s3.sync && !!s3.file;
var ks = (s3) => !s3.sync && !!s3.file;
var vs = (s3) => !!s3.sync && !s3.file;
var Ms = (s3) => !s3.sync && !s3.file;
var Bs = (s3) => !!s3.file;
var tn = (s3) => {
  let t = jr.get(s3);
  return t || s3;
};
var se = (s3 = {}) => {
  if (!s3) return {};
  let t = {};
  for (let [e, i] of Object.entries(s3)) {
    let r = tn(e);
    t[r] = i;
  }
  return t.chmod === void 0 && t.noChmod === false && (t.chmod = true), delete t.noChmod, t;
};
var K = (s3, t, e, i, r) => Object.assign((n = [], o, h) => {
  Array.isArray(n) && (o = n, n = {}), typeof o == "function" && (h = o, o = void 0), o = o ? Array.from(o) : [];
  let a = se(n);
  if (r?.(a, o), Fs(a)) {
    if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
    return s3(a, o);
  } else if (ks(a)) {
    let l = t(a, o);
    return h ? l.then(() => h(), h) : l;
  } else if (vs(a)) {
    if (typeof h == "function") throw new TypeError("callback not supported for sync tar functions");
    return e(a, o);
  } else if (Ms(a)) {
    if (typeof h == "function") throw new TypeError("callback only supported with file option");
    return i(a, o);
  }
  throw new Error("impossible options??");
}, { syncFile: s3, asyncFile: t, syncNoFile: e, asyncNoFile: i, validate: r });
var sn = en.constants || { ZLIB_VERNUM: 4736 };
var M = Object.freeze(Object.assign(/* @__PURE__ */ Object.create(null), { Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: 1 / 0, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1, BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11, BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24, BROTLI_PARAM_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_PARAM_LGWIN: 2, BROTLI_PARAM_LGBLOCK: 3, BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1, BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1, BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4, BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6, BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10, BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12, BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14, BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16, BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22, BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30, BROTLI_DECODER_ERROR_UNREACHABLE: -31 }, sn));
var rn = Ot.concat;
var zs = Object.getOwnPropertyDescriptor(Ot, "concat");
var nn = (s3) => s3;
var Bi = zs?.writable === true || zs?.set !== void 0 ? (s3) => {
  Ot.concat = s3 ? nn : rn;
} : (s3) => {
};
var Tt = /* @__PURE__ */ Symbol("_superWrite");
var Gt = class extends Error {
  code;
  errno;
  constructor(t, e) {
    super("zlib: " + t.message, { cause: t }), this.code = t.code, this.errno = t.errno, this.code || (this.code = "ZLIB_ERROR"), this.message = "zlib: " + t.message, Error.captureStackTrace(this, e ?? this.constructor);
  }
  get name() {
    return "ZlibError";
  }
};
var Pi = /* @__PURE__ */ Symbol("flushFlag");
var re = class extends A {
  #t = false;
  #i = false;
  #s;
  #n;
  #r;
  #e;
  #o;
  get sawError() {
    return this.#t;
  }
  get handle() {
    return this.#e;
  }
  get flushFlag() {
    return this.#s;
  }
  constructor(t, e) {
    if (!t || typeof t != "object") throw new TypeError("invalid options for ZlibBase constructor");
    if (super(t), this.#s = t.flush ?? 0, this.#n = t.finishFlush ?? 0, this.#r = t.fullFlushFlag ?? 0, typeof Ps[e] != "function") throw new TypeError("Compression method not supported: " + e);
    try {
      this.#e = new Ps[e](t);
    } catch (i) {
      throw new Gt(i, this.constructor);
    }
    this.#o = (i) => {
      this.#t || (this.#t = true, this.close(), this.emit("error", i));
    }, this.#e?.on("error", (i) => this.#o(new Gt(i))), this.once("end", () => this.close);
  }
  close() {
    this.#e && (this.#e.close(), this.#e = void 0, this.emit("close"));
  }
  reset() {
    if (!this.#t) return zi(this.#e, "zlib binding closed"), this.#e.reset?.();
  }
  flush(t) {
    this.ended || (typeof t != "number" && (t = this.#r), this.write(Object.assign(Ot.alloc(0), { [Pi]: t })));
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), t && (e ? this.write(t, e) : this.write(t)), this.flush(this.#n), this.#i = true, super.end(i);
  }
  get ended() {
    return this.#i;
  }
  [Tt](t) {
    return super.write(t);
  }
  write(t, e, i) {
    if (typeof e == "function" && (i = e, e = "utf8"), typeof t == "string" && (t = Ot.from(t, e)), this.#t) return;
    zi(this.#e, "zlib binding closed");
    let r = this.#e._handle, n = r.close;
    r.close = () => {
    };
    let o = this.#e.close;
    this.#e.close = () => {
    }, Bi(true);
    let h;
    try {
      let l = typeof t[Pi] == "number" ? t[Pi] : this.#s;
      h = this.#e._processChunk(t, l), Bi(false);
    } catch (l) {
      Bi(false), this.#o(new Gt(l, this.write));
    } finally {
      this.#e && (this.#e._handle = r, r.close = n, this.#e.close = o, this.#e.removeAllListeners("error"));
    }
    this.#e && this.#e.on("error", (l) => this.#o(new Gt(l, this.write)));
    let a;
    if (h) if (Array.isArray(h) && h.length > 0) {
      let l = h[0];
      a = this[Tt](Ot.from(l));
      for (let c2 = 1; c2 < h.length; c2++) a = this[Tt](h[c2]);
    } else a = this[Tt](Ot.from(h));
    return i && i(), a;
  }
};
var Pe = class extends re {
  #t;
  #i;
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.Z_NO_FLUSH, t.finishFlush = t.finishFlush || M.Z_FINISH, t.fullFlushFlag = M.Z_FULL_FLUSH, super(t, e), this.#t = t.level, this.#i = t.strategy;
  }
  params(t, e) {
    if (!this.sawError) {
      if (!this.handle) throw new Error("cannot switch params when binding is closed");
      if (!this.handle.params) throw new Error("not supported in this implementation");
      if (this.#t !== t || this.#i !== e) {
        this.flush(M.Z_SYNC_FLUSH), zi(this.handle, "zlib binding closed");
        let i = this.handle.flush;
        this.handle.flush = (r, n) => {
          typeof r == "function" && (n = r, r = this.flushFlag), this.flush(r), n?.();
        };
        try {
          this.handle.params(t, e);
        } finally {
          this.handle.flush = i;
        }
        this.handle && (this.#t = t, this.#i = e);
      }
    }
  }
};
var ze = class extends Pe {
  #t;
  constructor(t) {
    super(t, "Gzip"), this.#t = t && !!t.portable;
  }
  [Tt](t) {
    return this.#t ? (this.#t = false, t[9] = 255, super[Tt](t)) : super[Tt](t);
  }
};
var Ue = class extends Pe {
  constructor(t) {
    super(t, "Unzip");
  }
};
var He = class extends re {
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.BROTLI_OPERATION_PROCESS, t.finishFlush = t.finishFlush || M.BROTLI_OPERATION_FINISH, t.fullFlushFlag = M.BROTLI_OPERATION_FLUSH, super(t, e);
  }
};
var We = class extends He {
  constructor(t) {
    super(t, "BrotliCompress");
  }
};
var Ge = class extends He {
  constructor(t) {
    super(t, "BrotliDecompress");
  }
};
var Ze = class extends re {
  constructor(t, e) {
    t = t || {}, t.flush = t.flush || M.ZSTD_e_continue, t.finishFlush = t.finishFlush || M.ZSTD_e_end, t.fullFlushFlag = M.ZSTD_e_flush, super(t, e);
  }
};
var Ye = class extends Ze {
  constructor(t) {
    super(t, "ZstdCompress");
  }
};
var Ke = class extends Ze {
  constructor(t) {
    super(t, "ZstdDecompress");
  }
};
var Us = (s3, t) => {
  if (Number.isSafeInteger(s3)) s3 < 0 ? an(s3, t) : hn(s3, t);
  else throw Error("cannot encode number outside of javascript safe integer range");
  return t;
};
var hn = (s3, t) => {
  t[0] = 128;
  for (var e = t.length; e > 1; e--) t[e - 1] = s3 & 255, s3 = Math.floor(s3 / 256);
};
var an = (s3, t) => {
  t[0] = 255;
  var e = false;
  s3 = s3 * -1;
  for (var i = t.length; i > 1; i--) {
    var r = s3 & 255;
    s3 = Math.floor(s3 / 256), e ? t[i - 1] = Ws(r) : r === 0 ? t[i - 1] = 0 : (e = true, t[i - 1] = Gs(r));
  }
};
var Hs = (s3) => {
  let t = s3[0], e = t === 128 ? cn(s3.subarray(1, s3.length)) : t === 255 ? ln(s3) : null;
  if (e === null) throw Error("invalid base256 encoding");
  if (!Number.isSafeInteger(e)) throw Error("parsed number outside of javascript safe integer range");
  return e;
};
var ln = (s3) => {
  for (var t = s3.length, e = 0, i = false, r = t - 1; r > -1; r--) {
    var n = Number(s3[r]), o;
    i ? o = Ws(n) : n === 0 ? o = n : (i = true, o = Gs(n)), o !== 0 && (e -= o * Math.pow(256, t - r - 1));
  }
  return e;
};
var cn = (s3) => {
  for (var t = s3.length, e = 0, i = t - 1; i > -1; i--) {
    var r = Number(s3[i]);
    r !== 0 && (e += r * Math.pow(256, t - i - 1));
  }
  return e;
};
var Ws = (s3) => (255 ^ s3) & 255;
var Gs = (s3) => (255 ^ s3) + 1 & 255;
var Hi = {};
Ur(Hi, { code: () => Ve, isCode: () => ne, isName: () => dn, name: () => oe, normalFsTypes: () => Ui });
var ne = (s3) => oe.has(s3);
var dn = (s3) => Ve.has(s3);
var Ui = /* @__PURE__ */ new Set(["0", "", "1", "2", "3", "4", "5", "6", "7", "D"]);
var oe = /* @__PURE__ */ new Map([["0", "File"], ["", "OldFile"], ["1", "Link"], ["2", "SymbolicLink"], ["3", "CharacterDevice"], ["4", "BlockDevice"], ["5", "Directory"], ["6", "FIFO"], ["7", "ContiguousFile"], ["g", "GlobalExtendedHeader"], ["x", "ExtendedHeader"], ["A", "SolarisACL"], ["D", "GNUDumpDir"], ["I", "Inode"], ["K", "NextFileHasLongLinkpath"], ["L", "NextFileHasLongPath"], ["M", "ContinuationFile"], ["N", "OldGnuLongPath"], ["S", "SparseFile"], ["V", "TapeVolumeHeader"], ["X", "OldExtendedHeader"]]);
var Ve = new Map(Array.from(oe).map((s3) => [s3[1], s3[0]]));
var un = (s3) => s3 === void 0 || s3 < 0 ? void 0 : s3;
var F = class {
  cksumValid = false;
  needPax = false;
  nullBlock = false;
  block;
  path;
  mode;
  uid;
  gid;
  size;
  cksum;
  #t = "Unsupported";
  linkpath;
  uname;
  gname;
  devmaj = 0;
  devmin = 0;
  atime;
  ctime;
  mtime;
  charset;
  comment;
  constructor(t, e = 0, i, r) {
    Buffer.isBuffer(t) ? this.decode(t, e || 0, i, r) : t && this.#i(t);
  }
  decode(t, e, i, r) {
    if (e || (e = 0), !t || !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
    let n = xt(t, e + 156, 1), o = Ui.has(n), h = o ? i : void 0, a = o ? r : void 0;
    if (this.path = h?.path ?? xt(t, e, 100), this.mode = h?.mode ?? a?.mode ?? lt(t, e + 100, 8), this.uid = h?.uid ?? a?.uid ?? lt(t, e + 108, 8), this.gid = h?.gid ?? a?.gid ?? lt(t, e + 116, 8), this.size = un(h?.size ?? a?.size ?? lt(t, e + 124, 12)), this.mtime = h?.mtime ?? a?.mtime ?? Wi(t, e + 136, 12), this.cksum = lt(t, e + 148, 12), a && this.#i(a, true), h && this.#i(h), ne(n) && (this.#t = n || "0"), this.#t === "0" && this.path.slice(-1) === "/" && (this.#t = "5"), this.#t === "5" && (this.size = 0), this.linkpath = xt(t, e + 157, 100), t.subarray(e + 257, e + 265).toString() === "ustar\x0000") if (this.uname = h?.uname ?? a?.uname ?? xt(t, e + 265, 32), this.gname = h?.gname ?? a?.gname ?? xt(t, e + 297, 32), this.devmaj = h?.devmaj ?? a?.devmaj ?? lt(t, e + 329, 8) ?? 0, this.devmin = h?.devmin ?? a?.devmin ?? lt(t, e + 337, 8) ?? 0, t[e + 475] !== 0) {
      let c2 = xt(t, e + 345, 155);
      this.path = c2 + "/" + this.path;
    } else {
      let c2 = xt(t, e + 345, 130);
      c2 && (this.path = c2 + "/" + this.path), this.atime = i?.atime ?? r?.atime ?? Wi(t, e + 476, 12), this.ctime = i?.ctime ?? r?.ctime ?? Wi(t, e + 488, 12);
    }
    let l = 256;
    for (let c2 = e; c2 < e + 148; c2++) l += t[c2];
    for (let c2 = e + 156; c2 < e + 512; c2++) l += t[c2];
    this.cksumValid = l === this.cksum, this.cksum === void 0 && l === 256 && (this.nullBlock = true);
  }
  #i(t, e = false) {
    Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i, r]) => !(r == null || i === "size" && Number(r) < 0 || i === "path" && e || i === "linkpath" && e || i === "global"))));
  }
  encode(t, e = 0) {
    if (t || (t = this.block = Buffer.alloc(512)), this.#t === "Unsupported" && (this.#t = "0"), !(t.length >= e + 512)) throw new Error("need 512 bytes for header");
    let i = this.ctime || this.atime ? 130 : 155, r = mn(this.path || "", i), n = r[0], o = r[1];
    this.needPax = !!r[2], this.needPax = Lt(t, e, 100, n) || this.needPax, this.needPax = ct(t, e + 100, 8, this.mode) || this.needPax, this.needPax = ct(t, e + 108, 8, this.uid) || this.needPax, this.needPax = ct(t, e + 116, 8, this.gid) || this.needPax, this.needPax = ct(t, e + 124, 12, this.size) || this.needPax, this.needPax = Gi(t, e + 136, 12, this.mtime) || this.needPax, t[e + 156] = Number(this.#t.codePointAt(0)), this.needPax = Lt(t, e + 157, 100, this.linkpath) || this.needPax, t.write("ustar\x0000", e + 257, 8), this.needPax = Lt(t, e + 265, 32, this.uname) || this.needPax, this.needPax = Lt(t, e + 297, 32, this.gname) || this.needPax, this.needPax = ct(t, e + 329, 8, this.devmaj) || this.needPax, this.needPax = ct(t, e + 337, 8, this.devmin) || this.needPax, this.needPax = Lt(t, e + 345, i, o) || this.needPax, t[e + 475] !== 0 ? this.needPax = Lt(t, e + 345, 155, o) || this.needPax : (this.needPax = Lt(t, e + 345, 130, o) || this.needPax, this.needPax = Gi(t, e + 476, 12, this.atime) || this.needPax, this.needPax = Gi(t, e + 488, 12, this.ctime) || this.needPax);
    let h = 256;
    for (let a = e; a < e + 148; a++) h += t[a];
    for (let a = e + 156; a < e + 512; a++) h += t[a];
    return this.cksum = h, ct(t, e + 148, 8, this.cksum), this.cksumValid = true, this.needPax;
  }
  get type() {
    return this.#t === "Unsupported" ? this.#t : oe.get(this.#t);
  }
  get typeKey() {
    return this.#t;
  }
  set type(t) {
    let e = String(Ve.get(t));
    if (ne(e) || e === "Unsupported") this.#t = e;
    else if (ne(t)) this.#t = t;
    else throw new TypeError("invalid entry type: " + t);
  }
};
var mn = (s3, t) => {
  let i = s3, r = "", n, o = Zt.parse(s3).root || ".";
  if (Buffer.byteLength(i) < 100) n = [i, r, false];
  else {
    r = Zt.dirname(i), i = Zt.basename(i);
    do
      Buffer.byteLength(i) <= 100 && Buffer.byteLength(r) <= t ? n = [i, r, false] : Buffer.byteLength(i) > 100 && Buffer.byteLength(r) <= t ? n = [i.slice(0, 99), r, true] : (i = Zt.join(Zt.basename(r), i), r = Zt.dirname(r));
    while (r !== o && n === void 0);
    n || (n = [s3.slice(0, 99), "", true]);
  }
  return n;
};
var xt = (s3, t, e) => s3.subarray(t, t + e).toString("utf8").replace(/\0.*/, "");
var Wi = (s3, t, e) => pn(lt(s3, t, e));
var pn = (s3) => s3 === void 0 ? void 0 : new Date(s3 * 1e3);
var lt = (s3, t, e) => Number(s3[t]) & 128 ? Hs(s3.subarray(t, t + e)) : wn(s3, t, e);
var En = (s3) => isNaN(s3) ? void 0 : s3;
var wn = (s3, t, e) => En(parseInt(s3.subarray(t, t + e).toString("utf8").replace(/\0.*$/, "").trim(), 8));
var Sn = { 12: 8589934591, 8: 2097151 };
var ct = (s3, t, e, i) => i === void 0 ? false : i > Sn[e] || i < 0 ? (Us(i, s3.subarray(t, t + e)), true) : (yn(s3, t, e, i), false);
var yn = (s3, t, e, i) => s3.write(Rn(i, e), t, e, "ascii");
var Rn = (s3, t) => gn(Math.floor(s3).toString(8), t);
var gn = (s3, t) => (s3.length === t - 1 ? s3 : new Array(t - s3.length - 1).join("0") + s3 + " ") + "\0";
var Gi = (s3, t, e, i) => i === void 0 ? false : ct(s3, t, e, i.getTime() / 1e3);
var bn = new Array(156).join("\0");
var Lt = (s3, t, e, i) => i === void 0 ? false : (s3.write(i + bn, t, e, "utf8"), i.length !== Buffer.byteLength(i) || i.length > e);
var ft = class s {
  atime;
  mtime;
  ctime;
  charset;
  comment;
  gid;
  uid;
  gname;
  uname;
  linkpath;
  dev;
  ino;
  nlink;
  path;
  size;
  mode;
  global;
  constructor(t, e = false) {
    this.atime = t.atime, this.charset = t.charset, this.comment = t.comment, this.ctime = t.ctime, this.dev = t.dev, this.gid = t.gid, this.global = e, this.gname = t.gname, this.ino = t.ino, this.linkpath = t.linkpath, this.mtime = t.mtime, this.nlink = t.nlink, this.path = t.path, this.size = t.size, this.uid = t.uid, this.uname = t.uname;
  }
  encode() {
    let t = this.encodeBody();
    if (t === "") return Buffer.allocUnsafe(0);
    let e = Buffer.byteLength(t), i = 512 * Math.ceil(1 + e / 512), r = Buffer.allocUnsafe(i);
    for (let n = 0; n < 512; n++) r[n] = 0;
    new F({ path: ("PaxHeader/" + _n(this.path ?? "")).slice(0, 99), mode: this.mode || 420, uid: this.uid, gid: this.gid, size: e, mtime: this.mtime, type: this.global ? "GlobalExtendedHeader" : "ExtendedHeader", linkpath: "", uname: this.uname || "", gname: this.gname || "", devmaj: 0, devmin: 0, atime: this.atime, ctime: this.ctime }).encode(r), r.write(t, 512, e, "utf8");
    for (let n = e + 512; n < r.length; n++) r[n] = 0;
    return r;
  }
  encodeBody() {
    return this.encodeField("path") + this.encodeField("ctime") + this.encodeField("atime") + this.encodeField("dev") + this.encodeField("ino") + this.encodeField("nlink") + this.encodeField("charset") + this.encodeField("comment") + this.encodeField("gid") + this.encodeField("gname") + this.encodeField("linkpath") + this.encodeField("mtime") + this.encodeField("size") + this.encodeField("uid") + this.encodeField("uname");
  }
  encodeField(t) {
    if (this[t] === void 0) return "";
    let e = this[t], i = e instanceof Date ? e.getTime() / 1e3 : e, r = " " + (t === "dev" || t === "ino" || t === "nlink" ? "SCHILY." : "") + t + "=" + i + `
`, n = Buffer.byteLength(r), o = Math.floor(Math.log(n) / Math.log(10)) + 1;
    return n + o >= Math.pow(10, o) && (o += 1), o + n + r;
  }
  static parse(t, e, i = false) {
    return new s(On(Tn(t), e), i);
  }
};
var On = (s3, t) => t ? Object.assign({}, t, s3) : s3;
var Tn = (s3) => s3.replace(/\n$/, "").split(`
`).reduce(xn, /* @__PURE__ */ Object.create(null));
var xn = (s3, t) => {
  let e = parseInt(t, 10);
  if (e !== Buffer.byteLength(t) + 1) return s3;
  t = t.slice((e + " ").length);
  let i = t.split("="), r = i.shift();
  if (!r) return s3;
  let n = r.replace(/^SCHILY\.(dev|ino|nlink)/, "$1"), o = i.join("=").replace(/\0.*/, "");
  switch (n) {
    case "path":
    case "linkpath":
    case "type":
    case "charset":
    case "comment":
    case "gname":
    case "uname":
      s3[n] = o;
      break;
    case "ctime":
    case "atime":
    case "mtime":
      s3[n] = new Date(Number(o) * 1e3);
      break;
    case "size":
      let h = +o;
      h >= 0 && (s3[n] = h);
      break;
    case "gid":
    case "uid":
    case "dev":
    case "ino":
    case "nlink":
    case "mode":
      s3[n] = +o;
      break;
  }
  return s3;
};
var Ln = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var f = Ln !== "win32" ? (s3) => String(s3) : (s3) => String(s3).replaceAll(/\\/g, "/");
var $e = class extends A {
  extended;
  globalExtended;
  header;
  startBlockSize;
  blockRemain;
  remain;
  type;
  meta = false;
  ignore = false;
  path;
  mode;
  uid;
  gid;
  uname;
  gname;
  size = 0;
  mtime;
  atime;
  ctime;
  linkpath;
  dev;
  ino;
  nlink;
  invalid = false;
  absolute;
  unsupported = false;
  constructor(t, e, i) {
    switch (super({}), this.pause(), this.extended = e, this.globalExtended = i, this.header = t, this.remain = t.size ?? 0, this.startBlockSize = 512 * Math.ceil(this.remain / 512), this.blockRemain = this.startBlockSize, this.type = t.type, this.type) {
      case "File":
      case "OldFile":
      case "Link":
      case "SymbolicLink":
      case "CharacterDevice":
      case "BlockDevice":
      case "Directory":
      case "FIFO":
      case "ContiguousFile":
      case "GNUDumpDir":
        break;
      case "NextFileHasLongLinkpath":
      case "NextFileHasLongPath":
      case "OldGnuLongPath":
      case "GlobalExtendedHeader":
      case "ExtendedHeader":
      case "OldExtendedHeader":
        this.meta = true;
        break;
      default:
        this.ignore = true;
    }
    if (!t.path) throw new Error("no path provided for tar.ReadEntry");
    this.path = f(t.path), this.mode = t.mode, this.mode && (this.mode = this.mode & 4095), this.uid = t.uid, this.gid = t.gid, this.uname = t.uname, this.gname = t.gname, this.size = this.remain, this.mtime = t.mtime, this.atime = t.atime, this.ctime = t.ctime, this.linkpath = t.linkpath ? f(t.linkpath) : void 0, this.uname = t.uname, this.gname = t.gname, e && this.#t(e), i && this.#t(i, true);
  }
  write(t) {
    let e = t.length;
    if (e > this.blockRemain) throw new Error("writing more to entry than is appropriate");
    let i = this.remain, r = this.blockRemain;
    return this.remain = Math.max(0, i - e), this.blockRemain = Math.max(0, r - e), this.ignore ? true : i >= e ? super.write(t) : super.write(t.subarray(0, i));
  }
  #t(t, e = false) {
    t.path && (t.path = f(t.path)), t.linkpath && (t.linkpath = f(t.linkpath)), Object.assign(this, Object.fromEntries(Object.entries(t).filter(([i, r]) => !(r == null || i === "path" && e))));
  }
};
var Dt = (s3, t, e, i = {}) => {
  s3.file && (i.file = s3.file), s3.cwd && (i.cwd = s3.cwd), i.code = e instanceof Error && e.code || t, i.tarCode = t, !s3.strict && i.recoverable !== false ? (e instanceof Error && (i = Object.assign(e, i), e = e.message), s3.emit("warn", t, e, i)) : e instanceof Error ? s3.emit("error", Object.assign(e, i)) : s3.emit("error", Object.assign(new Error(`${t}: ${e}`), i));
};
var Nn = 1024 * 1024;
var Xi = Buffer.from([31, 139]);
var qi = Buffer.from([40, 181, 47, 253]);
var An = Math.max(Xi.length, qi.length);
var B = /* @__PURE__ */ Symbol("state");
var Nt = /* @__PURE__ */ Symbol("writeEntry");
var it = /* @__PURE__ */ Symbol("readEntry");
var Zi = /* @__PURE__ */ Symbol("nextEntry");
var Zs = /* @__PURE__ */ Symbol("processEntry");
var V = /* @__PURE__ */ Symbol("extendedHeader");
var he = /* @__PURE__ */ Symbol("globalExtendedHeader");
var dt = /* @__PURE__ */ Symbol("meta");
var Ys = /* @__PURE__ */ Symbol("emitMeta");
var p = /* @__PURE__ */ Symbol("buffer");
var st = /* @__PURE__ */ Symbol("queue");
var ut = /* @__PURE__ */ Symbol("ended");
var Yi = /* @__PURE__ */ Symbol("emittedEnd");
var At = /* @__PURE__ */ Symbol("emit");
var w = /* @__PURE__ */ Symbol("unzip");
var Xe = /* @__PURE__ */ Symbol("consumeChunk");
var qe = /* @__PURE__ */ Symbol("consumeChunkSub");
var Ki = /* @__PURE__ */ Symbol("consumeBody");
var Ks = /* @__PURE__ */ Symbol("consumeMeta");
var Vs = /* @__PURE__ */ Symbol("consumeHeader");
var ae = /* @__PURE__ */ Symbol("consuming");
var Vi = /* @__PURE__ */ Symbol("bufferConcat");
var Qe = /* @__PURE__ */ Symbol("maybeEnd");
var Yt = /* @__PURE__ */ Symbol("writing");
var $ = /* @__PURE__ */ Symbol("aborted");
var Je = /* @__PURE__ */ Symbol("onDone");
var It = /* @__PURE__ */ Symbol("sawValidEntry");
var je = /* @__PURE__ */ Symbol("sawNullBlock");
var ti = /* @__PURE__ */ Symbol("sawEOF");
var $s = /* @__PURE__ */ Symbol("closeStream");
var In = 1e3;
var le = /* @__PURE__ */ Symbol("compressedBytesRead");
var $i = /* @__PURE__ */ Symbol("decompressedBytesRead");
var Xs = /* @__PURE__ */ Symbol("checkDecompressionRatio");
var Cn = () => true;
var rt = class extends Dn {
  file;
  strict;
  maxMetaEntrySize;
  filter;
  brotli;
  zstd;
  maxDecompressionRatio;
  writable = true;
  readable = false;
  [st] = [];
  [p];
  [it];
  [Nt];
  [B] = "begin";
  [dt] = "";
  [V];
  [he];
  [ut] = false;
  [w];
  [$] = false;
  [It];
  [je] = false;
  [ti] = false;
  [Yt] = false;
  [ae] = false;
  [Yi] = false;
  [le] = 0;
  [$i] = 0;
  constructor(t = {}) {
    super(), this.file = t.file || "", this.on(Je, () => {
      (this[B] === "begin" || this[It] === false) && this.warn("TAR_BAD_ARCHIVE", "Unrecognized archive format");
    }), t.ondone ? this.on(Je, t.ondone) : this.on(Je, () => {
      this.emit("prefinish"), this.emit("finish"), this.emit("end");
    }), this.strict = !!t.strict, this.maxDecompressionRatio = typeof t.maxDecompressionRatio == "number" ? t.maxDecompressionRatio : In, this.maxMetaEntrySize = t.maxMetaEntrySize || Nn, this.filter = typeof t.filter == "function" ? t.filter : Cn;
    let e = t.file && (t.file.endsWith(".tar.br") || t.file.endsWith(".tbr"));
    this.brotli = !(t.gzip || t.zstd) && t.brotli !== void 0 ? t.brotli : e ? void 0 : false;
    let i = t.file && (t.file.endsWith(".tar.zst") || t.file.endsWith(".tzst"));
    this.zstd = !(t.gzip || t.brotli) && t.zstd !== void 0 ? t.zstd : i ? true : void 0, this.on("end", () => this[$s]()), typeof t.onwarn == "function" && this.on("warn", t.onwarn), typeof t.onReadEntry == "function" && this.on("entry", t.onReadEntry);
  }
  warn(t, e, i = {}) {
    Dt(this, t, e, i);
  }
  [Vs](t, e) {
    this[It] === void 0 && (this[It] = false);
    let i;
    try {
      i = new F(t, e, this[V], this[he]);
    } catch (r) {
      return this.warn("TAR_ENTRY_INVALID", r);
    }
    if (i.nullBlock) this[je] ? (this[ti] = true, this[B] === "begin" && (this[B] = "header"), this[At]("eof")) : (this[je] = true, this[At]("nullBlock"));
    else if (this[je] = false, !i.cksumValid) this.warn("TAR_ENTRY_INVALID", "checksum failure", { header: i });
    else if (!i.path) this.warn("TAR_ENTRY_INVALID", "path is required", { header: i });
    else {
      let r = i.type;
      if (/^(Symbolic)?Link$/.test(r) && !i.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath required", { header: i });
      else if (!/^(Symbolic)?Link$/.test(r) && !/^(Global)?ExtendedHeader$/.test(r) && i.linkpath) this.warn("TAR_ENTRY_INVALID", "linkpath forbidden", { header: i });
      else {
        let n = this[Nt] = new $e(i, this[V], this[he]);
        if (!this[It]) if (n.remain) {
          let o = () => {
            n.invalid || (this[It] = true);
          };
          n.on("end", o);
        } else this[It] = true;
        n.meta ? n.size > this.maxMetaEntrySize ? (n.ignore = true, this[At]("ignoredEntry", n), this[B] = "ignore", n.resume()) : n.size > 0 && (this[dt] = "", n.on("data", (o) => this[dt] += o), this[B] = "meta") : (this[V] = void 0, n.ignore = n.ignore || !this.filter(n.path, n), n.ignore ? (this[At]("ignoredEntry", n), this[B] = n.remain ? "ignore" : "header", n.resume()) : (n.remain ? this[B] = "body" : (this[B] = "header", n.end()), this[it] ? this[st].push(n) : (this[st].push(n), this[Zi]())));
      }
    }
  }
  [$s]() {
    queueMicrotask(() => this.emit("close"));
  }
  [Zs](t) {
    let e = true;
    if (!t) this[it] = void 0, e = false;
    else if (Array.isArray(t)) {
      let [i, ...r] = t;
      this.emit(i, ...r);
    } else this[it] = t, this.emit("entry", t), t.emittedEnd || (t.on("end", () => this[Zi]()), e = false);
    return e;
  }
  [Zi]() {
    do
      ;
    while (this[Zs](this[st].shift()));
    if (this[st].length === 0) {
      let t = this[it];
      !t || t.flowing || t.size === t.remain ? this[Yt] || this.emit("drain") : t.once("drain", () => this.emit("drain"));
    }
  }
  [Ki](t, e) {
    let i = this[Nt];
    if (!i) throw new Error("attempt to consume body without entry??");
    let r = i.blockRemain ?? 0, n = r >= t.length && e === 0 ? t : t.subarray(e, e + r);
    return i.write(n), i.blockRemain || (this[B] = "header", this[Nt] = void 0, i.end()), n.length;
  }
  [Ks](t, e) {
    let i = this[Nt], r = this[Ki](t, e);
    return !this[Nt] && i && this[Ys](i), r;
  }
  [At](t, e, i) {
    this[st].length === 0 && !this[it] ? this.emit(t, e, i) : this[st].push([t, e, i]);
  }
  [Ys](t) {
    switch (this[At]("meta", this[dt]), t.type) {
      case "ExtendedHeader":
      case "OldExtendedHeader":
        this[V] = ft.parse(this[dt], this[V], false);
        break;
      case "GlobalExtendedHeader":
        this[he] = ft.parse(this[dt], this[he], true);
        break;
      case "NextFileHasLongPath":
      case "OldGnuLongPath": {
        let e = this[V] ?? /* @__PURE__ */ Object.create(null);
        this[V] = e, e.path = this[dt].replace(/\0.*/, "");
        break;
      }
      case "NextFileHasLongLinkpath": {
        let e = this[V] || /* @__PURE__ */ Object.create(null);
        this[V] = e, e.linkpath = this[dt].replace(/\0.*/, "");
        break;
      }
      default:
        throw new Error("unknown meta: " + t.type);
    }
  }
  abort(t) {
    if (!this[$]) {
      if (this[w]) {
        let e = this[w];
        e.write = () => true, e.end = () => e, e.emit = () => false, e.destroy?.();
      }
      this[$] = true, this.emit("abort", t), this.warn("TAR_ABORT", t, { recoverable: false });
    }
  }
  [Xs](t) {
    this[$i] += t.length;
    let e = this[$i] / this[le];
    return e > this.maxDecompressionRatio ? (this.abort(new Error(`max decompression ratio exceeded: ${e.toFixed(2)} > ${this.maxDecompressionRatio}`)), false) : true;
  }
  write(t, e, i) {
    if (typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this[$]) return i?.(), false;
    if ((this[w] === void 0 || this.brotli === void 0 && this[w] === false) && t) {
      if (this[p] && (t = Buffer.concat([this[p], t]), this[p] = void 0), t.length < An) return this[p] = t, i?.(), true;
      for (let a = 0; this[w] === void 0 && a < Xi.length; a++) t[a] !== Xi[a] && (this[w] = false);
      let o = false;
      if (this[w] === false && this.zstd !== false) {
        o = true;
        for (let a = 0; a < qi.length; a++) if (t[a] !== qi[a]) {
          o = false;
          break;
        }
      }
      let h = this.brotli === void 0 && !o;
      if (this[w] === false && h) if (t.length < 512) if (this[ut]) this.brotli = true;
      else return this[p] = t, i?.(), true;
      else try {
        new F(t.subarray(0, 512)), this.brotli = false;
      } catch {
        this.brotli = true;
      }
      if (this[w] === void 0 || this[w] === false && (this.brotli || o)) {
        let a = this[ut];
        this[ut] = false, this[w] = this[w] === void 0 ? new Ue({}) : o ? new Ke({}) : new Ge({}), this[w].on("data", (c2) => {
          this[Xs](c2) && this[Xe](c2);
        }), this[w].on("error", (c2) => {
          this[$] || this.abort(c2);
        }), this[w].on("end", () => {
          this[ut] = true, this[Xe]();
        }), this[Yt] = true, this[le] += t.length;
        let l = !!this[w][a ? "end" : "write"](t);
        return this[Yt] = false, i?.(), l;
      }
    }
    this[Yt] = true, this[w] ? (this[le] += t.length, this[w].write(t)) : this[Xe](t), this[Yt] = false;
    let n = this[st].length > 0 ? false : this[it] ? this[it].flowing : true;
    return !n && this[st].length === 0 && this[it]?.once("drain", () => this.emit("drain")), i?.(), n;
  }
  [Vi](t) {
    t && !this[$] && (this[p] = this[p] ? Buffer.concat([this[p], t]) : t);
  }
  [Qe]() {
    if (this[ut] && !this[Yi] && !this[$] && !this[ae]) {
      this[Yi] = true;
      let t = this[Nt];
      if (t?.blockRemain) {
        let e = this[p] ? this[p].length : 0;
        this.warn("TAR_BAD_ARCHIVE", `Truncated input (needed ${t.blockRemain} more bytes, only ${e} available)`, { entry: t }), this[p] && t.write(this[p]), t.end();
      }
      this[At](Je);
    }
  }
  [Xe](t) {
    if (this[ae] && t) this[Vi](t);
    else if (!t && !this[p]) this[Qe]();
    else if (t) {
      if (this[ae] = true, this[p]) {
        this[Vi](t);
        let e = this[p];
        this[p] = void 0, this[qe](e);
      } else this[qe](t);
      for (; this[p] && this[p]?.length >= 512 && !this[$] && !this[ti]; ) {
        let e = this[p];
        this[p] = void 0, this[qe](e);
      }
      this[ae] = false;
    }
    (!this[p] || this[ut]) && this[Qe]();
  }
  [qe](t) {
    let e = 0, i = t.length;
    for (; e + 512 <= i && !this[$] && !this[ti]; ) switch (this[B]) {
      case "begin":
      case "header":
        this[Vs](t, e), e += 512;
        break;
      case "ignore":
      case "body":
        e += this[Ki](t, e);
        break;
      case "meta":
        e += this[Ks](t, e);
        break;
      default:
        throw new Error("invalid state: " + this[B]);
    }
    e < i && (this[p] = this[p] ? Buffer.concat([t.subarray(e), this[p]]) : t.subarray(e));
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e)), i && this.once("finish", i), this[$] || (this[w] ? (t && (this[le] += t.length, this[w].write(t)), this[w].end()) : (this[ut] = true, (this.brotli === void 0 || this.zstd === void 0) && (t = t || Buffer.alloc(0)), t && this.write(t), this[Qe]())), this;
  }
};
var mt = (s3) => {
  let t = s3.length - 1, e = -1;
  for (; t > -1 && s3.charAt(t) === "/"; ) e = t, t--;
  return e === -1 ? s3 : s3.slice(0, e);
};
var vn = (s3) => {
  let t = s3.onReadEntry;
  s3.onReadEntry = t ? (e) => {
    t(e), e.resume();
  } : (e) => e.resume();
};
var Qi = (s3, t) => {
  let e = new Map(t.map((o) => [mt(o), true])), i = s3.filter, r = 100, n = (o, h = "", a = 0) => {
    if (a >= r) return e.set(o, false), false;
    let l = h || kn(o).root || ".", c2;
    if (o === l) c2 = false;
    else {
      let d = e.get(o);
      c2 = d !== void 0 ? d : n(Fn(o), l, a + 1);
    }
    return e.set(o, c2), c2;
  };
  s3.filter = i ? (o, h) => i(o, h) && n(mt(o)) : (o) => n(mt(o));
};
var Mn = (s3) => {
  let t = new rt(s3), e = s3.file, i;
  try {
    i = Kt.openSync(e, "r");
    let r = Kt.fstatSync(i), n = s3.maxReadSize || 16 * 1024 * 1024;
    if (r.size < n) {
      let o = Buffer.allocUnsafe(r.size), h = Kt.readSync(i, o, 0, r.size, 0);
      t.end(h === o.byteLength ? o : o.subarray(0, h));
    } else {
      let o = 0, h = Buffer.allocUnsafe(n);
      for (; o < r.size; ) {
        let a = Kt.readSync(i, h, 0, n, o);
        if (a === 0) break;
        o += a, t.write(h.subarray(0, a));
      }
      t.end();
    }
  } finally {
    if (typeof i == "number") try {
      Kt.closeSync(i);
    } catch {
    }
  }
};
var Bn = (s3, t) => {
  let e = new rt(s3), i = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
  return new Promise((o, h) => {
    e.on("error", h), e.on("end", o), Kt.stat(r, (a, l) => {
      if (a) h(a);
      else {
        let c2 = new _t(r, { readSize: i, size: l.size });
        c2.on("error", h), c2.pipe(e);
      }
    });
  });
};
var Ct = K(Mn, Bn, (s3) => new rt(s3), (s3) => new rt(s3), (s3, t) => {
  t?.length && Qi(s3, t), s3.noResume || vn(s3);
});
var Ji = (s3, t, e) => (s3 &= 4095, e && (s3 = (s3 | 384) & -19), t && (s3 & 256 && (s3 |= 64), s3 & 32 && (s3 |= 8), s3 & 4 && (s3 |= 1)), s3);
var { isAbsolute: zn, parse: qs } = Pn;
var ce = (s3) => {
  let t = "", e = qs(s3);
  for (; zn(s3) || e.root; ) {
    let i = s3.charAt(0) === "/" && s3.slice(0, 4) !== "//?/" ? "/" : e.root;
    s3 = s3.slice(i.length), t += i, e = qs(s3);
  }
  return [t, s3];
};
var ei = ["|", "<", ">", "?", ":"];
var ji = ei.map((s3) => String.fromCodePoint(61440 + Number(s3.codePointAt(0))));
var Un = new Map(ei.map((s3, t) => [s3, ji[t]]));
var Hn = new Map(ji.map((s3, t) => [s3, ei[t]]));
var ts = (s3) => ei.reduce((t, e) => t.split(e).join(Un.get(e)), s3);
var Qs = (s3) => ji.reduce((t, e) => t.split(e).join(Hn.get(e)), s3);
var rr = (s3, t) => t ? (s3 = f(s3).replace(/^\.(\/|$)/, ""), mt(t) + "/" + s3) : f(s3);
var Wn = 16 * 1024 * 1024;
var tr = /* @__PURE__ */ Symbol("process");
var er = /* @__PURE__ */ Symbol("file");
var ir = /* @__PURE__ */ Symbol("directory");
var is = /* @__PURE__ */ Symbol("symlink");
var sr = /* @__PURE__ */ Symbol("hardlink");
var fe = /* @__PURE__ */ Symbol("header");
var ii = /* @__PURE__ */ Symbol("read");
var ss = /* @__PURE__ */ Symbol("lstat");
var si = /* @__PURE__ */ Symbol("onlstat");
var rs = /* @__PURE__ */ Symbol("onread");
var ns = /* @__PURE__ */ Symbol("onreadlink");
var os = /* @__PURE__ */ Symbol("openfile");
var hs = /* @__PURE__ */ Symbol("onopenfile");
var pt = /* @__PURE__ */ Symbol("close");
var ri = /* @__PURE__ */ Symbol("mode");
var as = /* @__PURE__ */ Symbol("awaitDrain");
var es = /* @__PURE__ */ Symbol("ondrain");
var q = /* @__PURE__ */ Symbol("prefix");
var de = class extends A {
  path;
  portable;
  myuid = process.getuid && process.getuid() || 0;
  myuser = process.env.USER || "";
  maxReadSize;
  linkCache;
  statCache;
  preservePaths;
  cwd;
  strict;
  mtime;
  noPax;
  noMtime;
  prefix;
  fd;
  blockLen = 0;
  blockRemain = 0;
  buf;
  pos = 0;
  remain = 0;
  length = 0;
  offset = 0;
  win32;
  absolute;
  header;
  type;
  linkpath;
  stat;
  onWriteEntry;
  #t = false;
  constructor(t, e = {}) {
    let i = se(e);
    super(), this.path = f(t), this.portable = !!i.portable, this.maxReadSize = i.maxReadSize || Wn, this.linkCache = i.linkCache || /* @__PURE__ */ new Map(), this.statCache = i.statCache || /* @__PURE__ */ new Map(), this.preservePaths = !!i.preservePaths, this.cwd = f(i.cwd || process.cwd()), this.strict = !!i.strict, this.noPax = !!i.noPax, this.noMtime = !!i.noMtime, this.mtime = i.mtime, this.prefix = i.prefix ? f(i.prefix) : void 0, this.onWriteEntry = i.onWriteEntry, typeof i.onwarn == "function" && this.on("warn", i.onwarn);
    let r = false;
    if (!this.preservePaths) {
      let [o, h] = ce(this.path);
      o && typeof h == "string" && (this.path = h, r = o);
    }
    this.win32 = !!i.win32 || process.platform === "win32", this.win32 && (this.path = Qs(this.path.replaceAll(/\\/g, "/")), t = t.replaceAll(/\\/g, "/")), this.absolute = f(i.absolute || js.resolve(this.cwd, t)), this.path === "" && (this.path = "./"), r && this.warn("TAR_ENTRY_INFO", `stripping ${r} from absolute path`, { entry: this, path: r + this.path });
    let n = this.statCache.get(this.absolute);
    n ? this[si](n) : this[ss]();
  }
  warn(t, e, i = {}) {
    return Dt(this, t, e, i);
  }
  emit(t, ...e) {
    return t === "error" && (this.#t = true), super.emit(t, ...e);
  }
  [ss]() {
    X.lstat(this.absolute, (t, e) => {
      if (t) return this.emit("error", t);
      this[si](e);
    });
  }
  [si](t) {
    this.statCache.set(this.absolute, t), this.stat = t, t.isFile() || (t.size = 0), this.type = Gn(t), this.emit("stat", t), this[tr]();
  }
  [tr]() {
    switch (this.type) {
      case "File":
        return this[er]();
      case "Directory":
        return this[ir]();
      case "SymbolicLink":
        return this[is]();
      default:
        return this.end();
    }
  }
  [ri](t) {
    return Ji(t, this.type === "Directory", this.portable);
  }
  [q](t) {
    return rr(t, this.prefix);
  }
  [fe]() {
    if (!this.stat) throw new Error("cannot write header before stat");
    this.type === "Directory" && this.portable && (this.noMtime = true), this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this[ri](this.stat.mode), uid: this.portable ? void 0 : this.stat.uid, gid: this.portable ? void 0 : this.stat.gid, size: this.stat.size, mtime: this.noMtime ? void 0 : this.mtime || this.stat.mtime, type: this.type === "Unsupported" ? void 0 : this.type, uname: this.portable ? void 0 : this.stat.uid === this.myuid ? this.myuser : "", atime: this.portable ? void 0 : this.stat.atime, ctime: this.portable ? void 0 : this.stat.ctime }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.header.atime, ctime: this.portable ? void 0 : this.header.ctime, gid: this.portable ? void 0 : this.header.gid, mtime: this.noMtime ? void 0 : this.mtime || this.header.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.header.size, uid: this.portable ? void 0 : this.header.uid, uname: this.portable ? void 0 : this.header.uname, dev: this.portable ? void 0 : this.stat.dev, ino: this.portable ? void 0 : this.stat.ino, nlink: this.portable ? void 0 : this.stat.nlink }).encode());
    let t = this.header?.block;
    if (!t) throw new Error("failed to encode header");
    super.write(t);
  }
  [ir]() {
    if (!this.stat) throw new Error("cannot create directory entry without stat");
    this.path.slice(-1) !== "/" && (this.path += "/"), this.stat.size = 0, this[fe](), this.end();
  }
  [is]() {
    X.readlink(this.absolute, (t, e) => {
      if (t) return this.emit("error", t);
      this[ns](e);
    });
  }
  [ns](t) {
    this.linkpath = f(t), this[fe](), this.end();
  }
  [sr](t) {
    if (!this.stat) throw new Error("cannot create link entry without stat");
    this.type = "Link", this.linkpath = f(js.relative(this.cwd, t)), this.stat.size = 0, this[fe](), this.end();
  }
  [er]() {
    if (!this.stat) throw new Error("cannot create file entry without stat");
    if (this.stat.nlink > 1) {
      let t = `${this.stat.dev}:${this.stat.ino}`, e = this.linkCache.get(t);
      if (e?.indexOf(this.cwd) === 0) return this[sr](e);
      this.linkCache.set(t, this.absolute);
    }
    if (this[fe](), this.stat.size === 0) return this.end();
    this[os]();
  }
  [os]() {
    X.open(this.absolute, "r", (t, e) => {
      if (t) return this.emit("error", t);
      this[hs](e);
    });
  }
  [hs](t) {
    if (this.fd = t, this.#t) return this[pt]();
    if (!this.stat) throw new Error("should stat before calling onopenfile");
    this.blockLen = 512 * Math.ceil(this.stat.size / 512), this.blockRemain = this.blockLen;
    let e = Math.min(this.blockLen, this.maxReadSize);
    this.buf = Buffer.allocUnsafe(e), this.offset = 0, this.pos = 0, this.remain = this.stat.size, this.length = this.buf.length, this[ii]();
  }
  [ii]() {
    let { fd: t, buf: e, offset: i, length: r, pos: n } = this;
    if (t === void 0 || e === void 0) throw new Error("cannot read file without first opening");
    X.read(t, e, i, r, n, (o, h) => {
      if (o) return this[pt](() => this.emit("error", o));
      this[rs](h);
    });
  }
  [pt](t = () => {
  }) {
    this.fd !== void 0 && X.close(this.fd, t);
  }
  [rs](t) {
    if (t <= 0 && this.remain > 0) {
      let r = Object.assign(new Error("encountered unexpected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
      return this[pt](() => this.emit("error", r));
    }
    if (t > this.remain) {
      let r = Object.assign(new Error("did not encounter expected EOF"), { path: this.absolute, syscall: "read", code: "EOF" });
      return this[pt](() => this.emit("error", r));
    }
    if (!this.buf) throw new Error("should have created buffer prior to reading");
    if (t === this.remain) for (let r = t; r < this.length && t < this.blockRemain; r++) this.buf[r + this.offset] = 0, t++, this.remain++;
    let e = this.offset === 0 && t === this.buf.length ? this.buf : this.buf.subarray(this.offset, this.offset + t);
    this.write(e) ? this[es]() : this[as](() => this[es]());
  }
  [as](t) {
    this.once("drain", t);
  }
  write(t, e, i) {
    if (typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8")), this.blockRemain < t.length) {
      let r = Object.assign(new Error("writing more data than expected"), { path: this.absolute });
      return this.emit("error", r);
    }
    return this.remain -= t.length, this.blockRemain -= t.length, this.pos += t.length, this.offset += t.length, super.write(t, null, i);
  }
  [es]() {
    if (!this.remain) return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), this[pt]((t) => t ? this.emit("error", t) : this.end());
    if (!this.buf) throw new Error("buffer lost somehow in ONDRAIN");
    this.offset >= this.length && (this.buf = Buffer.allocUnsafe(Math.min(this.blockRemain, this.buf.length)), this.offset = 0), this.length = this.buf.length - this.offset, this[ii]();
  }
};
var ni = class extends de {
  sync = true;
  [ss]() {
    this[si](X.lstatSync(this.absolute));
  }
  [is]() {
    this[ns](X.readlinkSync(this.absolute));
  }
  [os]() {
    this[hs](X.openSync(this.absolute, "r"));
  }
  [ii]() {
    let t = true;
    try {
      let { fd: e, buf: i, offset: r, length: n, pos: o } = this;
      if (e === void 0 || i === void 0) throw new Error("fd and buf must be set in READ method");
      let h = X.readSync(e, i, r, n, o);
      this[rs](h), t = false;
    } finally {
      if (t) try {
        this[pt](() => {
        });
      } catch {
      }
    }
  }
  [as](t) {
    t();
  }
  [pt](t = () => {
  }) {
    this.fd !== void 0 && X.closeSync(this.fd), t();
  }
};
var oi = class extends A {
  blockLen = 0;
  blockRemain = 0;
  buf = 0;
  pos = 0;
  remain = 0;
  length = 0;
  preservePaths;
  portable;
  strict;
  noPax;
  noMtime;
  readEntry;
  type;
  prefix;
  path;
  mode;
  uid;
  gid;
  uname;
  gname;
  header;
  mtime;
  atime;
  ctime;
  linkpath;
  size;
  onWriteEntry;
  warn(t, e, i = {}) {
    return Dt(this, t, e, i);
  }
  constructor(t, e = {}) {
    let i = se(e);
    super(), this.preservePaths = !!i.preservePaths, this.portable = !!i.portable, this.strict = !!i.strict, this.noPax = !!i.noPax, this.noMtime = !!i.noMtime, this.onWriteEntry = i.onWriteEntry, this.readEntry = t;
    let { type: r } = t;
    if (r === "Unsupported") throw new Error("writing entry that should be ignored");
    this.type = r, this.type === "Directory" && this.portable && (this.noMtime = true), this.prefix = i.prefix, this.path = f(t.path), this.mode = t.mode !== void 0 ? this[ri](t.mode) : void 0, this.uid = this.portable ? void 0 : t.uid, this.gid = this.portable ? void 0 : t.gid, this.uname = this.portable ? void 0 : t.uname, this.gname = this.portable ? void 0 : t.gname, this.size = t.size, this.mtime = this.noMtime ? void 0 : i.mtime || t.mtime, this.atime = this.portable ? void 0 : t.atime, this.ctime = this.portable ? void 0 : t.ctime, this.linkpath = t.linkpath !== void 0 ? f(t.linkpath) : void 0, typeof i.onwarn == "function" && this.on("warn", i.onwarn);
    let n = false;
    if (!this.preservePaths) {
      let [h, a] = ce(this.path);
      h && typeof a == "string" && (this.path = a, n = h);
    }
    this.remain = t.size, this.blockRemain = t.startBlockSize, this.onWriteEntry?.(this), this.header = new F({ path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, mode: this.mode, uid: this.portable ? void 0 : this.uid, gid: this.portable ? void 0 : this.gid, size: this.size, mtime: this.noMtime ? void 0 : this.mtime, type: this.type, uname: this.portable ? void 0 : this.uname, atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime }), n && this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute path`, { entry: this, path: n + this.path }), this.header.encode() && !this.noPax && super.write(new ft({ atime: this.portable ? void 0 : this.atime, ctime: this.portable ? void 0 : this.ctime, gid: this.portable ? void 0 : this.gid, mtime: this.noMtime ? void 0 : this.mtime, path: this[q](this.path), linkpath: this.type === "Link" && this.linkpath !== void 0 ? this[q](this.linkpath) : this.linkpath, size: this.size, uid: this.portable ? void 0 : this.uid, uname: this.portable ? void 0 : this.uname, dev: this.portable ? void 0 : this.readEntry.dev, ino: this.portable ? void 0 : this.readEntry.ino, nlink: this.portable ? void 0 : this.readEntry.nlink }).encode());
    let o = this.header?.block;
    if (!o) throw new Error("failed to encode header");
    super.write(o), t.pipe(this);
  }
  [q](t) {
    return rr(t, this.prefix);
  }
  [ri](t) {
    return Ji(t, this.type === "Directory", this.portable);
  }
  write(t, e, i) {
    typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, typeof e == "string" ? e : "utf8"));
    let r = t.length;
    if (r > this.blockRemain) throw new Error("writing more to entry than is appropriate");
    return this.blockRemain -= r, super.write(t, i);
  }
  end(t, e, i) {
    return this.blockRemain && super.write(Buffer.alloc(this.blockRemain)), typeof t == "function" && (i = t, e = void 0, t = void 0), typeof e == "function" && (i = e, e = void 0), typeof t == "string" && (t = Buffer.from(t, e ?? "utf8")), i && this.once("finish", i), t ? super.end(t, i) : super.end(i), this;
  }
};
var Gn = (s3) => s3.isFile() ? "File" : s3.isDirectory() ? "Directory" : s3.isSymbolicLink() ? "SymbolicLink" : "Unsupported";
var hi = class s2 {
  tail;
  head;
  length = 0;
  static create(t = []) {
    return new s2(t);
  }
  constructor(t = []) {
    for (let e of t) this.push(e);
  }
  *[Symbol.iterator]() {
    for (let t = this.head; t; t = t.next) yield t.value;
  }
  removeNode(t) {
    if (t.list !== this) throw new Error("removing node which does not belong to this list");
    let e = t.next, i = t.prev;
    return e && (e.prev = i), i && (i.next = e), t === this.head && (this.head = e), t === this.tail && (this.tail = i), this.length--, t.next = void 0, t.prev = void 0, t.list = void 0, e;
  }
  unshiftNode(t) {
    if (t === this.head) return;
    t.list && t.list.removeNode(t);
    let e = this.head;
    t.list = this, t.next = e, e && (e.prev = t), this.head = t, this.tail || (this.tail = t), this.length++;
  }
  pushNode(t) {
    if (t === this.tail) return;
    t.list && t.list.removeNode(t);
    let e = this.tail;
    t.list = this, t.prev = e, e && (e.next = t), this.tail = t, this.head || (this.head = t), this.length++;
  }
  push(...t) {
    for (let e = 0, i = t.length; e < i; e++) Yn(this, t[e]);
    return this.length;
  }
  unshift(...t) {
    for (var e = 0, i = t.length; e < i; e++) Kn(this, t[e]);
    return this.length;
  }
  pop() {
    if (!this.tail) return;
    let t = this.tail.value, e = this.tail;
    return this.tail = this.tail.prev, this.tail ? this.tail.next = void 0 : this.head = void 0, e.list = void 0, this.length--, t;
  }
  shift() {
    if (!this.head) return;
    let t = this.head.value, e = this.head;
    return this.head = this.head.next, this.head ? this.head.prev = void 0 : this.tail = void 0, e.list = void 0, this.length--, t;
  }
  forEach(t, e) {
    e = e || this;
    for (let i = this.head, r = 0; i; r++) t.call(e, i.value, r, this), i = i.next;
  }
  forEachReverse(t, e) {
    e = e || this;
    for (let i = this.tail, r = this.length - 1; i; r--) t.call(e, i.value, r, this), i = i.prev;
  }
  get(t) {
    let e = 0, i = this.head;
    for (; i && e < t; e++) i = i.next;
    if (e === t && i) return i.value;
  }
  getReverse(t) {
    let e = 0, i = this.tail;
    for (; i && e < t; e++) i = i.prev;
    if (e === t && i) return i.value;
  }
  map(t, e) {
    e = e || this;
    let i = new s2();
    for (let r = this.head; r; ) i.push(t.call(e, r.value, this)), r = r.next;
    return i;
  }
  mapReverse(t, e) {
    e = e || this;
    var i = new s2();
    for (let r = this.tail; r; ) i.push(t.call(e, r.value, this)), r = r.prev;
    return i;
  }
  reduce(t, e) {
    let i, r = this.head;
    if (arguments.length > 1) i = e;
    else if (this.head) r = this.head.next, i = this.head.value;
    else throw new TypeError("Reduce of empty list with no initial value");
    for (var n = 0; r; n++) i = t(i, r.value, n), r = r.next;
    return i;
  }
  reduceReverse(t, e) {
    let i, r = this.tail;
    if (arguments.length > 1) i = e;
    else if (this.tail) r = this.tail.prev, i = this.tail.value;
    else throw new TypeError("Reduce of empty list with no initial value");
    for (let n = this.length - 1; r; n--) i = t(i, r.value, n), r = r.prev;
    return i;
  }
  toArray() {
    let t = new Array(this.length);
    for (let e = 0, i = this.head; i; e++) t[e] = i.value, i = i.next;
    return t;
  }
  toArrayReverse() {
    let t = new Array(this.length);
    for (let e = 0, i = this.tail; i; e++) t[e] = i.value, i = i.prev;
    return t;
  }
  slice(t = 0, e = this.length) {
    e < 0 && (e += this.length), t < 0 && (t += this.length);
    let i = new s2();
    if (e < t || e < 0) return i;
    t < 0 && (t = 0), e > this.length && (e = this.length);
    let r = this.head, n = 0;
    for (n = 0; r && n < t; n++) r = r.next;
    for (; r && n < e; n++, r = r.next) i.push(r.value);
    return i;
  }
  sliceReverse(t = 0, e = this.length) {
    e < 0 && (e += this.length), t < 0 && (t += this.length);
    let i = new s2();
    if (e < t || e < 0) return i;
    t < 0 && (t = 0), e > this.length && (e = this.length);
    let r = this.length, n = this.tail;
    for (; n && r > e; r--) n = n.prev;
    for (; n && r > t; r--, n = n.prev) i.push(n.value);
    return i;
  }
  splice(t, e = 0, ...i) {
    t > this.length && (t = this.length - 1), t < 0 && (t = this.length + t);
    let r = this.head;
    for (let o = 0; r && o < t; o++) r = r.next;
    let n = [];
    for (let o = 0; r && o < e; o++) n.push(r.value), r = this.removeNode(r);
    r ? r !== this.tail && (r = r.prev) : r = this.tail;
    for (let o of i) r = Zn(this, r, o);
    return n;
  }
  reverse() {
    let t = this.head, e = this.tail;
    for (let i = t; i; i = i.prev) {
      let r = i.prev;
      i.prev = i.next, i.next = r;
    }
    return this.head = e, this.tail = t, this;
  }
};
function Zn(s3, t, e) {
  let i = t, r = t ? t.next : s3.head, n = new ue(e, i, r, s3);
  return n.next === void 0 && (s3.tail = n), n.prev === void 0 && (s3.head = n), s3.length++, n;
}
function Yn(s3, t) {
  s3.tail = new ue(t, s3.tail, void 0, s3), s3.head || (s3.head = s3.tail), s3.length++;
}
function Kn(s3, t) {
  s3.head = new ue(t, void 0, s3.head, s3), s3.tail || (s3.tail = s3.head), s3.length++;
}
var ue = class {
  list;
  next;
  prev;
  value;
  constructor(t, e, i, r) {
    this.list = r, this.value = t, e ? (e.next = this, this.prev = e) : this.prev = void 0, i ? (i.prev = this, this.next = i) : this.next = void 0;
  }
};
var pi = class {
  path;
  absolute;
  entry;
  stat;
  readdir;
  pending = false;
  pendingLink = false;
  ignore = false;
  piped = false;
  constructor(t, e) {
    this.path = t || "./", this.absolute = e;
  }
};
var nr = Buffer.alloc(1024);
var li = /* @__PURE__ */ Symbol("onStat");
var me = /* @__PURE__ */ Symbol("ended");
var W = /* @__PURE__ */ Symbol("queue");
var pe = /* @__PURE__ */ Symbol("pendingLinks");
var Et = /* @__PURE__ */ Symbol("current");
var Ft = /* @__PURE__ */ Symbol("process");
var Ee = /* @__PURE__ */ Symbol("processing");
var ai = /* @__PURE__ */ Symbol("processJob");
var G = /* @__PURE__ */ Symbol("jobs");
var ls = /* @__PURE__ */ Symbol("jobDone");
var ci = /* @__PURE__ */ Symbol("addFSEntry");
var or = /* @__PURE__ */ Symbol("addTarEntry");
var ds = /* @__PURE__ */ Symbol("stat");
var us = /* @__PURE__ */ Symbol("readdir");
var fi = /* @__PURE__ */ Symbol("onreaddir");
var di = /* @__PURE__ */ Symbol("pipe");
var hr = /* @__PURE__ */ Symbol("entry");
var cs = /* @__PURE__ */ Symbol("entryOpt");
var ui = /* @__PURE__ */ Symbol("writeEntryClass");
var lr = /* @__PURE__ */ Symbol("write");
var fs = /* @__PURE__ */ Symbol("ondrain");
var wt = class extends A {
  sync = false;
  opt;
  cwd;
  maxReadSize;
  preservePaths;
  strict;
  noPax;
  prefix;
  linkCache;
  statCache;
  file;
  portable;
  zip;
  readdirCache;
  noDirRecurse;
  follow;
  noMtime;
  mtime;
  filter;
  jobs;
  [ui];
  onWriteEntry;
  [W];
  [pe] = /* @__PURE__ */ new Map();
  [G] = 0;
  [Ee] = false;
  [me] = false;
  constructor(t = {}) {
    if (super(), this.opt = t, this.file = t.file || "", this.cwd = t.cwd || process.cwd(), this.maxReadSize = t.maxReadSize, this.preservePaths = !!t.preservePaths, this.strict = !!t.strict, this.noPax = !!t.noPax, this.prefix = f(t.prefix || ""), this.linkCache = t.linkCache || /* @__PURE__ */ new Map(), this.statCache = t.statCache || /* @__PURE__ */ new Map(), this.readdirCache = t.readdirCache || /* @__PURE__ */ new Map(), this.onWriteEntry = t.onWriteEntry, this[ui] = de, typeof t.onwarn == "function" && this.on("warn", t.onwarn), this.portable = !!t.portable, t.gzip || t.brotli || t.zstd) {
      if ((t.gzip ? 1 : 0) + (t.brotli ? 1 : 0) + (t.zstd ? 1 : 0) > 1) throw new TypeError("gzip, brotli, zstd are mutually exclusive");
      if (t.gzip && (typeof t.gzip != "object" && (t.gzip = {}), this.portable && (t.gzip.portable = true), this.zip = new ze(t.gzip)), t.brotli && (typeof t.brotli != "object" && (t.brotli = {}), this.zip = new We(t.brotli)), t.zstd && (typeof t.zstd != "object" && (t.zstd = {}), this.zip = new Ye(t.zstd)), !this.zip) throw new Error("impossible");
      let e = this.zip;
      e.on("data", (i) => super.write(i)), e.on("end", () => super.end()), e.on("drain", () => this[fs]()), this.on("resume", () => e.resume());
    } else this.on("drain", this[fs]);
    this.noDirRecurse = !!t.noDirRecurse, this.follow = !!t.follow, this.noMtime = !!t.noMtime, t.mtime && (this.mtime = t.mtime), this.filter = typeof t.filter == "function" ? t.filter : () => true, this[W] = new hi(), this[G] = 0, this.jobs = Number(t.jobs) || 4, this[Ee] = false, this[me] = false;
  }
  [lr](t) {
    return super.write(t);
  }
  add(t) {
    return this.write(t), this;
  }
  end(t, e, i) {
    return typeof t == "function" && (i = t, t = void 0), typeof e == "function" && (i = e, e = void 0), t && this.add(t), this[me] = true, this[Ft](), i && i(), this;
  }
  write(t) {
    if (this[me]) throw new Error("write after end");
    return typeof t == "string" ? this[ci](t) : this[or](t), this.flowing;
  }
  [or](t) {
    let e = f(ar.resolve(this.cwd, t.path));
    if (!this.filter(t.path, t)) t.resume();
    else {
      let i = new pi(t.path, e);
      i.entry = new oi(t, this[cs](i)), i.entry.on("end", () => this[ls](i)), this[G] += 1, this[W].push(i);
    }
    this[Ft]();
  }
  [ci](t) {
    let e = f(ar.resolve(this.cwd, t));
    this[W].push(new pi(t, e)), this[Ft]();
  }
  [ds](t) {
    t.pending = true, this[G] += 1;
    let e = this.follow ? "stat" : "lstat";
    mi[e](t.absolute, (i, r) => {
      t.pending = false, this[G] -= 1, i ? this.emit("error", i) : this[li](t, r);
    });
  }
  [li](t, e) {
    if (this.statCache.set(t.absolute, e), t.stat = e, !this.filter(t.path, e)) t.ignore = true;
    else if (e.isFile() && e.nlink > 1 && !this.linkCache.get(`${e.dev}:${e.ino}`) && !this.sync) if (t === this[Et]) this[ai](t);
    else {
      let i = `${e.dev}:${e.ino}`, r = this[pe].get(i);
      r ? r.push(t) : this[pe].set(i, [t]), t.pendingLink = true, t.pending = true;
    }
    this[Ft]();
  }
  [us](t) {
    t.pending = true, this[G] += 1, mi.readdir(t.absolute, (e, i) => {
      if (t.pending = false, this[G] -= 1, e) return this.emit("error", e);
      this[fi](t, i);
    });
  }
  [fi](t, e) {
    this.readdirCache.set(t.absolute, e), t.readdir = e, this[Ft]();
  }
  [Ft]() {
    if (!this[Ee]) {
      this[Ee] = true;
      for (let t = this[W].head; t && this[G] < this.jobs; t = t.next) if (this[ai](t.value), t.value.ignore) {
        let e = t.next;
        this[W].removeNode(t), t.next = e;
      }
      this[Ee] = false, this[me] && this[W].length === 0 && this[G] === 0 && (this.zip ? this.zip.end(nr) : (super.write(nr), super.end()));
    }
  }
  get [Et]() {
    return this[W] && this[W].head && this[W].head.value;
  }
  [ls](t) {
    this[W].shift(), this[G] -= 1;
    let { stat: e } = t;
    if (e && e.isFile() && e.nlink > 1) {
      let i = `${e.dev}:${e.ino}`, r = this[pe].get(i);
      if (r) {
        this[pe].delete(i);
        for (let n of r) n.pending = false, this[ai](n);
      }
    }
    this[Ft]();
  }
  [ai](t) {
    if (t.pending && t.pendingLink && t === this[Et] && (t.pending = false, t.pendingLink = false), !t.pending) {
      if (t.entry) {
        t === this[Et] && !t.piped && this[di](t);
        return;
      }
      if (!t.stat) {
        let e = this.statCache.get(t.absolute);
        e ? this[li](t, e) : this[ds](t);
      }
      if (t.stat && !t.ignore) {
        if (!this.noDirRecurse && t.stat.isDirectory() && !t.readdir) {
          let e = this.readdirCache.get(t.absolute);
          if (e ? this[fi](t, e) : this[us](t), !t.readdir) return;
        }
        if (t.entry = this[hr](t), !t.entry) {
          t.ignore = true;
          return;
        }
        t === this[Et] && !t.piped && this[di](t);
      }
    }
  }
  [cs](t) {
    return { onwarn: (e, i, r) => this.warn(e, i, r), noPax: this.noPax, cwd: this.cwd, absolute: t.absolute, preservePaths: this.preservePaths, maxReadSize: this.maxReadSize, strict: this.strict, portable: this.portable, linkCache: this.linkCache, statCache: this.statCache, noMtime: this.noMtime, mtime: this.mtime, prefix: this.prefix, onWriteEntry: this.onWriteEntry };
  }
  [hr](t) {
    this[G] += 1;
    try {
      return new this[ui](t.path, this[cs](t)).on("end", () => this[ls](t)).on("error", (i) => this.emit("error", i));
    } catch (e) {
      this.emit("error", e);
    }
  }
  [fs]() {
    this[Et] && this[Et].entry && this[Et].entry.resume();
  }
  [di](t) {
    t.piped = true, t.readdir && t.readdir.forEach((r) => {
      let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
      this[ci](o + r);
    });
    let e = t.entry, i = this.zip;
    if (!e) throw new Error("cannot pipe without source");
    i ? e.on("data", (r) => {
      i.write(r) || e.pause();
    }) : e.on("data", (r) => {
      super.write(r) || e.pause();
    });
  }
  pause() {
    return this.zip && this.zip.pause(), super.pause();
  }
  warn(t, e, i = {}) {
    Dt(this, t, e, i);
  }
};
var kt = class extends wt {
  sync = true;
  constructor(t) {
    super(t), this[ui] = ni;
  }
  pause() {
  }
  resume() {
  }
  [ds](t) {
    let e = this.follow ? "statSync" : "lstatSync";
    this[li](t, mi[e](t.absolute));
  }
  [us](t) {
    this[fi](t, mi.readdirSync(t.absolute));
  }
  [di](t) {
    let e = t.entry, i = this.zip;
    if (t.readdir && t.readdir.forEach((r) => {
      let n = t.path, o = n === "./" ? "" : n.replace(/\/*$/, "/");
      this[ci](o + r);
    }), !e) throw new Error("Cannot pipe without source");
    i ? e.on("data", (r) => {
      i.write(r);
    }) : e.on("data", (r) => {
      super[lr](r);
    });
  }
};
var Vn = (s3, t) => {
  let e = new kt(s3), i = new Wt(s3.file, { mode: s3.mode || 438 });
  e.pipe(i), fr(e, t);
};
var $n = (s3, t) => {
  let e = new wt(s3), i = new et(s3.file, { mode: s3.mode || 438 });
  e.pipe(i);
  let r = new Promise((n, o) => {
    i.on("error", o), i.on("close", n), e.on("error", o);
  });
  return dr(e, t).catch((n) => e.emit("error", n)), r;
};
var fr = (s3, t) => {
  t.forEach((e) => {
    e.charAt(0) === "@" ? Ct({ file: cr.resolve(s3.cwd, e.slice(1)), sync: true, noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
  }), s3.end();
};
var dr = async (s3, t) => {
  for (let e of t) e.charAt(0) === "@" ? await Ct({ file: cr.resolve(String(s3.cwd), e.slice(1)), noResume: true, onReadEntry: (i) => {
    s3.add(i);
  } }) : s3.add(e);
  s3.end();
};
var Xn = (s3, t) => {
  let e = new kt(s3);
  return fr(e, t), e;
};
var qn = (s3, t) => {
  let e = new wt(s3);
  return dr(e, t).catch((i) => e.emit("error", i)), e;
};
var Qn = K(Vn, $n, Xn, qn, (s3, t) => {
  if (!t?.length) throw new TypeError("no paths specified to add to archive");
});
var Jn = process.env.__FAKE_PLATFORM__ || process.platform;
var Er = Jn === "win32";
var { O_CREAT: wr, O_NOFOLLOW: ur, O_TRUNC: Sr, O_WRONLY: yr } = pr.constants;
var Rr = Number(process.env.__FAKE_FS_O_FILENAME__) || pr.constants.UV_FS_O_FILEMAP || 0;
var jn = Er && !!Rr;
var to = 512 * 1024;
var eo = Rr | Sr | wr | yr;
var mr = !Er && typeof ur == "number" ? ur | Sr | wr | yr : null;
var ms = mr !== null ? () => mr : jn ? (s3) => s3 < to ? eo : "w" : () => "w";
var ps = (s3, t, e) => {
  try {
    return wi.lchownSync(s3, t, e);
  } catch (i) {
    if (i?.code !== "ENOENT") throw i;
  }
};
var Ei = (s3, t, e, i) => {
  wi.lchown(s3, t, e, (r) => {
    i(r && r?.code !== "ENOENT" ? r : null);
  });
};
var io = (s3, t, e, i, r) => {
  if (t.isDirectory()) Es(we.resolve(s3, t.name), e, i, (n) => {
    if (n) return r(n);
    let o = we.resolve(s3, t.name);
    Ei(o, e, i, r);
  });
  else {
    let n = we.resolve(s3, t.name);
    Ei(n, e, i, r);
  }
};
var Es = (s3, t, e, i) => {
  wi.readdir(s3, { withFileTypes: true }, (r, n) => {
    if (r) {
      if (r.code === "ENOENT") return i();
      if (r.code !== "ENOTDIR" && r.code !== "ENOTSUP") return i(r);
    }
    if (r || !n.length) return Ei(s3, t, e, i);
    let o = n.length, h = null, a = (l) => {
      if (!h) {
        if (l) return i(h = l);
        if (--o === 0) return Ei(s3, t, e, i);
      }
    };
    for (let l of n) io(s3, l, t, e, a);
  });
};
var so = (s3, t, e, i) => {
  t.isDirectory() && ws(we.resolve(s3, t.name), e, i), ps(we.resolve(s3, t.name), e, i);
};
var ws = (s3, t, e) => {
  let i;
  try {
    i = wi.readdirSync(s3, { withFileTypes: true });
  } catch (r) {
    let n = r;
    if (n?.code === "ENOENT") return;
    if (n?.code === "ENOTDIR" || n?.code === "ENOTSUP") return ps(s3, t, e);
    throw n;
  }
  for (let r of i) so(s3, r, t, e);
  return ps(s3, t, e);
};
var Se = class extends Error {
  path;
  code;
  syscall = "chdir";
  constructor(t, e) {
    super(`${e}: Cannot cd into '${t}'`), this.path = t, this.code = e;
  }
  get name() {
    return "CwdError";
  }
};
var St = class extends Error {
  path;
  symlink;
  syscall = "symlink";
  code = "TAR_SYMLINK_ERROR";
  constructor(t, e) {
    super("TAR_SYMLINK_ERROR: Cannot extract through symbolic link"), this.symlink = t, this.path = e;
  }
  get name() {
    return "SymlinkError";
  }
};
var no = (s3, t) => {
  k.stat(s3, (e, i) => {
    (e || !i.isDirectory()) && (e = new Se(s3, e?.code || "ENOTDIR")), t(e);
  });
};
var gr = (s3, t, e) => {
  s3 = f(s3);
  let i = t.umask ?? 18, r = t.mode | 448, n = (r & i) !== 0, o = t.uid, h = t.gid, a = typeof o == "number" && typeof h == "number" && (o !== t.processUid || h !== t.processGid), l = t.preserve, c2 = t.unlink, d = f(t.cwd), y = (E, x) => {
    E ? e(E) : x && a ? Es(x, o, h, (Le) => y(Le)) : n ? k.chmod(s3, r, e) : e();
  };
  if (s3 === d) return no(s3, y);
  if (l) return ro.mkdir(s3, { mode: r, recursive: true }).then((E) => y(null, E ?? void 0), y);
  let D = f(Si.relative(d, s3)).split("/");
  Ss(d, D, r, c2, d, void 0, y);
};
var Ss = (s3, t, e, i, r, n, o) => {
  if (t.length === 0) return o(null, n);
  let h = t.shift(), a = f(Si.resolve(s3 + "/" + h));
  k.mkdir(a, e, br(a, t, e, i, r, n, o));
};
var br = (s3, t, e, i, r, n, o) => (h) => {
  h ? k.lstat(s3, (a, l) => {
    if (a) a.path = a.path && f(a.path), o(a);
    else if (l.isDirectory()) Ss(s3, t, e, i, r, n, o);
    else if (i) k.unlink(s3, (c2) => {
      if (c2) return o(c2);
      k.mkdir(s3, e, br(s3, t, e, i, r, n, o));
    });
    else {
      if (l.isSymbolicLink()) return o(new St(s3, s3 + "/" + t.join("/")));
      o(h);
    }
  }) : (n = n || s3, Ss(s3, t, e, i, r, n, o));
};
var oo = (s3) => {
  let t = false, e;
  try {
    t = k.statSync(s3).isDirectory();
  } catch (i) {
    e = i?.code;
  } finally {
    if (!t) throw new Se(s3, e ?? "ENOTDIR");
  }
};
var _r = (s3, t) => {
  s3 = f(s3);
  let e = t.umask ?? 18, i = t.mode | 448, r = (i & e) !== 0, n = t.uid, o = t.gid, h = typeof n == "number" && typeof o == "number" && (n !== t.processUid || o !== t.processGid), a = t.preserve, l = t.unlink, c2 = f(t.cwd), d = (E) => {
    E && h && ws(E, n, o), r && k.chmodSync(s3, i);
  };
  if (s3 === c2) return oo(c2), d();
  if (a) return d(k.mkdirSync(s3, { mode: i, recursive: true }) ?? void 0);
  let T = f(Si.relative(c2, s3)).split("/"), D;
  for (let E = T.shift(), x = c2; E && (x += "/" + E); E = T.shift()) {
    x = f(Si.resolve(x));
    try {
      k.mkdirSync(x, i), D = D || x;
    } catch {
      let Le = k.lstatSync(x);
      if (Le.isDirectory()) continue;
      if (l) {
        k.unlinkSync(x), k.mkdirSync(x, i), D = D || x;
        continue;
      } else if (Le.isSymbolicLink()) return new St(x, x + "/" + T.join("/"));
    }
  }
  return d(D);
};
var ys = /* @__PURE__ */ Object.create(null);
var Or = 1e4;
var Vt = /* @__PURE__ */ new Set();
var Tr = (s3) => {
  Vt.has(s3) ? Vt.delete(s3) : ys[s3] = s3.normalize("NFD").toLocaleLowerCase("en").toLocaleUpperCase("en"), Vt.add(s3);
  let t = ys[s3], e = Vt.size - Or;
  if (e > Or / 10) {
    for (let i of Vt) if (Vt.delete(i), delete ys[i], --e <= 0) break;
  }
  return t;
};
var ho = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var ao = ho === "win32";
var lo = (s3) => s3.split("/").slice(0, -1).reduce((e, i) => {
  let r = e.at(-1);
  return r !== void 0 && (i = xr(r, i)), e.push(i || "/"), e;
}, []);
var yi = class {
  #t = /* @__PURE__ */ new Map();
  #i = /* @__PURE__ */ new Map();
  #s = /* @__PURE__ */ new Set();
  reserve(t, e) {
    t = ao ? ["win32 parallelization disabled"] : t.map((r) => mt(xr(Tr(r))));
    let i = new Set(t.map((r) => lo(r)).reduce((r, n) => r.concat(n)));
    this.#i.set(e, { dirs: i, paths: t });
    for (let r of t) {
      let n = this.#t.get(r);
      n ? n.push(e) : this.#t.set(r, [e]);
    }
    for (let r of i) {
      let n = this.#t.get(r);
      if (!n) this.#t.set(r, [/* @__PURE__ */ new Set([e])]);
      else {
        let o = n.at(-1);
        o instanceof Set ? o.add(e) : n.push(/* @__PURE__ */ new Set([e]));
      }
    }
    return this.#r(e);
  }
  #n(t) {
    let e = this.#i.get(t);
    if (!e) throw new Error("function does not have any path reservations");
    return { paths: e.paths.map((i) => this.#t.get(i)), dirs: [...e.dirs].map((i) => this.#t.get(i)) };
  }
  check(t) {
    let { paths: e, dirs: i } = this.#n(t);
    return e.every((r) => r && r[0] === t) && i.every((r) => r && r[0] instanceof Set && r[0].has(t));
  }
  #r(t) {
    return this.#s.has(t) || !this.check(t) ? false : (this.#s.add(t), t(() => this.#e(t)), true);
  }
  #e(t) {
    if (!this.#s.has(t)) return false;
    let e = this.#i.get(t);
    if (!e) throw new Error("invalid reservation");
    let { paths: i, dirs: r } = e, n = /* @__PURE__ */ new Set();
    for (let o of i) {
      let h = this.#t.get(o);
      if (!h || h?.[0] !== t) continue;
      let a = h[1];
      if (!a) {
        this.#t.delete(o);
        continue;
      }
      if (h.shift(), typeof a == "function") n.add(a);
      else for (let l of a) n.add(l);
    }
    for (let o of r) {
      let h = this.#t.get(o), a = h?.[0];
      if (!(!h || !(a instanceof Set))) if (a.size === 1 && h.length === 1) {
        this.#t.delete(o);
        continue;
      } else if (a.size === 1) {
        h.shift();
        let l = h[0];
        typeof l == "function" && n.add(l);
      } else a.delete(t);
    }
    return this.#s.delete(t), n.forEach((o) => this.#r(o)), true;
  }
};
var Lr = () => process.umask();
var Dr = /* @__PURE__ */ Symbol("onEntry");
var _s = /* @__PURE__ */ Symbol("checkFs");
var Nr = /* @__PURE__ */ Symbol("checkFs2");
var Os = /* @__PURE__ */ Symbol("isReusable");
var P = /* @__PURE__ */ Symbol("makeFs");
var Ts = /* @__PURE__ */ Symbol("file");
var xs = /* @__PURE__ */ Symbol("directory");
var gi = /* @__PURE__ */ Symbol("link");
var Ar = /* @__PURE__ */ Symbol("symlink");
var Ir = /* @__PURE__ */ Symbol("hardlink");
var Re = /* @__PURE__ */ Symbol("ensureNoSymlink");
var Cr = /* @__PURE__ */ Symbol("unsupported");
var Fr = /* @__PURE__ */ Symbol("checkPath");
var Rs = /* @__PURE__ */ Symbol("stripAbsolutePath");
var yt = /* @__PURE__ */ Symbol("mkdir");
var O = /* @__PURE__ */ Symbol("onError");
var Ri = /* @__PURE__ */ Symbol("pending");
var kr = /* @__PURE__ */ Symbol("pend");
var $t = /* @__PURE__ */ Symbol("unpend");
var gs = /* @__PURE__ */ Symbol("ended");
var bs = /* @__PURE__ */ Symbol("maybeClose");
var Ls = /* @__PURE__ */ Symbol("skip");
var ge = /* @__PURE__ */ Symbol("doChown");
var be = /* @__PURE__ */ Symbol("uid");
var _e = /* @__PURE__ */ Symbol("gid");
var Oe = /* @__PURE__ */ Symbol("checkedCwd");
var fo = process.env.TESTING_TAR_FAKE_PLATFORM || process.platform;
var Te = fo === "win32";
var uo = 1024;
var mo = (s3, t) => {
  if (!Te) return u.unlink(s3, t);
  let e = s3 + ".DELETE." + Mr(16).toString("hex");
  u.rename(s3, e, (i) => {
    if (i) return t(i);
    u.unlink(e, t);
  });
};
var po = (s3) => {
  if (!Te) return u.unlinkSync(s3);
  let t = s3 + ".DELETE." + Mr(16).toString("hex");
  u.renameSync(s3, t), u.unlinkSync(t);
};
var vr = (s3, t, e) => s3 !== void 0 && s3 === s3 >>> 0 ? s3 : t !== void 0 && t === t >>> 0 ? t : e;
var Xt = class extends rt {
  [gs] = false;
  [Oe] = false;
  [Ri] = 0;
  reservations = new yi();
  transform;
  writable = true;
  readable = false;
  uid;
  gid;
  setOwner;
  preserveOwner;
  processGid;
  processUid;
  maxDepth;
  forceChown;
  win32;
  newer;
  keep;
  noMtime;
  preservePaths;
  unlink;
  cwd;
  strip;
  processUmask;
  umask;
  dmode;
  fmode;
  chmod;
  constructor(t = {}) {
    if (t.ondone = () => {
      this[gs] = true, this[bs]();
    }, super(t), this.transform = t.transform, this.chmod = !!t.chmod, typeof t.uid == "number" || typeof t.gid == "number") {
      if (typeof t.uid != "number" || typeof t.gid != "number") throw new TypeError("cannot set owner without number uid and gid");
      if (t.preserveOwner) throw new TypeError("cannot preserve owner in archive and also set owner explicitly");
      this.uid = t.uid, this.gid = t.gid, this.setOwner = true;
    } else this.uid = void 0, this.gid = void 0, this.setOwner = false;
    this.preserveOwner = t.preserveOwner === void 0 && typeof t.uid != "number" ? process.getuid?.() === 0 : !!t.preserveOwner, this.processUid = (this.preserveOwner || this.setOwner) && process.getuid ? process.getuid() : void 0, this.processGid = (this.preserveOwner || this.setOwner) && process.getgid ? process.getgid() : void 0, this.maxDepth = typeof t.maxDepth == "number" ? t.maxDepth : uo, this.forceChown = t.forceChown === true, this.win32 = !!t.win32 || Te, this.newer = !!t.newer, this.keep = !!t.keep, this.noMtime = !!t.noMtime, this.preservePaths = !!t.preservePaths, this.unlink = !!t.unlink, this.cwd = f(R.resolve(t.cwd || process.cwd())), this.strip = Number(t.strip) || 0, this.processUmask = this.chmod ? typeof t.processUmask == "number" ? t.processUmask : Lr() : 0, this.umask = typeof t.umask == "number" ? t.umask : this.processUmask, this.dmode = t.dmode || 511 & ~this.umask, this.fmode = t.fmode || 438 & ~this.umask, this.on("entry", (e) => this[Dr](e));
  }
  warn(t, e, i = {}) {
    return (t === "TAR_BAD_ARCHIVE" || t === "TAR_ABORT") && (i.recoverable = false), super.warn(t, e, i);
  }
  [bs]() {
    this[gs] && this[Ri] === 0 && (this.emit("prefinish"), this.emit("finish"), this.emit("end"));
  }
  [Rs](t, e) {
    let i = t[e], { type: r } = t;
    if (!i || this.preservePaths) return true;
    let [n, o] = ce(i), h = o.replaceAll(/\\/g, "/").split("/");
    if (h.includes("..") || Te && /^[a-z]:\.\.$/i.test(h[0] ?? "")) {
      if (e === "path" || r === "Link") return this.warn("TAR_ENTRY_ERROR", `${e} contains '..'`, { entry: t, [e]: i }), false;
      let a = R.posix.dirname(t.path), l = R.posix.normalize(R.posix.join(a, h.join("/")));
      if (l.startsWith("../") || l === "..") return this.warn("TAR_ENTRY_ERROR", `${e} escapes extraction directory`, { entry: t, [e]: i }), false;
    }
    return n && (t[e] = String(o), this.warn("TAR_ENTRY_INFO", `stripping ${n} from absolute ${e}`, { entry: t, [e]: i })), true;
  }
  [Fr](t) {
    let e = f(t.path), i = e.split("/");
    if (this.strip) {
      if (i.length < this.strip) return false;
      if (t.type === "Link") {
        let r = f(String(t.linkpath)).split("/");
        if (r.length >= this.strip) t.linkpath = r.slice(this.strip).join("/");
        else return false;
      }
      i.splice(0, this.strip), t.path = i.join("/");
    }
    if (isFinite(this.maxDepth) && i.length > this.maxDepth) return this.warn("TAR_ENTRY_ERROR", "path excessively deep", { entry: t, path: e, depth: i.length, maxDepth: this.maxDepth }), false;
    if (!this[Rs](t, "path") || !this[Rs](t, "linkpath")) return false;
    if (t.absolute = R.isAbsolute(t.path) ? f(R.resolve(t.path)) : f(R.resolve(this.cwd, t.path)), !this.preservePaths && typeof t.absolute == "string" && t.absolute.indexOf(this.cwd + "/") !== 0 && t.absolute !== this.cwd) return this.warn("TAR_ENTRY_ERROR", "path escaped extraction target", { entry: t, path: f(t.path), resolvedPath: t.absolute, cwd: this.cwd }), false;
    if (t.absolute === this.cwd && t.type !== "Directory" && t.type !== "GNUDumpDir") return false;
    if (this.win32) {
      let { root: r } = R.win32.parse(String(t.absolute));
      t.absolute = r + ts(String(t.absolute).slice(r.length));
      let { root: n } = R.win32.parse(t.path);
      t.path = n + ts(t.path.slice(n.length));
    }
    return true;
  }
  [Dr](t) {
    if (!this[Fr](t)) return t.resume();
    switch (co.equal(typeof t.absolute, "string"), t.type) {
      case "Directory":
      case "GNUDumpDir":
        t.mode && (t.mode = t.mode | 448);
      case "File":
      case "OldFile":
      case "ContiguousFile":
      case "Link":
      case "SymbolicLink":
        return this[_s](t);
      default:
        return this[Cr](t);
    }
  }
  [O](t, e) {
    t.name === "CwdError" ? this.emit("error", t) : (this.warn("TAR_ENTRY_ERROR", t, { entry: e }), this[$t](), e.resume());
  }
  [yt](t, e, i) {
    gr(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e }, i);
  }
  [ge](t) {
    return this.forceChown || this.preserveOwner && (typeof t.uid == "number" && t.uid !== this.processUid || typeof t.gid == "number" && t.gid !== this.processGid) || typeof this.uid == "number" && this.uid !== this.processUid || typeof this.gid == "number" && this.gid !== this.processGid;
  }
  [be](t) {
    return vr(this.uid, t.uid, this.processUid);
  }
  [_e](t) {
    return vr(this.gid, t.gid, this.processGid);
  }
  [Ts](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = new et(String(t.absolute), { flags: ms(t.size), mode: i, autoClose: false });
    r.on("error", (a) => {
      r.fd && u.close(r.fd, () => {
      }), r.write = () => true, this[O](a, t), e();
    });
    let n = 1, o = (a) => {
      if (a) {
        r.fd && u.close(r.fd, () => {
        }), this[O](a, t), e();
        return;
      }
      --n === 0 && r.fd !== void 0 && u.close(r.fd, (l) => {
        l ? this[O](l, t) : this[$t](), e();
      });
    };
    r.on("finish", () => {
      let a = String(t.absolute), l = r.fd;
      if (typeof l == "number" && t.mtime && !this.noMtime) {
        n++;
        let c2 = t.atime || /* @__PURE__ */ new Date(), d = t.mtime;
        u.futimes(l, c2, d, (y) => y ? u.utimes(a, c2, d, (T) => o(T && y)) : o());
      }
      if (typeof l == "number" && this[ge](t)) {
        n++;
        let c2 = this[be](t), d = this[_e](t);
        typeof c2 == "number" && typeof d == "number" && u.fchown(l, c2, d, (y) => y ? u.chown(a, c2, d, (T) => o(T && y)) : o());
      }
      o();
    });
    let h = this.transform && this.transform(t) || t;
    h !== t && (h.on("error", (a) => {
      this[O](a, t), e();
    }), t.pipe(h)), h.pipe(r);
  }
  [xs](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.dmode;
    this[yt](String(t.absolute), i, (r) => {
      if (r) {
        this[O](r, t), e();
        return;
      }
      let n = 1, o = () => {
        --n === 0 && (e(), this[$t](), t.resume());
      };
      t.mtime && !this.noMtime && (n++, u.utimes(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime, o)), this[ge](t) && (n++, u.chown(String(t.absolute), Number(this[be](t)), Number(this[_e](t)), o)), o();
    });
  }
  [Cr](t) {
    t.unsupported = true, this.warn("TAR_ENTRY_UNSUPPORTED", `unsupported entry type: ${t.type}`, { entry: t }), t.resume();
  }
  [Ar](t, e) {
    let i = f(R.relative(this.cwd, R.resolve(R.dirname(String(t.absolute)), String(t.linkpath)))).split("/");
    this[Re](t, this.cwd, i, () => this[gi](t, String(t.linkpath), "symlink", e), (r) => {
      this[O](r, t), e();
    });
  }
  [Ir](t, e) {
    let i = f(R.resolve(this.cwd, String(t.linkpath))), r = f(String(t.linkpath)).split("/");
    this[Re](t, this.cwd, r, () => this[gi](t, i, "link", e), (n) => {
      this[O](n, t), e();
    });
  }
  [Re](t, e, i, r, n) {
    let o = i.shift();
    if (this.preservePaths || o === void 0) return r();
    let h = R.resolve(e, o);
    u.lstat(h, (a, l) => {
      if (a) return r();
      if (l?.isSymbolicLink()) return n(new St(h, R.resolve(h, i.join("/"))));
      this[Re](t, h, i, r, n);
    });
  }
  [kr]() {
    this[Ri]++;
  }
  [$t]() {
    this[Ri]--, this[bs]();
  }
  [Ls](t) {
    this[$t](), t.resume();
  }
  [Os](t, e) {
    return t.type === "File" && !this.unlink && e.isFile() && e.nlink <= 1 && !Te;
  }
  [_s](t) {
    this[kr]();
    let e = [t.path];
    t.linkpath && e.push(t.linkpath), this.reservations.reserve(e, (i) => this[Nr](t, i));
  }
  [Nr](t, e) {
    let i = (h) => {
      e(h);
    }, r = () => {
      this[yt](this.cwd, this.dmode, (h) => {
        if (h) {
          this[O](h, t), i();
          return;
        }
        this[Oe] = true, n();
      });
    }, n = () => {
      if (t.absolute !== this.cwd) {
        let h = f(R.dirname(String(t.absolute)));
        if (h !== this.cwd) return this[yt](h, this.dmode, (a) => {
          if (a) {
            this[O](a, t), i();
            return;
          }
          o();
        });
      }
      o();
    }, o = () => {
      u.lstat(String(t.absolute), (h, a) => {
        if (a && (this.keep || this.newer && a.mtime > (t.mtime ?? a.mtime))) {
          this[Ls](t), i();
          return;
        }
        if (h || this[Os](t, a)) return this[P](null, t, i);
        if (a.isDirectory()) {
          if (t.type === "Directory") {
            let l = this.chmod && t.mode && (a.mode & 4095) !== t.mode, c2 = (d) => this[P](d ?? null, t, i);
            return l ? u.chmod(String(t.absolute), Number(t.mode), c2) : c2();
          }
          if (t.absolute !== this.cwd) return u.rmdir(String(t.absolute), (l) => this[P](l ?? null, t, i));
        }
        if (t.absolute === this.cwd) return this[P](null, t, i);
        mo(String(t.absolute), (l) => this[P](l ?? null, t, i));
      });
    };
    this[Oe] ? n() : r();
  }
  [P](t, e, i) {
    if (t) {
      this[O](t, e), i();
      return;
    }
    switch (e.type) {
      case "File":
      case "OldFile":
      case "ContiguousFile":
        return this[Ts](e, i);
      case "Link":
        return this[Ir](e, i);
      case "SymbolicLink":
        return this[Ar](e, i);
      case "Directory":
      case "GNUDumpDir":
        return this[xs](e, i);
    }
  }
  [gi](t, e, i, r) {
    u[i](e, String(t.absolute), (n) => {
      n ? this[O](n, t) : (this[$t](), t.resume()), r();
    });
  }
};
var ye = (s3) => {
  try {
    return [null, s3()];
  } catch (t) {
    return [t, null];
  }
};
var xe = class extends Xt {
  sync = true;
  [P](t, e) {
    return super[P](t, e, () => {
    });
  }
  [_s](t) {
    if (!this[Oe]) {
      let n = this[yt](this.cwd, this.dmode);
      if (n) return this[O](n, t);
      this[Oe] = true;
    }
    if (t.absolute !== this.cwd) {
      let n = f(R.dirname(String(t.absolute)));
      if (n !== this.cwd) {
        let o = this[yt](n, this.dmode);
        if (o) return this[O](o, t);
      }
    }
    let [e, i] = ye(() => u.lstatSync(String(t.absolute)));
    if (i && (this.keep || this.newer && i.mtime > (t.mtime ?? i.mtime))) return this[Ls](t);
    if (e || this[Os](t, i)) return this[P](null, t);
    if (i.isDirectory()) {
      if (t.type === "Directory") {
        let o = this.chmod && t.mode && (i.mode & 4095) !== t.mode, [h] = o ? ye(() => {
          u.chmodSync(String(t.absolute), Number(t.mode));
        }) : [];
        return this[P](h, t);
      }
      let [n] = ye(() => u.rmdirSync(String(t.absolute)));
      this[P](n, t);
    }
    let [r] = t.absolute === this.cwd ? [] : ye(() => po(String(t.absolute)));
    this[P](r, t);
  }
  [Ts](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.fmode, r = (h) => {
      let a;
      try {
        u.closeSync(n);
      } catch (l) {
        a = l;
      }
      (h || a) && this[O](h || a, t), e();
    }, n;
    try {
      n = u.openSync(String(t.absolute), ms(t.size), i);
    } catch (h) {
      return r(h);
    }
    let o = this.transform && this.transform(t) || t;
    o !== t && (o.on("error", (h) => this[O](h, t)), t.pipe(o)), o.on("data", (h) => {
      try {
        u.writeSync(n, h, 0, h.length);
      } catch (a) {
        r(a);
      }
    }), o.on("end", () => {
      let h = null;
      if (t.mtime && !this.noMtime) {
        let a = t.atime || /* @__PURE__ */ new Date(), l = t.mtime;
        try {
          u.futimesSync(n, a, l);
        } catch (c2) {
          try {
            u.utimesSync(String(t.absolute), a, l);
          } catch {
            h = c2;
          }
        }
      }
      if (this[ge](t)) {
        let a = this[be](t), l = this[_e](t);
        try {
          u.fchownSync(n, Number(a), Number(l));
        } catch (c2) {
          try {
            u.chownSync(String(t.absolute), Number(a), Number(l));
          } catch {
            h = h || c2;
          }
        }
      }
      r(h);
    });
  }
  [xs](t, e) {
    let i = typeof t.mode == "number" ? t.mode & 4095 : this.dmode, r = this[yt](String(t.absolute), i);
    if (r) {
      this[O](r, t), e();
      return;
    }
    if (t.mtime && !this.noMtime) try {
      u.utimesSync(String(t.absolute), t.atime || /* @__PURE__ */ new Date(), t.mtime);
    } catch {
    }
    if (this[ge](t)) try {
      u.chownSync(String(t.absolute), Number(this[be](t)), Number(this[_e](t)));
    } catch {
    }
    e(), t.resume();
  }
  [yt](t, e) {
    try {
      return _r(f(t), { uid: this.uid, gid: this.gid, processUid: this.processUid, processGid: this.processGid, umask: this.processUmask, preserve: this.preservePaths, unlink: this.unlink, cwd: this.cwd, mode: e });
    } catch (i) {
      return i;
    }
  }
  [Re](t, e, i, r, n) {
    if (this.preservePaths || i.length === 0) return r();
    let o = e;
    for (let h of i) {
      o = R.resolve(o, h);
      let [a, l] = ye(() => u.lstatSync(o));
      if (a) return r();
      if (l.isSymbolicLink()) return n(new St(o, R.resolve(e, i.join("/"))));
    }
    r();
  }
  [gi](t, e, i, r) {
    let n = `${i}Sync`;
    try {
      u[n](e, String(t.absolute)), r(), t.resume();
    } catch (o) {
      return this[O](o, t);
    }
  }
};
var Eo = (s3) => {
  let t = new xe(s3), e = s3.file, i = Br.statSync(e), r = s3.maxReadSize || 16 * 1024 * 1024;
  new Be(e, { readSize: r, size: i.size }).pipe(t);
};
var wo = (s3, t) => {
  let e = new Xt(s3), i = s3.maxReadSize || 16 * 1024 * 1024, r = s3.file;
  return new Promise((o, h) => {
    e.on("error", h), e.on("close", o), Br.stat(r, (a, l) => {
      if (a) h(a);
      else {
        let c2 = new _t(r, { readSize: i, size: l.size });
        c2.on("error", h), c2.pipe(e);
      }
    });
  });
};
var So = K(Eo, wo, (s3) => new xe(s3), (s3) => new Xt(s3), (s3, t) => {
  t?.length && Qi(s3, t);
});
var yo = (s3, t) => {
  let e = new kt(s3), i = true, r, n;
  try {
    try {
      r = v.openSync(s3.file, "r+");
    } catch (a) {
      if (a?.code === "ENOENT") r = v.openSync(s3.file, "w+");
      else throw a;
    }
    let o = v.fstatSync(r), h = Buffer.alloc(512);
    t: for (n = 0; n < o.size; n += 512) {
      for (let c2 = 0, d = 0; c2 < 512; c2 += d) {
        if (d = v.readSync(r, h, c2, h.length - c2, n + c2), n === 0 && h[0] === 31 && h[1] === 139) throw new Error("cannot append to compressed archives");
        if (!d) break t;
      }
      let a = new F(h);
      if (!a.cksumValid) break;
      let l = 512 * Math.ceil((a.size || 0) / 512);
      if (n + l + 512 > o.size) break;
      n += l, s3.mtimeCache && a.mtime && s3.mtimeCache.set(String(a.path), a.mtime);
    }
    i = false, Ro(s3, e, n, r, t);
  } finally {
    if (i) try {
      v.closeSync(r);
    } catch {
    }
  }
};
var Ro = (s3, t, e, i, r) => {
  let n = new Wt(s3.file, { fd: i, start: e });
  t.pipe(n), bo(t, r);
};
var go = (s3, t) => {
  t = Array.from(t);
  let e = new wt(s3), i = (n, o, h) => {
    let a = (T, D) => {
      T ? v.close(n, (E) => h(T)) : h(null, D);
    }, l = 0;
    if (o === 0) return a(null, 0);
    let c2 = 0, d = Buffer.alloc(512), y = (T, D) => {
      if (T || D === void 0) return a(T);
      if (c2 += D, c2 < 512 && D) return v.read(n, d, c2, d.length - c2, l + c2, y);
      if (l === 0 && d[0] === 31 && d[1] === 139) return a(new Error("cannot append to compressed archives"));
      if (c2 < 512) return a(null, l);
      let E = new F(d);
      if (!E.cksumValid) return a(null, l);
      let x = 512 * Math.ceil((E.size ?? 0) / 512);
      if (l + x + 512 > o || (l += x + 512, l >= o)) return a(null, l);
      s3.mtimeCache && E.mtime && s3.mtimeCache.set(String(E.path), E.mtime), c2 = 0, v.read(n, d, 0, 512, l, y);
    };
    v.read(n, d, 0, 512, l, y);
  };
  return new Promise((n, o) => {
    e.on("error", o);
    let h = "r+", a = (l, c2) => {
      if (l && l.code === "ENOENT" && h === "r+") return h = "w+", v.open(s3.file, h, a);
      if (l || !c2) return o(l);
      v.fstat(c2, (d, y) => {
        if (d) return v.close(c2, () => o(d));
        i(c2, y.size, (T, D) => {
          if (T) return o(T);
          let E = new et(s3.file, { fd: c2, start: D });
          e.pipe(E), E.on("error", o), E.on("close", n), _o(e, t);
        });
      });
    };
    v.open(s3.file, h, a);
  });
};
var bo = (s3, t) => {
  t.forEach((e) => {
    e.charAt(0) === "@" ? Ct({ file: Pr.resolve(s3.cwd, e.slice(1)), sync: true, noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
  }), s3.end();
};
var _o = async (s3, t) => {
  for (let e of t) e.charAt(0) === "@" ? await Ct({ file: Pr.resolve(String(s3.cwd), e.slice(1)), noResume: true, onReadEntry: (i) => s3.add(i) }) : s3.add(e);
  s3.end();
};
var vt = K(yo, go, () => {
  throw new TypeError("file is required");
}, () => {
  throw new TypeError("file is required");
}, (s3, t) => {
  if (!Bs(s3)) throw new TypeError("file is required");
  if (s3.gzip || s3.brotli || s3.zstd || s3.file.endsWith(".br") || s3.file.endsWith(".tbr")) throw new TypeError("cannot append to compressed archives");
  if (!t?.length) throw new TypeError("no paths specified to add/replace");
});
var Oo = K(vt.syncFile, vt.asyncFile, vt.syncNoFile, vt.asyncNoFile, (s3, t = []) => {
  vt.validate?.(s3, t), To(s3);
});
var To = (s3) => {
  let t = s3.filter;
  s3.mtimeCache || (s3.mtimeCache = /* @__PURE__ */ new Map()), s3.filter = t ? (e, i) => t(e, i) && !((s3.mtimeCache?.get(e) ?? i.mtime ?? 0) > (i.mtime ?? 0)) : (e, i) => !((s3.mtimeCache?.get(e) ?? i.mtime ?? 0) > (i.mtime ?? 0));
};

// src/gates/artifact-scan/node-tar-view.ts
var NODE_TAR_TYPES = {
  File: "file",
  OldFile: "file",
  ContiguousFile: "file",
  Directory: "directory",
  GNUDumpDir: "directory",
  SymbolicLink: "symlink",
  Link: "hardlink",
  CharacterDevice: "other",
  BlockDevice: "other",
  FIFO: "other"
};
var NodeTarView = class {
  parser;
  seen = new Queue();
  expected = new Queue();
  ended;
  /** Bytes after the last whole block written, under one block. */
  tail;
  /** The first disagreement or warning; later ones add nothing once the framing is in doubt. */
  problem;
  constructor() {
    this.parser = new rt({
      strict: false,
      // Every entry "ignored": node-tar frames it exactly the same (header, then its blocks skipped) but
      // builds no body stream for it, which halves its cost. Only the framing is compared.
      filter: () => false,
      onwarn: (code, message) => this.disagree(`node-tar (npm's extractor) warns ${code}: ${message instanceof Error ? message.message : message}`)
    });
    const record = (entry) => {
      if (entry.meta) return;
      this.seen.push(framed(entry.path, NODE_TAR_TYPES[entry.type] ?? "file", entry.size ?? 0, entry.linkpath ?? ""));
      entry.resume();
      this.compare();
    };
    this.parser.on("entry", record);
    this.parser.on("ignoredEntry", record);
    this.ended = new Promise((resolve2) => this.parser.on("end", () => resolve2()));
  }
  /**
   * Hands node-tar whole blocks only: given a chunk that ends inside a block, node-tar keeps the tail
   * and copies it together with the whole next chunk (a 256 KiB copy per chunk). The same bytes reach
   * it in the same order; the tail of under a block waits here and goes first with the next chunk.
   */
  write(chunk) {
    if (this.problem) return;
    let rest = chunk;
    if (this.tail) {
      const need = BLOCK - this.tail.length;
      if (rest.length < need) {
        this.tail = Buffer.concat([this.tail, rest]);
        return;
      }
      this.parser.write(Buffer.concat([this.tail, rest.subarray(0, need)]));
      this.tail = void 0;
      rest = rest.subarray(need);
    }
    const whole = rest.length - rest.length % BLOCK;
    if (whole > 0) this.parser.write(whole === rest.length ? rest : rest.subarray(0, whole));
    if (whole < rest.length) this.tail = rest.subarray(whole);
  }
  /** The strict reader's view of the next entry. */
  expect(entry) {
    if (this.problem) return;
    this.expected.push(entry);
    this.compare();
  }
  /** Ends the input; true when both parsers saw the same entries. */
  /** How far the two parsers drifted apart (entries waiting for a partner), for the bench. */
  get backlog() {
    return Math.max(this.seen.max, this.expected.max);
  }
  async finish() {
    if (!this.problem) {
      if (this.tail) this.parser.write(this.tail);
      this.tail = void 0;
      this.parser.end();
      await this.ended;
      this.compare();
    }
    if (this.problem) return;
    if (this.seen.length || this.expected.length) {
      const [mine, theirs] = [this.expected.peek(), this.seen.peek()];
      this.disagree(mine ? `node-tar (npm's extractor) never sees the entry "${mine.path}"` : `node-tar (npm's extractor) sees an entry "${theirs?.path}" that the strict reader does not`);
    }
  }
  compare() {
    while (!this.problem && this.seen.length && this.expected.length) {
      const theirs = this.seen.shift();
      const mine = this.expected.shift();
      const same = sameName(theirs.path, mine.path) && theirs.type === mine.type && sameName(theirs.link, mine.link) && (mine.type !== "file" || theirs.size === mine.size);
      if (!same) this.disagree(`node-tar (npm's extractor) reads ${describe(theirs)} where the strict reader reads ${describe(mine)}`);
    }
  }
  disagree(problem) {
    this.problem ??= problem;
  }
};
var Queue = class {
  items = [];
  head = 0;
  get length() {
    return this.items.length - this.head;
  }
  push(item) {
    this.items.push(item);
  }
  peek() {
    return this.items[this.head];
  }
  shift() {
    const item = this.items[this.head];
    this.items[this.head++] = void 0;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
  get max() {
    return this.items.length;
  }
};
function framed(path, type, size, link) {
  return { path, type, size, link };
}
function sameName(a, b2) {
  return a === b2 || normalizeEntryPath(a).path === normalizeEntryPath(b2).path;
}
function describe(e) {
  return `${e.type} "${e.path}"${e.type === "file" ? ` of ${e.size} bytes` : ""}${e.link ? ` -> "${e.link}"` : ""}`;
}

// src/gates/artifact-scan/tar-reader.ts
var MAX_META_BYTES = 1024 * 1024;
var HEADER_ONLY = /* @__PURE__ */ new Set(["1", "2", "3", "4", "5", "6"]);
var BODY_READ_AS_HEADERS = {
  "1": "Go, Python and GNU tar read those bytes as the next headers, node-tar skips them",
  "5": "node-tar, GNU tar, Python and Go read those bytes as the next headers, other extractors skip them",
  old0: "node-tar reads those bytes as the next headers, GNU tar, Python and Go skip them as file content",
  oldNul: "node-tar, Python and Go read those bytes as the next headers, GNU tar skips them"
};
var LINK_OR_DEVICE = "Go and Python read those bytes as the next headers, node-tar and GNU tar skip them";
async function gunzipAndSniff(source2, budget, where) {
  const compressed = { bytes: 0 };
  const gunzip = createGunzip({ chunkSize: 256 * 1024, readableHighWaterMark: 4 * 1024 * 1024 });
  const meter = budget.meter(() => compressed.bytes, where);
  const out = pipeline(Readable.from(counted(source2, compressed), { highWaterMark: 1 }), gunzip, meter, () => {
  });
  const chunks = toChunks(out);
  const head = await readHead(chunks, HEAD_BYTES).catch((error) => {
    throw corrupt("gzip", where, error);
  });
  return { kind: detectKind(head), chunks: rethrowing(withHead(head, chunks), "gzip", where) };
}
var ByteSource = class {
  constructor(source2, tap) {
    this.tap = tap;
    this.it = source2[Symbol.asyncIterator]();
  }
  tap;
  chunk = Buffer.alloc(0);
  pos = 0;
  it;
  /** Up to `max` bytes already buffered, without waiting (undefined when none are): most reads need no await. */
  readNow(max) {
    if (this.pos >= this.chunk.length) return void 0;
    const n = Math.min(max, this.chunk.length - this.pos);
    const out = this.chunk.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** Exactly `n` buffered bytes, without waiting, or undefined when fewer are buffered. */
  exactNow(n) {
    if (this.chunk.length - this.pos < n) return void 0;
    return this.readNow(n);
  }
  /** Up to `max` bytes (at least one), or undefined at the end. */
  async read(max) {
    while (this.pos >= this.chunk.length) {
      const r = await this.it.next();
      if (r.done) return void 0;
      this.chunk = r.value;
      this.pos = 0;
      this.tap(r.value);
    }
    const n = Math.min(max, this.chunk.length - this.pos);
    const out = this.chunk.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** Exactly `n` bytes, or fewer when the input ends first. */
  async exact(n) {
    const first = await this.read(n);
    if (!first || first.length === n) return first ?? Buffer.alloc(0);
    const parts = [first];
    let length = first.length;
    while (length < n) {
      const more = await this.read(n - length);
      if (!more) break;
      parts.push(more);
      length += more.length;
    }
    return Buffer.concat(parts);
  }
  async rest() {
    while (await this.read(1 << 30)) ;
  }
};
async function readTar(source2, where, visit, report) {
  const npmView = new NodeTarView();
  const input = new ByteSource(source2, (chunk) => npmView.write(chunk));
  const reported = /* @__PURE__ */ new Set();
  const ambiguous = (problem) => {
    if (reported.has(problem) || reported.size >= 20) return;
    reported.add(problem);
    report("archive-ambiguous", `${where}: ${problem}; the consumers (npm's node-tar, GNU tar, Python, Go) would not extract the same files`);
  };
  let pending = {};
  let zeroRun = 0;
  let blocks2 = 0;
  for (; ; ) {
    const block = input.exactNow(BLOCK) ?? await input.exact(BLOCK);
    if (block.length < BLOCK) {
      if (block.some((b2) => b2 !== 0) || zeroRun === 0 && blocks2 > 0 || blocks2 === 0)
        throw new GateIncompleteError("archive-truncated", `${where}: truncated tar data (no end-of-archive marker after the last entry; later entries may be missing)`);
      break;
    }
    blocks2 += 1;
    if (isZeroBlock(block)) {
      zeroRun += 1;
      if (zeroRun >= 2) break;
      continue;
    }
    if (zeroRun === 1) ambiguous("entries follow a single end-of-archive zero block (GNU tar and Python stop there, Go stops with an error, node-tar reads on)");
    zeroRun = 0;
    const header = decodeHeader(block);
    if (!header) throw new GateIncompleteError("archive-corrupt", `${where}: corrupt tar data (invalid header checksum or size field in block ${blocks2})`);
    if (header.signedChecksumOnly) ambiguous("a header checksum is valid only as a signed sum (GNU tar, Python and Go accept it, node-tar skips the entry)");
    const meta = await readMeta(input, header, pending, where, ambiguous);
    if (meta) {
      pending = meta;
      continue;
    }
    const entry = resolveEntry(header, pending, ambiguous);
    pending = {};
    npmView.expect(framed(entry.info.name, entry.info.type, entry.info.size, entry.info.linkTarget ?? ""));
    const body = entry.info.type === "file" ? bodyOf(input, entry.info.size, where) : void 0;
    await visit(entry.info, body);
    if (body) await body.release();
  }
  if (pending.pax || pending.longName !== void 0 || pending.longLink !== void 0) ambiguous("a PAX or GNU long-name header is not followed by any entry");
  await input.rest();
  await npmView.finish();
  if (npmView.problem) ambiguous(npmView.problem);
}
async function readMeta(input, header, pending, where, ambiguous) {
  const t = header.typeflag;
  if (t !== "x" && t !== "g" && t !== "L" && t !== "K") return void 0;
  if (header.size > MAX_META_BYTES) throw new GateIncompleteError("archive-corrupt", `${where}: a PAX or GNU long-name header of ${header.size} bytes (over ${MAX_META_BYTES}); consumers cap these differently`);
  const wanted = Math.ceil(header.size / BLOCK) * BLOCK;
  const body = input.exactNow(wanted) ?? await input.exact(wanted);
  if (body.length < header.size) throw new GateIncompleteError("archive-truncated", `${where}: truncated tar data inside a PAX or GNU long-name header`);
  const data = body.subarray(0, header.size);
  if (t === "L" || t === "K") {
    const nul = data.indexOf(0);
    const name = data.subarray(0, nul < 0 ? data.length : nul).toString("utf8");
    const key2 = t === "L" ? "longName" : "longLink";
    if (pending[key2] !== void 0) ambiguous("two GNU long-name headers for one entry");
    if (pending.pax?.has(t === "L" ? "path" : "linkpath")) ambiguous(`a PAX ${t === "L" ? "path" : "linkpath"} and a GNU long ${t === "L" ? "name" : "link"} for one entry (consumers disagree on which wins)`);
    return { ...pending, [key2]: name };
  }
  const { values, problem } = parsePax(data);
  if (problem) ambiguous(problem);
  if (t === "g") {
    const framing = [...values.keys()].filter((k2) => FRAMING_KEYS.includes(k2) || isSparseKey(k2));
    if (framing.length) ambiguous(`a PAX global header sets ${framing.join(", ")} (Python and GNU tar apply it to the entries after it, node-tar and Go ignore a global path)`);
    return pending;
  }
  if (pending.pax) ambiguous("two PAX headers for one entry");
  if (values.has("path") && pending.longName !== void 0) ambiguous("a PAX path and a GNU long name for one entry (consumers disagree on which wins)");
  if (values.has("linkpath") && pending.longLink !== void 0) ambiguous("a PAX linkpath and a GNU long link for one entry (consumers disagree on which wins)");
  return { ...pending, pax: new Map([...pending.pax ?? [], ...values]) };
}
function resolveEntry(header, pending, ambiguous) {
  const pax = pending.pax ?? /* @__PURE__ */ new Map();
  const alt = /* @__PURE__ */ new Set();
  let headerName = header.name;
  if (header.prefix !== void 0 || header.tailUsed) {
    const prefixed = header.prefix ? `${header.prefix}/${header.name}` : header.name;
    if (header.magic === "posix") headerName = prefixed;
    else {
      const joins = header.magic === "gnu" ? "Python and Go prepend it" : "Python prepends it";
      ambiguous(`the prefix field is set under ${header.magic === "gnu" ? "GNU" : "non-POSIX"} magic (${joins}, node-tar and GNU tar do not)`);
      alt.add(prefixed);
    }
  }
  if (header.starPrefix !== void 0) {
    ambiguous("a POSIX header with the star trailer has a prefix of more than 130 bytes (Go reads 131 bytes of it, node-tar, GNU tar and Python 155)");
    alt.add(header.starPrefix ? `${header.starPrefix}/${header.name}` : header.name);
  }
  const name = pax.get("path") ?? pending.longName ?? headerName;
  for (const other of [pax.get("path"), pending.longName, headerName]) if (other !== void 0 && other !== name) alt.add(other);
  const sparseKeys = [...pax.keys()].filter(isSparseKey);
  if (sparseKeys.length || header.typeflag === "S") {
    ambiguous("a GNU sparse entry (node-tar extracts it under its placeholder name with the sparse map as content, GNU tar, Python and Go under GNU.sparse.name)");
    const real = pax.get("GNU.sparse.name");
    if (real) alt.add(real);
  }
  if (name === "") ambiguous("an entry without a name");
  let size = header.size;
  const paxSize = pax.get("size");
  if (paxSize !== void 0) {
    if (/^[0-9]{1,15}$/.test(paxSize)) size = parseInt(paxSize, 10);
    else ambiguous(`a PAX size of "${paxSize.slice(0, 20)}" (Python and node-tar read it as 0, GNU tar and Go keep the header's size)`);
  }
  const oldStyleDir = (header.typeflag === "0" || header.typeflag === "\0") && name.endsWith("/");
  const type = oldStyleDir ? "directory" : typeOf(header.typeflag);
  if ((HEADER_ONLY.has(header.typeflag) || oldStyleDir) && size > 0) {
    const who = oldStyleDir ? BODY_READ_AS_HEADERS[header.typeflag === "0" ? "old0" : "oldNul"] : BODY_READ_AS_HEADERS[header.typeflag] ?? LINK_OR_DEVICE;
    ambiguous(`a ${type} entry declares ${size} bytes of content (${who})`);
    size = 0;
  }
  const linkname = pax.get("linkpath") ?? pending.longLink ?? header.linkname;
  const info = { name, type, size, ...type === "symlink" || type === "hardlink" ? { linkTarget: linkname } : {}, ...alt.size ? { altNames: [...alt] } : {} };
  return { info };
}
function typeOf(flag) {
  switch (flag) {
    case "5":
    case "D":
      return "directory";
    case "2":
      return "symlink";
    case "1":
      return "hardlink";
    case "3":
    case "4":
    case "6":
      return "other";
    default:
      return "file";
  }
}
function bodyOf(input, size, where) {
  let remaining = size;
  let padding = (BLOCK - size % BLOCK) % BLOCK;
  const pull = async () => {
    if (remaining <= 0) return { done: true, value: void 0 };
    const piece = input.readNow(remaining) ?? await input.read(remaining);
    if (!piece) throw new GateIncompleteError("archive-truncated", `${where}: truncated tar data inside an entry`);
    remaining -= piece.length;
    return { done: false, value: piece };
  };
  let last = Promise.resolve();
  const chunks = {
    next() {
      const p2 = last.then(pull);
      last = p2.catch(() => void 0);
      return p2;
    }
  };
  return {
    chunks,
    release: async () => {
      while (!(await chunks.next()).done) ;
      while (padding > 0) {
        const piece = input.readNow(padding) ?? await input.read(padding);
        if (!piece) throw new GateIncompleteError("archive-truncated", `${where}: truncated tar data after an entry`);
        padding -= piece.length;
      }
    }
  };
}
function corrupt(format, where, error) {
  if (error instanceof GateIncompleteError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const truncated = /unexpected end|premature|truncat/i.test(message);
  return new GateIncompleteError(truncated ? "archive-truncated" : "archive-corrupt", `${where}: ${truncated ? "truncated" : "corrupt"} ${format} data (${message})`);
}
async function* rethrowing(source2, format, where) {
  try {
    yield* source2;
  } catch (error) {
    throw corrupt(format, where, error);
  }
}

// src/gates/artifact-scan/zip-structure.ts
import { open } from "node:fs/promises";
import { crc32 } from "node:zlib";
var EOCD = 101010256;
var EOCD64 = 101075792;
var EOCD64_LOCATOR = 117853008;
var CENTRAL = 33639248;
var LOCAL = 67324752;
var MAX_TAIL = 22 + 65535;
function bufferBytes(buffer2) {
  return { size: buffer2.length, read: async (p2, l) => buffer2.subarray(p2, p2 + l), close: async () => void 0 };
}
async function fileBytes(path) {
  const handle = await open(path, "r");
  const { size } = await handle.stat();
  return {
    size,
    read: async (position, length) => {
      const out = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      if (out.length) await handle.read(out, 0, out.length, position);
      return out;
    },
    close: () => handle.close()
  };
}
var Window = class {
  constructor(bytes) {
    this.bytes = bytes;
  }
  bytes;
  start = 0;
  data = Buffer.alloc(0);
  async get(position, length) {
    if (position < this.start || position + length > this.start + this.data.length) {
      this.start = position;
      this.data = await this.bytes.read(position, Math.max(length, 1 << 20));
    }
    return this.data.subarray(position - this.start, position - this.start + length);
  }
};
async function findEnd(bytes, where, ambiguous) {
  const tailStart = Math.max(0, bytes.size - MAX_TAIL - 20);
  const tail = await bytes.read(tailStart, bytes.size - tailStart);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const commentLength = tail.readUInt16LE(i + 20);
    if (i + 22 + commentLength !== tail.length) ambiguous("the end record's comment length does not reach the end of the file (yauzl refuses it, Python reads it)");
    let count = tail.readUInt16LE(i + 10);
    let cdSize = tail.readUInt32LE(i + 12);
    let cdOffset = tail.readUInt32LE(i + 16);
    let endAt = tailStart + i;
    if (i >= 20 && tail.readUInt32LE(i - 20) === EOCD64_LOCATOR) {
      const recordAt = Number(tail.readBigUInt64LE(i - 20 + 8));
      const record = await bytes.read(recordAt, 56);
      if (record.length < 56 || record.readUInt32LE(0) !== EOCD64) throw new GateIncompleteError("archive-corrupt", `${where}: corrupt zip data (zip64 end record not found where its locator points)`);
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
      endAt = recordAt;
    }
    return { count, cdSize, cdOffset, endAt };
  }
  throw new GateIncompleteError("archive-corrupt", `${where}: corrupt zip data (no end of central directory record)`);
}
async function endsLikeZip(bytes) {
  try {
    const end = await findEnd(bytes, "", () => void 0);
    return end.cdSize + end.cdOffset <= end.endAt;
  } catch {
    return false;
  }
}
function parseExtra(extra, name, record, sizes) {
  for (let at2 = 0; at2 + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at2);
    const length = extra.readUInt16LE(at2 + 2);
    const data = extra.subarray(at2 + 4, at2 + 4 + length);
    if (id === 28789 && data.length >= 5 && data[0] === 1 && data.readUInt32LE(1) === crc32(name) >>> 0) record.unicodePath = data.subarray(5).toString("utf8");
    if (id === 1) {
      let f2 = 0;
      const next = () => f2 + 8 <= data.length ? Number(data.readBigUInt64LE((f2 += 8) - 8)) : void 0;
      if (sizes.uncompressed === 4294967295) next();
      if (record.compressedSize === 4294967295) record.compressedSize = next() ?? record.compressedSize;
      if (record.localOffset === 4294967295) record.localOffset = next() ?? record.localOffset;
    }
    at2 += 4 + length;
  }
}
async function checkZipLayout(bytes, where, ambiguous) {
  const end = await findEnd(bytes, where, ambiguous);
  const shift = end.endAt - end.cdSize - end.cdOffset;
  if (shift < 0) throw new GateIncompleteError("archive-corrupt", `${where}: corrupt zip data (the central directory would start before the file)`);
  const window = new Window(bytes);
  if (shift > 0 && end.cdOffset + 4 <= bytes.size && (await window.get(end.cdOffset, 4)).readUInt32LE(0) === CENTRAL)
    ambiguous("two central directories: yauzl reads the one the end record points at, Python and unzip the one right before the end record");
  const records = [];
  const altNames = [];
  const cdStart = end.cdOffset + shift;
  for (let at2 = cdStart; at2 < cdStart + end.cdSize; ) {
    const head = await window.get(at2, 46);
    if (head.length < 46 || head.readUInt32LE(0) !== CENTRAL) {
      ambiguous("the central directory holds bytes that are not directory records");
      break;
    }
    const nameLength = head.readUInt16LE(28);
    const extraLength = head.readUInt16LE(30);
    const commentLength = head.readUInt16LE(32);
    const rest = Buffer.from(await window.get(at2 + 46, nameLength + extraLength));
    const name = rest.subarray(0, nameLength);
    const record = { name, flags: head.readUInt16LE(8), compressedSize: head.readUInt32LE(20), localOffset: head.readUInt32LE(42) };
    parseExtra(rest.subarray(nameLength), name, record, { uncompressed: head.readUInt32LE(24) });
    records.push(record);
    at2 += 46 + nameLength + extraLength + commentLength;
  }
  if (records.length !== end.count)
    ambiguous(`the end record declares ${end.count} entries but the central directory holds ${records.length} (yauzl reads ${end.count}, Python and unzip read the directory by its size)`);
  for (const record of records) altNames.push(await namesOf(record, window, shift, ambiguous));
  checkLocalLayout(records, cdStart, ambiguous);
  return { shift, altNames };
}
var localSpans = /* @__PURE__ */ new WeakMap();
async function namesOf(record, window, shift, ambiguous) {
  const names = [];
  const raw = decodeZipName(record.name, record.flags);
  if (record.unicodePath !== void 0 && record.unicodePath.normalize("NFC") !== raw.normalize("NFC")) {
    names.push(record.unicodePath);
    if (/^[\x20-\x7e]*$/.test(raw) || (record.flags & 2048) !== 0)
      ambiguous(`an entry's Unicode Path field names "${printableName(record.unicodePath)}" while its name is "${printableName(raw)}" (yauzl and unzip use the field, Python the name)`);
  }
  const at2 = record.localOffset + shift;
  const head = await window.get(at2, 30);
  if (head.length < 30 || head.readUInt32LE(0) !== LOCAL) {
    ambiguous("a central directory record points at no local header");
    return names;
  }
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const localName = Buffer.from(await window.get(at2 + 30, nameLength));
  if (!localName.equals(record.name)) {
    const decoded = decodeZipName(localName, head.readUInt16LE(6));
    names.push(decoded);
    ambiguous(`a local header names "${printableName(decoded)}" where the central directory names "${printableName(raw)}" (streaming readers use the local name)`);
  }
  localSpans.set(record, { start: at2, end: at2 + 30 + nameLength + extraLength + record.compressedSize });
  return names;
}
function checkLocalLayout(records, cdStart, ambiguous) {
  const spans = records.flatMap((r) => {
    const span = localSpans.get(r);
    return span ? [{ ...span, descriptor: (r.flags & 8) !== 0 }] : [];
  });
  spans.sort((a, b2) => a.start - b2.start);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const slack = (i + 1 < spans.length ? spans[i + 1].start : cdStart) - span.end;
    if (slack < 0) return ambiguous("zip entries overlap (one entry's data is another's header)");
    if (slack > 0 && !(span.descriptor && [12, 16, 20, 24].includes(slack)))
      return ambiguous(`${slack} unlisted bytes between zip entries (a streaming reader would read them as another entry)`);
  }
}
var CP437 = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ";
function decodeZipName(raw, flags) {
  if ((flags & 2048) !== 0) return raw.toString("utf8");
  let out = "";
  for (const byte of raw) out += byte < 128 ? String.fromCharCode(byte) : CP437[byte - 128];
  return out;
}
function printableName(name) {
  const escaped = JSON.stringify(name).slice(1, -1);
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped;
}

// src/gates/artifact-scan/sniff.ts
var ARCHIVE_NAME = /\.(?:tar|tgz|taz|tar\.gz|gz|zip|whl|egg|pyz|vsix|jar|war|ear|aar|apk|nupkg|xpi|crx|oci)$/i;
function namedAsArchive(name) {
  return ARCHIVE_NAME.test(name);
}
async function isZipByTail(abs) {
  const bytes = await fileBytes(abs);
  try {
    return await endsLikeZip(bytes);
  } finally {
    await bytes.close();
  }
}
function unreadableArchive(name, what) {
  return ["archive-unreadable", `${name}: named as an archive but ${what}; its content could not be examined`];
}

// src/gates/artifact-scan/zip-reader.ts
var import_yauzl = __toESM(require_yauzl(), 1);
import { open as openFile } from "node:fs/promises";
import { Readable as Readable2 } from "node:stream";
import { promisify as promisify2 } from "node:util";
var S_IFMT = 61440;
var S_IFLNK = 40960;
var OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: false };
var openPath = promisify2(import_yauzl.default.open);
var openBuffer = promisify2(import_yauzl.default.fromBuffer);
var openReader = promisify2(import_yauzl.default.fromRandomAccessReader);
var ShiftedFileReader = class extends import_yauzl.default.RandomAccessReader {
  constructor(handle, shift) {
    super();
    this.handle = handle;
    this.shift = shift;
  }
  handle;
  shift;
  _readStreamForRange(start, end) {
    const { handle, shift } = this;
    return Readable2.from(
      (async function* () {
        for (let at2 = start; at2 < end; ) {
          const piece = Buffer.alloc(Math.min(1 << 16, end - at2));
          const { bytesRead } = await handle.read(piece, 0, piece.length, at2 + shift);
          if (bytesRead === 0) return;
          at2 += bytesRead;
          yield piece.subarray(0, bytesRead);
        }
      })()
    );
  }
};
async function openZip(source2, shift) {
  if ("buffer" in source2) return { zip: await openBuffer(shift ? source2.buffer.subarray(shift) : source2.buffer, OPTIONS), done: async () => void 0 };
  if (!shift) return { zip: await openPath(source2.path, OPTIONS), done: async () => void 0 };
  const handle = await openFile(source2.path, "r");
  const { size } = await handle.stat();
  try {
    return { zip: await openReader(new ShiftedFileReader(handle, shift), size - shift, OPTIONS), done: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
async function readZip(source2, where, budget, visit, report) {
  const ambiguous = (problem) => report("archive-ambiguous", `${where}: ${problem}; the consumers (yauzl as VS Code calls it, Python's zipfile and pip, unzip, streaming readers) would not extract the same files`);
  const bytes = "path" in source2 ? await fileBytes(source2.path) : bufferBytes(source2.buffer);
  let layout;
  try {
    layout = await checkZipLayout(bytes, where, ambiguous);
  } catch (error) {
    throw zipError(where, error);
  } finally {
    await bytes.close();
  }
  let zip;
  let done;
  try {
    ;
    ({ zip, done } = await openZip(source2, layout.shift));
  } catch (error) {
    throw zipError(where, error);
  }
  let index = 0;
  try {
    if (budget.entries + zip.entryCount > budget.limits.maxEntries)
      throw new GateIncompleteError("limit-entries", `${where}: declares ${zip.entryCount} entries, over max-entries (${budget.limits.maxEntries})`);
    for (; ; ) {
      const entry = await nextEntry(zip).catch((error) => {
        throw zipError(where, error);
      });
      if (!entry) break;
      const info = entryInfo(entry, layout.altNames[index++]);
      const entryWhere = `${where}:${info.name}`;
      if (info.type === "file") {
        budget.countExpanded(entry.uncompressedSize, entryWhere);
        budget.checkRatio(entry.uncompressedSize, entry.compressedSize, entryWhere);
      }
      if (entry.isEncrypted())
        throw new GateIncompleteError("archive-encrypted", `${entryWhere}: encrypted zip entry; its content cannot be examined`);
      if (info.type === "directory") {
        await visit(info, void 0);
        continue;
      }
      const stream = await openEntry(zip, entry).catch((error) => {
        throw zipError(entryWhere, error);
      });
      if (info.type === "symlink") info.linkTarget = await readLinkTarget(stream);
      const chunks = toChunks(stream);
      try {
        await visit(info, info.type === "symlink" ? void 0 : { chunks, release: async () => void stream.destroy() });
      } catch (error) {
        throw zipError(entryWhere, error);
      } finally {
        stream.destroy();
      }
    }
  } finally {
    zip.close();
    await done();
  }
}
function entryInfo(entry, altNames) {
  const name = decodeZipName(entry.fileName, entry.generalPurposeBitFlag);
  const madeByUnix = entry.versionMadeBy >> 8 === 3;
  const mode = entry.externalFileAttributes >>> 16 & S_IFMT;
  const type = name.endsWith("/") ? "directory" : madeByUnix && mode === S_IFLNK ? "symlink" : "file";
  return { name, type, size: entry.uncompressedSize, ...altNames?.length ? { altNames } : {} };
}
function nextEntry(zip) {
  return new Promise((resolve2, reject) => {
    const cleanup = () => {
      zip.off("entry", onEntry);
      zip.off("end", onEnd);
      zip.off("error", onError);
    };
    const onEntry = (e) => (cleanup(), resolve2(e));
    const onEnd = () => (cleanup(), resolve2(void 0));
    const onError = (e) => (cleanup(), reject(e));
    zip.on("entry", onEntry);
    zip.on("end", onEnd);
    zip.on("error", onError);
    zip.readEntry();
  });
}
function openEntry(zip, entry) {
  return new Promise(
    (resolve2, reject) => zip.openReadStream(entry, (error, stream) => error || !stream ? reject(error ?? new Error("no stream")) : resolve2(stream))
  );
}
async function readLinkTarget(stream) {
  const parts = [];
  let length = 0;
  for await (const chunk of stream) {
    parts.push(chunk);
    length += chunk.length;
    if (length > 4096) break;
  }
  return Buffer.concat(parts).subarray(0, 4096).toString("utf8");
}
function zipError(where, error) {
  if (error instanceof GateIncompleteError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const truncated = /end of central directory|unexpected EOF|too (?:few|many) bytes|not enough|invalid signature|truncat/i.test(message);
  return new GateIncompleteError(truncated ? "archive-truncated" : "archive-corrupt", `${where}: ${truncated ? "truncated or corrupt" : "corrupt"} zip data (${message})`);
}

// src/gates/artifact-scan/scan-session.ts
var CLASS_RANK = { never: 3, review: 2, shared: 1 };
var MAX_FINDINGS_PER_RULE = 1e3;
var CONTROL_CHARS = /[\u0000-\u001f\u007f\u2028\u2029]/;
var ScanSession = class {
  constructor(matcher, limits, maxDepth, ledger) {
    this.matcher = matcher;
    this.limits = limits;
    this.maxDepth = maxDepth;
    this.ledger = ledger;
    this.budget = new Budget(limits);
  }
  matcher;
  limits;
  maxDepth;
  ledger;
  budget;
  hits = [];
  lastOmitted = /* @__PURE__ */ new Map();
  /** Each archive's chain is one array shared by its entries: redacted once. */
  redactedChains = /* @__PURE__ */ new WeakMap();
  perRule = /* @__PURE__ */ new Map();
  /** Links at agent paths and the entries they point at (earlier, later or outside the archive). */
  links = new LinkTargets();
  errors = [];
  stats = { entries: 0, files: 0, bytesScanned: 0, nestedArchives: 0, links: 0, contentScanned: 0 };
  spoolDir;
  /** First path components of the current top-level archive, to recognise an npm tarball layout. */
  topFolders = /* @__PURE__ */ new Set();
  manifestTops = /* @__PURE__ */ new Set();
  error(code, message, place, path) {
    const shownPath = path === void 0 ? void 0 : this.redact(path);
    const location = place && place.chain.length ? { artifact: this.redact(artifactChain(place.chain)), path: shownPath ?? "" } : shownPath ? { path: shownPath } : void 0;
    this.errors.push({ code, message: this.redact(message), ...location ? { location } : {} });
  }
  /**
   * A name, key, link target, chain or message as it may be printed: every literal credential in it
   * is replaced by `[REDACTED]` and its value recorded in the ledger.
   */
  redact(text) {
    const { text: shown, hits } = redactCredentials(text);
    for (const hit of hits) this.ledger.add(hit.value);
    return shown;
  }
  /** A credential in an entry's name or link target is itself a finding (shown redacted). */
  checkNames(place, path, info) {
    const kinds = /* @__PURE__ */ new Set();
    let count = 0;
    for (const text of [info.name, info.linkTarget ?? "", ...info.altNames ?? []]) {
      for (const hit of redactCredentials(text).hits) {
        this.ledger.add(hit.value);
        kinds.add(`${hit.kind} in ${text === info.name ? "the entry name" : text === info.linkTarget ? "the link target" : "another name of the entry"}`);
        count += 1;
      }
    }
    if (count) this.addHit({ chain: place.chain, path, match: { entry: CREDENTIAL_IN_NAME, pattern: "(name)" }, credentials: { count, kinds: [...kinds], keys: [], parsedAsText: false } });
  }
  /** Non-fatal reader problems (an ambiguous archive) recorded at the archive's place. */
  reporter(place) {
    return (code, message) => this.error(code, message, place);
  }
  recordFailure(error, place, path) {
    if (error instanceof GateIncompleteError) this.error(error.code, error.message, place, path);
    else this.error("scan-failed", `${describe2(place, path)}: ${errorMessage(error)}`, place, path);
  }
  /** Called by every reader for every entry, in order. */
  async visit(place, info, body) {
    const where = describe2(place, info.name);
    this.budget.countEntry(where);
    this.stats.entries += 1;
    const normalized = normalizeEntryPath(info.name);
    if (place.chain.length > 0 && (normalized.escapes || info.name.split(/[\\/]/).includes("..")))
      this.error("entry-path-escapes", `${describe2(place, printable(info.name))}: entry name is absolute or contains "..", a path-traversal attempt`, place, normalized.path);
    if (CONTROL_CHARS.test(info.name))
      this.error("entry-name-control", `${describe2(place, printable(info.name))}: entry name contains control or line-break characters, which hide or disguise a path; the entry is still classified`, place, normalized.path);
    if (place.depth === 0 && place.chain.length === 1) this.noteTopLevel(normalized.path, info.type);
    this.checkNames(place, normalized.path, info);
    const { path, match } = this.subject(place, normalized.path, info);
    if (place.chain.length && this.links.settledBefore(place.chain, normalized.path))
      this.error("link-target-ambiguous", `${describe2(place, normalized.path)}: a second entry at the path a link at an agent path points to; which copy the link reads depends on the consumer, so its content is not judged`, place, normalized.path);
    const waiting = place.chain.length ? this.links.take(place.chain, normalized.path) : [];
    if (place.chain.length) this.links.see(place.chain, normalized.path);
    if (info.type === "symlink" || info.type === "hardlink") {
      this.stats.links += 1;
      const target = info.linkTarget ?? "";
      if (waiting.length) for (const o of this.links.chase(waiting, { path: normalized.path, type: info.type, target })) this.settle(o);
      if (place.chain.length && match?.entry.mayHoldSecrets) {
        const outcome = this.links.link({ chain: place.chain, path, match, type: info.type, target, hops: 0 });
        if (outcome) this.settle(outcome);
      } else {
        const linkMatch = match ?? this.matcher.match(resolveLinkTarget(path, info.type, target).path);
        if (linkMatch) this.addHit({ chain: place.chain, path, match: linkMatch, link: { type: info.type, target: printable(target), targetMatched: !match } });
      }
      await body?.release();
      return;
    }
    if (waiting.length && (info.type !== "file" || !body)) for (const link of waiting) this.settle({ link, problem: `a ${info.type} entry, not a file` });
    if (info.type !== "file" || !body) {
      if (match && info.type !== "directory") this.addHit({ chain: place.chain, path, match });
      await body?.release();
      return;
    }
    this.stats.files += 1;
    this.stats.bytesScanned += info.size;
    const head = await readHead(body.chunks, HEAD_BYTES);
    if (match && match.entry.mayHoldSecrets) {
      const report = await this.scanAgentFile(place, path, match, head, body);
      for (const link of waiting) this.settle(report ? { link, credentials: report } : { link, problem: "a file larger than max-entry-bytes" });
      return;
    }
    if (waiting.length) return this.scanLinkedFile(place, path, match, waiting, head, body);
    if (match) this.addHit({ chain: place.chain, path, match });
    else {
      const evidence = agentStateByLayout(path) ?? agentStateByContent(path, head);
      if (evidence) this.addHit({ chain: place.chain, path, match: { entry: GENERIC_AGENT_STATE, pattern: "(layout)" }, evidence });
    }
    await this.maybeNested(place, path, head, body);
  }
  /**
   * The name the entry is judged under: its own, or another name some consumer gives it (PAX path vs
   * GNU long name, a zip's Unicode Path field) when that one is agent state of a higher class. Every
   * other matching name is a finding too.
   */
  subject(place, path, info) {
    let best = { path, match: path ? this.matcher.matchNormalized(path) : void 0 };
    if (!info.altNames?.length) return best;
    const others = [];
    for (const alt of info.altNames) {
      const altPath = normalizeEntryPath(alt).path;
      const match = altPath && altPath !== path ? this.matcher.matchNormalized(altPath) : void 0;
      if (!match) continue;
      if (!best.match || CLASS_RANK[match.entry.class] > CLASS_RANK[best.match.entry.class]) {
        if (best.match) others.push({ path: best.path, match: best.match });
        best = { path: altPath, match };
      } else others.push({ path: altPath, match });
    }
    for (const other of others) if (info.type !== "directory") this.addHit({ chain: place.chain, ...other });
    return best;
  }
  /**
   * Keeps the first MAX_FINDINGS_PER_RULE hits of each rule and counts the rest (with the last one
   * as their example), so a million matches still end in a report of bounded size. Only kept hits
   * and the examples are redacted (an omitted one is redacted when it is read), which keeps the
   * million cheap; credentials in names reach the ledger in `checkNames` anyway.
   */
  addHit(raw) {
    const rule = `${raw.match.entry.id}|${raw.credentials?.count ? "secret" : raw.link?.outside ? "outside" : raw.link ? "link" : "state"}`;
    const kept = (this.perRule.get(rule) ?? 0) + 1;
    this.perRule.set(rule, kept);
    if (kept <= MAX_FINDINGS_PER_RULE) this.hits.push(this.redactHit(raw));
    else this.lastOmitted.set(rule, { raw, count: kept - MAX_FINDINGS_PER_RULE });
  }
  /** Per rule: how many hits were not kept, and the last of them (redacted). */
  get omitted() {
    return new Map([...this.lastOmitted].map(([rule, { raw, count }]) => [rule, { hit: this.redactHit(raw), count }]));
  }
  /** Everything a finding prints from the archive passes the credential detector first. */
  redactHit(raw) {
    let chain = this.redactedChains.get(raw.chain);
    if (!chain) this.redactedChains.set(raw.chain, chain = raw.chain.map((c2) => this.redact(c2)));
    return {
      ...raw,
      chain,
      path: this.redact(raw.path),
      ...raw.link ? { link: { ...raw.link, target: this.redact(raw.link.target) } } : {},
      ...raw.evidence ? { evidence: this.redact(raw.evidence) } : {}
    };
  }
  /** True when the path is agent state whose content is checked for credentials. */
  wantsContent(path) {
    return this.matcher.match(path)?.entry.mayHoldSecrets === true;
  }
  /** Starts a new top-level artifact (resets the layout tracking). */
  beginArtifact() {
    this.topFolders.clear();
    this.manifestTops.clear();
  }
  /**
   * True when the last top-level archive looks like an npm tarball: every entry
   * under one folder (`package/` or any other name) that holds a package.json.
   */
  get looksLikeNpmTarball() {
    const [top] = this.topFolders;
    return this.topFolders.size === 1 && top !== void 0 && this.manifestTops.has(top);
  }
  noteTopLevel(path, type) {
    const slash = path.indexOf("/");
    if (this.topFolders.size <= 1) this.topFolders.add(slash < 0 ? type === "directory" ? path : "" : path.slice(0, slash));
    if (slash > 0 && path.slice(slash + 1) === "package.json") this.manifestTops.add(path.slice(0, slash));
  }
  /** Review and never files: read (bounded) and look for literal credentials. */
  async scanAgentFile(place, path, match, head, body) {
    const { data } = await collectUpTo(head, body.chunks, this.limits.maxEntryBytes);
    await body.release();
    if (!data) {
      this.addHit({ chain: place.chain, path, match });
      this.error("entry-too-large", `${describe2(place, path)}: agent file larger than max-entry-bytes (${this.limits.maxEntryBytes}); its content could not be checked for credentials`, place, path);
      return void 0;
    }
    this.stats.contentScanned += 1;
    const credentials = scanContent(path, data, this.ledger);
    if (place.chain.length) this.links.recordScan(place.chain, path, credentials);
    this.addHit({ chain: place.chain, path, match, credentials });
    return credentials;
  }
  /**
   * A file that links at agent paths point at (it came after them): its content is what those paths
   * hold once unpacked, so it is content-scanned as the first link's file type, then handled as itself.
   */
  async scanLinkedFile(place, path, match, waiting, head, body) {
    const { data } = await collectUpTo(head, body.chunks, this.limits.maxEntryBytes);
    if (!data) for (const link of waiting) this.settle({ link, problem: "a file larger than max-entry-bytes" });
    else {
      this.stats.contentScanned += 1;
      const credentials = scanContent(waiting[0].path, data, this.ledger);
      for (const link of waiting) this.settle({ link, credentials });
    }
    if (match) this.addHit({ chain: place.chain, path, match });
    if (!data) return body.release();
    const rest = data.subarray(HEAD_BYTES);
    const chunks = toChunks((async function* () {
      if (rest.length) yield rest;
    })());
    await this.maybeNested(place, path, data.subarray(0, HEAD_BYTES), { chunks, release: () => drain(chunks) });
  }
  /** Turns what became of a link at an agent path into its finding (and an error when its content is unknown). */
  settle(outcome) {
    const { link } = outcome;
    const place = { chain: link.chain, depth: 0 };
    const shown = { type: link.type, target: printable(link.target), targetMatched: false };
    if ("credentials" in outcome) return this.addHit({ chain: link.chain, path: link.path, match: link.match, link: shown, credentials: outcome.credentials });
    if ("outside" in outcome) return this.addHit({ chain: link.chain, path: link.path, match: link.match, link: { ...shown, outside: true } });
    this.addHit({ chain: link.chain, path: link.path, match: link.match, link: shown });
    this.error("link-target-unscanned", `${describe2(place, link.path)}: a ${link.type} at an agent path that may hold secrets points at "${printable(link.target)}", ${outcome.problem}; its content was not checked`, place, link.path);
  }
  /** Reads one archive, then settles the links of it still waiting for their target. */
  async reading(place, read2) {
    let complete = false;
    try {
      await read2();
      complete = true;
    } finally {
      for (const outcome of this.links.finish(place.chain, complete)) this.settle(outcome);
    }
  }
  /** Opens a nested archive found by its magic bytes; anything else is drained unread. */
  async maybeNested(place, path, head, body) {
    const kind = detectKind(head);
    if (kind === "none") return body.release();
    if (UNREADABLE_KINDS.has(kind)) {
      this.unsupported({ chain: [...place.chain, path], depth: place.depth + 1 }, kind);
      return body.release();
    }
    const inner = { chain: [...place.chain, path], depth: place.depth + 1 };
    try {
      await this.scanStream(withHead(head, body.chunks), kind, inner, () => this.tooDeep(inner));
    } catch (error) {
      this.recordFailure(error, inner);
    } finally {
      await drain(body.chunks);
    }
  }
  /** A nested xz/bzip2/zstd/7z stream (e.g. a zstd OCI layer): its content was not examined, so the run cannot pass. */
  unsupported(place, kind) {
    this.error("archive-unsupported", `${artifactChain(place.chain)}: ${kind}-compressed stream, which this runtime cannot open; its content was not examined`, place);
  }
  tooDeep(place) {
    if (place.depth <= this.maxDepth) return false;
    this.error("limit-depth", `${artifactChain(place.chain)}: nested archive deeper than max-depth (${this.maxDepth}); not opened, so it could not be checked`, place);
    return true;
  }
  /**
   * Scans a stream of a known kind. `refuse` is asked once the content is known
   * to be an archive (a gzip of a plain file is not one) and may refuse it.
   */
  async scanStream(source2, kind, place, refuse = () => false, namedArchive = false) {
    const where = artifactChain(place.chain);
    if (kind === "gzip") {
      const inner = await gunzipAndSniff(source2, this.budget, where);
      if (inner.kind === "gzip") {
        if (refuse()) return;
        const stacked = { chain: place.chain, depth: place.depth + 1 };
        return this.scanStream(inner.chunks, "gzip", stacked, () => this.tooDeep(stacked));
      }
      if (inner.kind === "tar" || inner.kind === "zip") {
        if (refuse()) return;
        return this.scanStream(inner.chunks, inner.kind, place);
      }
      if (UNREADABLE_KINDS.has(inner.kind)) return this.unsupported(place, inner.kind);
      for await (const chunk of inner.chunks) void chunk;
      if (namedArchive && /\.(?:tgz|taz|tar\.gz)$/i.test(where)) this.error(...unreadableArchive(where, "its gzip holds neither a tar nor a zip"), place);
      return;
    }
    if (refuse()) return;
    if (kind === "tar") {
      if (place.depth > 0) this.stats.nestedArchives += 1;
      return this.reading(place, () => readTar(source2, where, (info, body) => this.visit(place, info, body), this.reporter(place)));
    }
    if (kind === "zip") {
      if (place.depth > 0) this.stats.nestedArchives += 1;
      return this.reading(place, () => this.scanNestedZip(source2, place));
    }
    throw new GateIncompleteError("archive-unsupported", `${where}: ${kind} compression cannot be opened; the content was not examined`);
  }
  /** A zip needs random access: buffered in memory up to max-nested-bytes, above that spooled to a private temp file. */
  async scanNestedZip(source2, place) {
    const where = artifactChain(place.chain);
    const chunks = source2[Symbol.asyncIterator]();
    const { data, parts } = await collectUpTo(Buffer.alloc(0), chunks, this.limits.maxNestedBytes);
    if (data) return readZip({ buffer: data }, where, this.budget, (info, body) => this.visit(place, info, body), this.reporter(place));
    this.spoolDir ??= await mkdtemp(join3(tmpdir(), "agent-gates-zip-"));
    const file = join3(this.spoolDir, `${this.stats.nestedArchives}.zip`);
    await writeFile(file, Buffer.concat(parts), { mode: 384 });
    for (; ; ) {
      const r = await chunks.next();
      if (r.done) break;
      await appendFile(file, r.value);
    }
    try {
      await readZip({ path: file }, where, this.budget, (info, body) => this.visit(place, info, body), this.reporter(place));
    } finally {
      await rm(file, { force: true });
    }
  }
  /** Scans a zip file on disk (top-level artifacts). */
  scanZipFile(path, place) {
    return this.reading(place, () => readZip({ path }, artifactChain(place.chain), this.budget, (info, body) => this.visit(place, info, body), this.reporter(place)));
  }
  async dispose() {
    if (this.spoolDir) await rm(this.spoolDir, { recursive: true, force: true });
  }
};
function describe2(place, path) {
  const chain = artifactChain(place.chain);
  if (!chain) return path ?? "";
  return path ? `${chain}:${path}` : chain;
}

// src/gates/artifact-scan/targets.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { opendir, readlink, stat } from "node:fs/promises";
import { join as join4 } from "node:path";
var TOP = { chain: [], depth: 0 };
var VCS_DIRS = /* @__PURE__ */ new Set([".git", ".hg", ".svn"]);
async function scanFolder(session, absDir, base, skipVcs = false) {
  let dir;
  try {
    dir = await opendir(absDir);
  } catch (error) {
    session.error("unreadable-file", `${base || "."}: cannot read folder (${errorMessage(error)})`, void 0, base);
    return;
  }
  for await (const dirent of dir) {
    const rel = base ? `${base}/${dirent.name}` : dirent.name;
    const abs = join4(absDir, dirent.name);
    if (dirent.isDirectory()) {
      if (!(skipVcs && VCS_DIRS.has(dirent.name))) await scanFolder(session, abs, rel, skipVcs);
      continue;
    }
    if (dirent.isSymbolicLink()) {
      const target = await readlink(abs).catch(() => "");
      await session.visit(TOP, { name: rel, type: "symlink", size: 0, linkTarget: target }, void 0);
      if (session.wantsContent(rel) && (await stat(abs).catch(() => void 0))?.isFile()) await scanPlainFile(session, abs, rel);
      continue;
    }
    if (!dirent.isFile()) {
      await session.visit(TOP, { name: rel, type: "other", size: 0 }, void 0);
      continue;
    }
    await scanPlainFile(session, abs, rel);
  }
}
async function scanPlainFile(session, abs, rel) {
  try {
    const { size } = await stat(abs);
    const stream = createReadStream(abs);
    const info = { name: rel, type: "file", size };
    try {
      await session.visit(TOP, info, { chunks: toChunks(stream), release: async () => void stream.destroy() });
    } finally {
      stream.destroy();
    }
  } catch (error) {
    if (error instanceof GateIncompleteError && error.code.startsWith("limit-")) throw error;
    session.recordFailure(asUnreadable(rel, error), TOP, rel);
  }
}
async function scanArtifactFile(session, abs, name) {
  const hash2 = createHash("sha256");
  const progress = { bytes: 0, complete: false };
  const stream = createReadStream(abs, { highWaterMark: 256 * 1024 });
  const hashed = (async function* () {
    for await (const chunk of stream) {
      hash2.update(chunk);
      progress.bytes += chunk.length;
      yield chunk;
    }
    progress.complete = true;
  })();
  const chunks = toChunks(hashed);
  const place = { chain: [name], depth: 0 };
  let head;
  try {
    head = await readHead(chunks, HEAD_BYTES);
  } catch (error) {
    session.recordFailure(asUnreadable(name, error), TOP, name);
    return void 0;
  }
  let kind = detectKind(head);
  try {
    if (kind === "none" && await isZipByTail(abs)) kind = "zip";
    if (kind === "none" && namedAsArchive(name)) session.error(...unreadableArchive(name, "it is neither a tar, a gzip nor a zip"), place);
    if (kind === "none") {
      await session.visit(TOP, { name, type: "file", size: progress.bytes }, { chunks: toChunks(withHead(head, chunks)), release: () => drain(chunks) });
    } else if (kind === "zip") {
      stream.destroy();
      await session.scanZipFile(abs, place);
    } else if (UNREADABLE_KINDS.has(kind)) {
      session.error("archive-unsupported", `${name}: ${kind}-compressed archives cannot be opened by this runtime; the content was not examined`, place);
    } else {
      await session.scanStream(withHead(head, chunks), kind, place, void 0, namedAsArchive(name));
    }
  } catch (error) {
    session.recordFailure(error, place);
  }
  await drain(chunks).catch(() => void 0);
  if (progress.complete) return { name, sha256: hash2.digest("hex"), bytes: progress.bytes };
  stream.destroy();
  return { name, ...await sha256File(abs) };
}
function asUnreadable(name, error) {
  if (error instanceof GateIncompleteError) return error;
  return new GateIncompleteError("unreadable-file", `${name}: cannot read file (${errorMessage(error)})`);
}

// src/gates/artifact-scan/gate.ts
var ARTIFACT_SCAN_CRITERIA = ["CC6.1", "CC6.7", "CC8.1"];
async function runArtifactScan(options, deps) {
  const startedAt = /* @__PURE__ */ new Date();
  const repoRoot = resolve(options.repoRoot ?? options.dir);
  const matcher = matcherFromConfig(options.config);
  const allow = new AllowList(options.config.allow ?? [], GATE);
  const session = new ScanSession(matcher, options.limits, options.maxDepth, deps.ledger);
  const contexts = /* @__PURE__ */ new Map();
  const details = { mode: "folder", artifacts: [], folders: [], npmPackages: [], skippedPrivate: [] };
  const rel = (abs) => relative2(repoRoot, abs).split("\\").join("/") || ".";
  let outsideFolder = false;
  const folderBase = (abs) => {
    const r = rel(abs);
    if (r === ".." || r.startsWith("../") || isAbsolute2(r)) {
      outsideFolder = true;
      return "";
    }
    return r === "." ? "" : r;
  };
  const folderContext = { stripTop: false, identity: "", repoPath: (p2) => !outsideFolder && existsSync3(join5(repoRoot, p2)) ? p2 : void 0 };
  const scanFile = async (abs, fileName, npmPackage) => {
    const name = session.redact(fileName);
    session.beginArtifact();
    deps.log.progress(`scanning ${name}`);
    const examined = await scanArtifactFile(session, abs, name);
    if (!examined) return;
    const stripTop = npmPackage !== void 0 || session.looksLikeNpmTarball;
    details.artifacts.push({ ...examined, kind: npmPackage ? "npm-tarball" : stripTop ? "npm-tarball (user-built)" : "file" });
    contexts.set(name, {
      stripTop,
      identity: npmPackage?.name ?? name,
      ...npmPackage ? { repoPath: (p2) => repoPathFor(options.dir, repoRoot, npmPackage, p2) } : {}
    });
  };
  let packDir;
  try {
    const usePaths = options.paths.length > 0;
    const hasManifest = declaresPackages(options.dir);
    if (usePaths) {
      details.mode = "paths";
      for (const abs of await expandPaths(options.dir, options.paths)) {
        if ((await stat2(abs)).isDirectory()) {
          details.folders.push(rel(abs));
          await scanFolder(session, abs, folderBase(abs));
        } else await scanFile(abs, rel(abs));
      }
    } else if (options.npm === true || options.npm === "auto" && hasManifest) {
      details.mode = "npm";
      if (!hasManifest) throw new GateIncompleteError("npm-manifest-unreadable", `${options.dir}: npm mode was requested but there is no package.json`);
      const { packages, skippedPrivate, skippedUnpublished, manager, lookedAt } = await discoverPackages(options.dir);
      const { packer, note } = choosePacker(manager, deps.env);
      Object.assign(details, { skippedPrivate: [...skippedPrivate, ...skippedUnpublished], lookedAt, packer, ...note ? { packerNote: note } : {} });
      if (note) deps.log.warn(`artifact-scan: ${note}`);
      const keep = options.keepTarballsIn;
      if (keep) await mkdir(keep, { recursive: true });
      else packDir = await mkdtemp2(join5(tmpdir2(), "agent-gates-pack-"));
      deps.log.progress(`packing ${packages.length} package(s) with ${packer} pack${options.npmScripts ? "" : " --ignore-scripts"}`);
      for (const packed of await packAll(options.dir, packages, keep ?? packDir, options.npmScripts, packer, deps.env)) {
        details.npmPackages.push({ name: packed.pkg.name, dir: packed.pkg.dir || ".", tarball: packed.filename, filesListedByNpm: packed.listed, ...keep ? { path: packed.tarball } : {} });
        await scanFile(packed.tarball, packed.filename, packed.pkg);
      }
    } else {
      details.folders.push(rel(options.dir));
      await scanFolder(session, options.dir, folderBase(options.dir), true);
    }
  } catch (error) {
    session.recordFailure(error, { chain: [], depth: 0 });
  } finally {
    if (packDir) await rm2(packDir, { recursive: true, force: true });
    await session.dispose();
  }
  const findings = session.hits.map((hit) => {
    const finding = hitToFinding(hit, hit.chain.length ? contexts.get(hit.chain[0]) : folderContext);
    return finding.ruleId.startsWith("agent-secret/") ? finding : allow.apply(finding);
  });
  let omitted = 0;
  for (const { hit, count } of session.omitted.values()) {
    omitted += count;
    const finding = hitToFinding(hit, hit.chain.length ? contexts.get(hit.chain[0]) : folderContext);
    const listed = { ...finding, message: `${finding.message}; and ${count} more finding(s) of this rule not listed (at most ${MAX_FINDINGS_PER_RULE} per rule)`, properties: { ...finding.properties, omitted: count } };
    findings.push(listed.ruleId.startsWith("agent-secret/") ? listed : allow.apply(listed));
  }
  const byClass = (cls) => findings.filter((f2) => f2.properties?.class === cls).length;
  const credentials = findings.reduce((n, f2) => n + Number(f2.properties?.credentials ?? 0), 0);
  const stats = {
    artifacts: details.artifacts.length,
    folders: details.folders.length,
    entries: session.stats.entries,
    files: session.stats.files,
    bytesScanned: session.stats.bytesScanned,
    expandedBytes: session.budget.expandedBytes,
    nestedArchives: session.stats.nestedArchives,
    links: session.stats.links,
    contentScanned: session.stats.contentScanned,
    never: byClass("never"),
    review: byClass("review"),
    shared: byClass("shared"),
    credentials,
    findingsOmitted: omitted,
    failOn: options.failOn
  };
  return buildResult({
    gate: GATE,
    startedAt,
    findings,
    errors: session.errors,
    blocks: (f2) => blocks(f2, options.failOn),
    criteria: ARTIFACT_SCAN_CRITERIA,
    stats,
    examined: { artifacts: details.artifacts.map(({ name, sha256, bytes }) => ({ name, sha256, bytes })) },
    allowList: allow.records(),
    details,
    ...session.errors.length ? {} : { summary: summarize(details, stats, findings, options.failOn) }
  });
}
function summarize(details, stats, findings, failOn) {
  const scanned = `${stats.artifacts} artifact(s)${stats.folders ? ` and ${stats.folders} folder(s)` : ""}, ${stats.entries} entries`;
  if (details.mode === "npm" && details.npmPackages.length === 0)
    return `nothing to scan: no publishable npm package (looked at ${details.lookedAt?.join("; ") ?? "package.json"}; ${details.skippedPrivate.length} private or unpublished package(s) skipped)`;
  const blocking = findings.filter((f2) => !f2.suppressed && blocks(f2, failOn)).length;
  const counts = `${stats.never} never, ${stats.review} review, ${stats.shared} shared, ${stats.credentials} literal credential(s)`;
  return `${blocking ? `${blocking} blocking finding(s)` : "no blocking findings"} in ${scanned} (${counts}; fail-on: ${failOn})`;
}
async function expandPaths(dir, patterns) {
  const out = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      const abs = resolve(dir, pattern);
      if (!existsSync3(abs)) throw new GateIncompleteError("path-not-found", `path "${pattern}" does not exist`);
      out.add(abs);
      continue;
    }
    const matches = await glob(pattern, { cwd: dir, absolute: true, dot: true, onlyFiles: false, followSymbolicLinks: true, expandDirectories: false });
    if (matches.length === 0) throw new GateIncompleteError("path-not-found", `glob "${pattern}" matched nothing`);
    for (const m2 of matches.sort()) out.add(resolve(m2));
  }
  const seen = /* @__PURE__ */ new Set();
  const unique = [];
  for (const abs of out) {
    const real = await realpath(abs).catch(() => abs);
    if (seen.has(real)) continue;
    seen.add(real);
    unique.push(abs);
  }
  return unique;
}
export {
  ARTIFACT_SCAN_CRITERIA,
  runArtifactScan
};

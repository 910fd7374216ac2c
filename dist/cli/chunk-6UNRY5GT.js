#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  safeGit
} from "./chunk-CUKJK5GM.js";
import {
  ConfigurationError,
  GATE_STATUSES,
  GateIncompleteError,
  SOC2_CRITERIA,
  TOOL_VERSION,
  overallStatus,
  sha256Hex
} from "./chunk-7YKUIZ76.js";

// src/gates/evidence/context.ts
import { execFile } from "node:child_process";
var GITHUB_VARIABLES = {
  serverUrl: "GITHUB_SERVER_URL",
  repository: "GITHUB_REPOSITORY",
  repositoryId: "GITHUB_REPOSITORY_ID",
  repositoryOwner: "GITHUB_REPOSITORY_OWNER",
  repositoryOwnerId: "GITHUB_REPOSITORY_OWNER_ID",
  workflowRef: "GITHUB_WORKFLOW_REF",
  workflow: "GITHUB_WORKFLOW",
  runId: "GITHUB_RUN_ID",
  runAttempt: "GITHUB_RUN_ATTEMPT",
  job: "GITHUB_JOB",
  event: "GITHUB_EVENT_NAME",
  actor: "GITHUB_ACTOR",
  triggeringActor: "GITHUB_TRIGGERING_ACTOR",
  sha: "GITHUB_SHA",
  ref: "GITHUB_REF"
};
function inGitHubActions(env) {
  return env.GITHUB_ACTIONS === "true";
}
async function runContext(env, cwd) {
  if (!inGitHubActions(env)) return localContext(cwd, env);
  const missing = Object.values(GITHUB_VARIABLES).filter((name) => !env[name]);
  const required = missing.filter((name) => name !== "GITHUB_REF");
  if (required.length) throw new GateIncompleteError("context-missing", `the Actions environment lacks ${required.join(", ")}`);
  const context = { kind: "github" };
  for (const [key, name] of Object.entries(GITHUB_VARIABLES)) context[key] = env[name] ?? "";
  return context;
}
function workflowPath(context) {
  const withoutRef = context.workflowRef.split("@")[0] ?? "";
  return withoutRef.startsWith(`${context.repository}/`) ? withoutRef.slice(context.repository.length + 1) : withoutRef;
}
async function git(cwd, env, args) {
  let safe;
  try {
    safe = await safeGit(cwd, env);
  } catch {
    return void 0;
  }
  return new Promise((resolve) => {
    execFile("git", [...safe.args, ...args], { cwd, env: safe.env, timeout: 1e4 }, (error, stdout) => resolve(error ? void 0 : stdout.trim() || void 0));
  });
}
function withoutCredentials(remote) {
  try {
    const url = new URL(remote);
    if (url.username || url.password) {
      url.username = "";
      url.password = "";
    }
    return url.toString();
  } catch {
    return remote;
  }
}
async function localContext(cwd, env) {
  const [remote, branch, commit] = await Promise.all([
    git(cwd, env, ["config", "--get", "remote.origin.url"]),
    git(cwd, env, ["symbolic-ref", "--quiet", "--short", "HEAD"]),
    git(cwd, env, ["rev-parse", "--verify", "--quiet", "HEAD"])
  ]);
  return { kind: "local", ...remote ? { remote: withoutCredentials(remote) } : {}, ...branch ? { branch } : {}, ...commit ? { commit } : {} };
}
function chainKey(context) {
  if (context.kind === "github") {
    return { repository: context.repository, workflow: workflowPath(context), branch: context.ref.replace(/^refs\/heads\//, "") };
  }
  return { repository: context.remote ?? "(local)", workflow: "(local)", branch: context.branch ?? "(detached)" };
}

// src/gates/evidence/record.ts
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

// node_modules/canonicalize/lib/canonicalize.js
function hasLoneSurrogate(value) {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 55296 && code <= 56319) {
      if (i === value.length - 1) {
        return true;
      }
      const next = value.charCodeAt(i + 1);
      if (!(next >= 56320 && next <= 57343)) {
        return true;
      }
      i++;
    } else if (code >= 56320 && code <= 57343) {
      return true;
    }
  }
  return false;
}
function canonicalize(object, seen = /* @__PURE__ */ new Set()) {
  if (typeof object === "number" && isNaN(object)) {
    throw new Error("NaN is not allowed");
  }
  if (typeof object === "number" && !isFinite(object)) {
    throw new Error("Infinity is not allowed");
  }
  if (typeof object === "string" && hasLoneSurrogate(object)) {
    throw new Error("Lone surrogate is not allowed");
  }
  if (object === null || typeof object !== "object") {
    return JSON.stringify(object);
  }
  if (typeof object.toJSON === "function") {
    if (seen.has(object)) {
      throw new Error("Circular reference detected");
    }
    seen.add(object);
    const result2 = canonicalize(object.toJSON(), seen);
    seen.delete(object);
    return result2;
  }
  if (seen.has(object)) {
    throw new Error("Circular reference detected");
  }
  seen.add(object);
  let result;
  if (Array.isArray(object)) {
    const values = object.map((cv) => {
      const value = cv === void 0 || typeof cv === "symbol" ? null : cv;
      return canonicalize(value, seen);
    });
    result = `[${values.join(",")}]`;
  } else {
    const parts = [];
    for (const key of Object.keys(object).sort()) {
      if (object[key] === void 0 || typeof object[key] === "symbol") {
        continue;
      }
      parts.push(`${canonicalize(key)}:${canonicalize(object[key], seen)}`);
    }
    result = `{${parts.join(",")}}`;
  }
  seen.delete(object);
  return result;
}

// src/gates/evidence/canonical.ts
function canonicalJson(value) {
  const text = canonicalize(value);
  if (text === void 0) throw new Error("value has no JSON form");
  return text;
}

// src/gates/evidence/criteria.ts
var CRITERION_TITLES = {
  "CC6.1": "Logical access security: credentials and access paths are protected",
  "CC6.6": "Boundary protection: access from outside the system boundary is controlled",
  "CC6.7": "Transmission and removal of information is restricted to authorised parties",
  "CC7.1": "Detection and monitoring of configuration changes and vulnerabilities",
  "CC8.1": "Changes are authorised, reviewed, tested and approved before release"
};
var GATE_CRITERIA = {
  "artifact-scan": ["CC6.1", "CC6.7", "CC8.1"],
  "ignore-check": ["CC6.7", "CC8.1"],
  "secret-scan": ["CC6.1", "CC6.7", "CC7.1"],
  "review-gate": ["CC8.1"],
  "mcp-inventory": ["CC6.1", "CC6.6", "CC7.1"]
};
function criteriaOfGate(gate, declared) {
  const chosen = declared.length > 0 ? declared : GATE_CRITERIA[gate] ?? [];
  return [...new Set(chosen)].sort();
}

// src/gates/evidence/record.ts
var EVIDENCE_KIND = "agent-gates/evidence";
var EVIDENCE_FILE = "evidence.json";
var BUNDLE_FILE = "evidence.sigstore.json";
var TRUSTED_ROOT_FILE = "trusted_root.json";
var RUN_RECORD_FILE = "run-record.json";
var NOT_REPORTS = /* @__PURE__ */ new Set([EVIDENCE_FILE, BUNDLE_FILE, TRUSTED_ROOT_FILE, RUN_RECORD_FILE]);
function isGateResult(value) {
  if (typeof value !== "object" || value === null) return false;
  const r = value;
  return r.schemaVersion === 1 && typeof r.gate === "string" && GATE_STATUSES.includes(r.status) && Array.isArray(r.findings) && Array.isArray(r.errors) && Array.isArray(r.criteria) && r.criteria.every((c) => SOC2_CRITERIA.includes(c));
}
async function readRunFolder(folder) {
  let names;
  try {
    names = (await readdir(folder)).sort();
  } catch (error) {
    throw new GateIncompleteError("run-folder-unreadable", `cannot read the run folder: ${error.code ?? "error"}`);
  }
  const reports = [];
  let runRecord;
  for (const file of names) {
    if (!file.endsWith(".json") || file.endsWith(".sigstore.json")) continue;
    const bytes = await readFile(join(folder, file), "utf8");
    if (file === RUN_RECORD_FILE) runRecord = bytes;
    if (NOT_REPORTS.has(file)) continue;
    let parsed;
    try {
      parsed = JSON.parse(bytes);
    } catch {
      throw new GateIncompleteError("report-invalid", `${file} in the run folder is not valid JSON`);
    }
    if (typeof parsed !== "object" || parsed === null || !("gate" in parsed)) continue;
    if (!isGateResult(parsed)) throw new GateIncompleteError("report-invalid", `${file} in the run folder is not a GateResult (schema version 1)`);
    if (`${parsed.gate}.json` !== file) throw new GateIncompleteError("report-invalid", `${file} holds the result of gate "${parsed.gate}"`);
    reports.push({ file, bytes, result: parsed });
  }
  return { reports, ...runRecord === void 0 ? {} : { runRecord } };
}
function examinedOf(result) {
  const gate = result.gate;
  const out = [];
  for (const a of result.examined.artifacts ?? []) out.push({ gate, kind: "artifact", name: a.name, sha256: a.sha256, bytes: a.bytes });
  for (const c of result.examined.configs ?? []) out.push({ gate, kind: "config", name: c.path, sha256: c.sha256 });
  const range = result.examined.commitRange;
  if (range) out.push({ gate, kind: "commit-range", name: range.description, head: range.head, ...range.base ? { base: range.base } : {} });
  return out;
}
function buildEvidenceRecord(inputs) {
  const { contents } = inputs;
  if (contents.reports.length === 0) throw new GateIncompleteError("nothing-to-record", "the run folder holds no gate report: run the gates before recording evidence");
  const gates = contents.reports.map(({ file, bytes, result }) => ({
    gate: result.gate,
    status: result.status,
    criteria: criteriaOfGate(result.gate, result.criteria),
    report: { file, sha256: sha256Hex(bytes) },
    result
  }));
  const criteria = SOC2_CRITERIA.flatMap((criterion) => {
    const covering = gates.filter((g) => g.criteria.includes(criterion));
    if (covering.length === 0) return [];
    return [{ criterion, title: CRITERION_TITLES[criterion], gates: covering.map((g) => g.gate), status: overallStatus(covering) }];
  });
  const examined = [
    ...gates.map((g) => ({ gate: g.gate, kind: "report", name: g.report.file, sha256: g.report.sha256 })),
    ...contents.reports.flatMap((r) => examinedOf(r.result))
  ];
  return {
    schemaVersion: 1,
    kind: EVIDENCE_KIND,
    tool: { name: "agent-gates", version: TOOL_VERSION },
    recordedAt: (inputs.now ?? /* @__PURE__ */ new Date()).toISOString(),
    status: overallStatus(gates),
    context: inputs.context,
    chain: chainKey(inputs.context),
    previous: inputs.previous,
    criteria,
    gates,
    examined,
    runRecord: contents.runRecord === void 0 ? null : { sha256: sha256Hex(contents.runRecord) },
    retention: inputs.retention ?? null
  };
}
function serializeRecord(record) {
  return canonicalJson(record);
}
function recordSha256(bytes) {
  return sha256Hex(bytes);
}
function vouchedArtifacts(record) {
  const seen = /* @__PURE__ */ new Map();
  for (const e of record.examined) {
    if (e.kind !== "artifact" || !e.sha256) continue;
    seen.set(`${e.name}\0${e.sha256}`, { name: e.name, sha256: e.sha256 });
  }
  return [...seen.values()];
}

// src/gates/evidence/collect/quarter.ts
function parseQuarter(text) {
  const m = /^(\d{4})-Q([1-4])$/.exec(text.trim());
  if (!m) throw new ConfigurationError(`--quarter must look like 2026-Q4, got "${text}"`, "quarter");
  const year = Number(m[1]);
  const q = Number(m[2]);
  return { label: `${year}-Q${q}`, start: new Date(Date.UTC(year, (q - 1) * 3, 1)), end: new Date(Date.UTC(year, q * 3, 1)) };
}
function inQuarter(q, iso) {
  const t = Date.parse(iso);
  return t >= q.start.getTime() && t < q.end.getTime();
}
var WEEK = 7 * 24 * 3600 * 1e3;
function weekOf(q, iso) {
  return Math.floor((Date.parse(iso) - q.start.getTime()) / WEEK);
}
function closedWeeks(q, now) {
  const until = Math.min(now.getTime(), q.end.getTime());
  return Math.max(0, Math.floor((until - q.start.getTime()) / WEEK));
}
function weekStart(q, week) {
  return new Date(q.start.getTime() + week * WEEK).toISOString().slice(0, 10);
}

export {
  inGitHubActions,
  runContext,
  canonicalJson,
  CRITERION_TITLES,
  EVIDENCE_FILE,
  BUNDLE_FILE,
  TRUSTED_ROOT_FILE,
  readRunFolder,
  buildEvidenceRecord,
  serializeRecord,
  recordSha256,
  vouchedArtifacts,
  parseQuarter,
  inQuarter,
  weekOf,
  closedWeeks,
  weekStart
};

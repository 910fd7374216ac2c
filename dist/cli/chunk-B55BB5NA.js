#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  flagName,
  fromFlags,
  option,
  typeLabel
} from "./chunk-KSLT2ZUQ.js";

// src/output/json.ts
function renderJson(result) {
  return JSON.stringify(result, null, 2) + "\n";
}

// src/output/run-folder.ts
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
function runFolder(env, cwd, explicit) {
  if (explicit) return resolve(cwd, explicit);
  if (env.AGENT_GATES_RUN_DIR) return resolve(cwd, env.AGENT_GATES_RUN_DIR);
  if (env.RUNNER_TEMP) return join(env.RUNNER_TEMP, "agent-gates");
  const cache = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), ".cache");
  const here = resolve(cwd);
  const id = `${basename(here) || "root"}-${createHash("sha256").update(here).digest("hex").slice(0, 12)}`;
  return join(cache, "agent-gates", "runs", id);
}
function isInsideFolder(root, path) {
  const r = relative(resolve(root), resolve(path));
  return r === "" || r !== ".." && !r.startsWith(`..${sep}`) && !isAbsolute(r);
}
async function writeResultToRunFolder(result, folder) {
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${result.gate}.json`);
  await writeFile(path, renderJson(result));
  return path;
}

// src/options/help.ts
function parseArgsOptions(declarations) {
  const options = {};
  for (const d of declarations) {
    const flag = flagName(d);
    if (flag === void 0 || d.flag === false) continue;
    options[flag] = { type: d.type.kind === "boolean" ? "boolean" : "string", ...d.flag?.short ? { short: d.flag.short } : {} };
    if (negatable(d)) options[`no-${flag}`] = { type: "boolean" };
  }
  return options;
}
function negatable(d) {
  return d.type.kind === "boolean" && d.default === true;
}
function formatDefault(d) {
  if (d.defaultText !== void 0) return d.defaultText;
  return d.default === void 0 ? void 0 : formatValue(d.default, d.type.kind === "size");
}
function formatValue(value, size = false) {
  if (Array.isArray(value)) return value.join(",");
  if (size && typeof value === "number") {
    for (const [unit, power] of [["TiB", 4], ["GiB", 3], ["MiB", 2], ["KiB", 1]])
      if (value % 1024 ** power === 0) return `${value / 1024 ** power}${unit}`;
  }
  return String(value);
}
function helpRows(declarations) {
  const rows = [];
  for (const d of declarations) {
    const flag = flagName(d);
    if (flag === void 0) continue;
    const short = d.flag ? d.flag.short : void 0;
    const label = typeLabel(d);
    const left = `${short ? `-${short}, ` : "    "}--${negatable(d) ? "[no-]" : ""}${flag}${label ? ` ${label}` : ""}`;
    const shownDefault = d.type.kind === "boolean" && d.default === false ? void 0 : formatDefault(d);
    rows.push([left, `${d.description}${shownDefault !== void 0 && shownDefault !== "" ? ` (default: ${shownDefault})` : ""}`]);
  }
  return rows;
}
function formatRows(rows, indent = "  ", maxLeft = 34) {
  const width = Math.min(maxLeft, Math.max(0, ...rows.map(([left]) => left.length)));
  return rows.flatMap(
    ([left, right]) => left.length > width ? [`${indent}${left}`, `${indent}${" ".repeat(width + 2)}${right}`] : [`${indent}${left.padEnd(width + 2)}${right}`]
  );
}

// src/output/emit.ts
function guardResult(result, ledger) {
  if (ledger.size === 0 || !ledger.leaksInto(JSON.stringify(result))) return result;
  const scrubbed = {
    ...result,
    status: "error",
    summary: "refused to publish a result that contained secret bytes; findings were reduced to rule and location",
    findings: result.findings.map((f) => ({ ...f, message: f.ruleId, help: void 0, properties: void 0 })),
    errors: [...result.errors, { code: "secret-in-output", message: "a finding or error message contained secret bytes and was scrubbed" }],
    details: void 0
  };
  if (!ledger.leaksInto(JSON.stringify(scrubbed))) return scrubbed;
  return { ...scrubbed, findings: [], errors: scrubbed.errors.map((e) => ({ code: e.code, message: e.code })) };
}

// src/output/secret-ledger.ts
import { readFile } from "node:fs/promises";
var FRAGMENT = 12;
var SecretLedger = class {
  values = /* @__PURE__ */ new Set();
  add(value) {
    const trimmed = value.trim();
    if (trimmed.length >= 4) this.values.add(trimmed);
  }
  get size() {
    return this.values.size;
  }
  /**
   * True when the text contains any recorded secret, or any 12-character
   * window of one (at every offset), so partial leaks are caught too.
   */
  leaksInto(text) {
    if (this.values.size === 0) return false;
    for (const value of this.values) if (text.includes(value)) return true;
    const windows = this.fragmentWindows();
    if (windows.size === 0) return false;
    for (let i = 0; i + FRAGMENT <= text.length; i++) if (windows.has(text.slice(i, i + FRAGMENT))) return true;
    return false;
  }
  windowsCache;
  windowsFor = 0;
  fragmentWindows() {
    if (this.windowsCache && this.windowsFor === this.values.size) return this.windowsCache;
    const windows = /* @__PURE__ */ new Set();
    for (const value of this.values) {
      for (let i = 0; value.length > FRAGMENT && i + FRAGMENT <= value.length; i++) windows.add(value.slice(i, i + FRAGMENT));
    }
    this.windowsCache = windows;
    this.windowsFor = this.values.size;
    return windows;
  }
  /** Files among `paths` that contain a recorded secret. */
  async leakingFiles(paths) {
    const leaking = [];
    for (const path of paths) {
      const text = await readFile(path, "utf8").catch(() => "");
      if (this.leaksInto(text)) leaking.push(path);
    }
    return leaking;
  }
};

// src/gates/evidence/options.ts
import { parseArgs } from "node:util";

// src/options/evidence-action.ts
var SIGNING_POLICIES = ["required", "optional", "off"];
var EVIDENCE_ACTION_OPTIONS = [
  option({
    name: "signing",
    type: { kind: "enum", values: SIGNING_POLICIES },
    default: "required",
    description: "required (a record that should have been signed and was not fails the step, exit 2), optional (sign when possible, warn otherwise) or off",
    flag: false,
    config: false
  }),
  option({
    name: "signing-key",
    type: { kind: "string" },
    description: "a PEM private key (ECDSA P-256 PKCS#8 as `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` writes it, or Ed25519) from a secret, for GitHub Enterprise Server and runners without OIDC",
    defaultText: "$AGENT_GATES_SIGNING_KEY, else keyless signing (needs permissions id-token: write)",
    flag: false,
    config: false
  }),
  option({
    name: "attest",
    type: { kind: "enum", values: ["sigstore", "github"] },
    default: "sigstore",
    description: "keyless signing through sigstore (the public Sigstore instance: Fulcio, Rekor and a timestamp) or github (GitHub artifact attestations via @actions/attest, so `gh attestation verify` works; needs attestations: write)",
    flag: false,
    config: false
  }),
  option({
    name: "retention-days",
    type: { kind: "int", min: 1, max: 400 },
    description: "days the artifact is kept; the repository's limit clamps it (public repositories 90 at most), the record states the retention that really applies and the step warns when it is shorter",
    defaultText: "the repository's setting",
    flag: false,
    config: false
  }),
  option({
    name: "evidence-branch",
    type: { kind: "string" },
    description: "also append the record to this branch (its own history, YYYY/Qn/ files, written through the Git data API, no checkout; needs contents: write)",
    details: "Written by push, schedule and workflow_dispatch runs of the default branch only. Empty: no branch.",
    flag: false,
    config: false
  }),
  option({
    name: "evidence-folder",
    type: { kind: "string" },
    description: "also append the record to this folder (for teams that sync evidence elsewhere)",
    details: "Empty: none.",
    flag: false,
    config: false
  }),
  option({
    name: "artifact-name",
    type: { kind: "string" },
    default: "agent-gates-evidence",
    description: "prefix of the artifact name; the run id, attempt and job are appended",
    details: "Matrix jobs share a job id: add the matrix values here. none: no artifact (GitHub Enterprise Server, where this artifact client does not work; keep the record with evidence-branch or evidence-folder).",
    flag: false,
    config: false
  }),
  option({
    name: "token",
    type: { kind: "string" },
    description: "token for the evidence branch (contents: write) and GitHub attestations",
    input: { expression: "${{ github.token }}" },
    flag: false,
    config: false
  })
];

// src/gates/evidence/options.ts
var TRUST_OPTIONS = [
  option({ name: "key", type: { kind: "string" }, placeholder: "FILE", description: "trust the signer holding this PEM public key", input: false, config: false }),
  option({ name: "repo", type: { kind: "list" }, placeholder: "OWNER/NAME", description: "trust GitHub Actions keyless signatures from this repository (repeatable for collect)", input: false, config: false }),
  option({ name: "workflow", type: { kind: "string" }, placeholder: "PATH", description: "and only from this workflow file (.github/workflows/x.yml, or owner/repo/path for a reusable workflow)", input: false, config: false }),
  option({ name: "certificate-identity", type: { kind: "string" }, placeholder: "REGEX", description: "trust certificates whose identity matches this regular expression (anchored with ^ and $)", input: false, config: false }),
  option({ name: "certificate-oidc-issuer", type: { kind: "string" }, placeholder: "URL", description: "the exact OIDC issuer of those certificates", input: false, config: false }),
  option({ name: "trusted-root", type: { kind: "string" }, placeholder: "FILE", description: "the Sigstore trusted_root.json you trust (keyless bundles)", input: false, config: false }),
  option({ name: "format", type: { kind: "enum", values: ["text", "json"] }, default: "text", placeholder: "FORMAT", description: "text or json", flag: { short: "f" }, input: false, config: false }),
  option({ name: "help", type: { kind: "boolean" }, description: "this help", flag: { short: "h" }, input: false, config: false })
];
var RECORD_OPTIONS = [
  option({ name: "run-folder", type: { kind: "string" }, placeholder: "DIR", description: "the run folder holding the gates' JSON", defaultText: "$AGENT_GATES_RUN_DIR, $RUNNER_TEMP/agent-gates or .agent-gates", input: false, config: false }),
  option({ name: "out", type: { kind: "string" }, placeholder: "DIR", description: "where evidence.json and evidence.sigstore.json go", defaultText: "the run folder", input: false, config: false }),
  option({ name: "key", type: { kind: "string" }, placeholder: "FILE", description: "sign with this PEM private key (ECDSA P-256 PKCS#8 or Ed25519); also $AGENT_GATES_SIGNING_KEY", input: false, config: false }),
  option({ name: "signing", type: { kind: "enum", values: SIGNING_POLICIES }, placeholder: "POLICY", description: "required (an unsigned record is an error), optional or off", defaultText: "required in GitHub Actions, optional elsewhere", input: false, config: false }),
  option({ name: "fulcio-url", type: { kind: "string" }, placeholder: "URL", description: "Fulcio for keyless signing", defaultText: "public Sigstore", input: false, config: false }),
  option({ name: "rekor-url", type: { kind: "string" }, placeholder: "URL", description: 'Rekor transparency log; "none" to skip the upload (a timestamp then stands in)', defaultText: "public Sigstore", input: false, config: false }),
  option({ name: "tsa-url", type: { kind: "string" }, placeholder: "URL", description: "RFC 3161 timestamp authority", defaultText: "public Sigstore", input: false, config: false }),
  option({ name: "trusted-root", type: { kind: "string" }, placeholder: "FILE", description: "trusted_root.json to ship beside a keyless record", defaultText: "the public-good root through TUF", input: false, config: false }),
  option({ name: "store", type: { kind: "string" }, placeholder: "DIR", description: "also append the record to this evidence folder (YYYY/Qn/, chained)", input: false, config: false }),
  ...TRUST_OPTIONS.filter((o) => o.name === "format" || o.name === "help")
];
var VERIFY_OPTIONS = [
  option({ name: "bundle", type: { kind: "string" }, placeholder: "FILE", description: "the Sigstore bundle", defaultText: "evidence.sigstore.json beside the record", input: false, config: false }),
  ...TRUST_OPTIONS
];
var COLLECT_OPTIONS = [
  option({ name: "quarter", type: { kind: "string" }, placeholder: "YYYY-Qn", description: "the quarter to collect, e.g. 2026-Q4", input: false, config: false }),
  option({ name: "out", type: { kind: "string" }, placeholder: "DIR", description: "where the auditor package is written", input: false, config: false }),
  option({ name: "from", type: { kind: "string" }, placeholder: "DIR", description: "read every evidence.json below DIR (bundle beside it) instead of GitHub", input: false, config: false }),
  option({ name: "org", type: { kind: "string" }, placeholder: "NAME", description: "every repository of this organisation", input: false, config: false }),
  option({ name: "branch", type: { kind: "string" }, placeholder: "NAME", description: "read the evidence branch of each repository (instead of artifacts)", input: false, config: false }),
  option({ name: "artifact-name", type: { kind: "string" }, placeholder: "PREFIX", default: "agent-gates-evidence", description: "name prefix of the evidence artifacts", input: false, config: false }),
  option({ name: "no-reviews", type: { kind: "boolean" }, default: false, description: "skip reviews.csv (the merged pull requests of the quarter, CC8.1)", input: false, config: false }),
  ...TRUST_OPTIONS
];
function parseEvidenceArgs(declarations, argv) {
  const table = parseArgsOptions(declarations);
  for (const d of declarations) if (d.type.kind === "list" && table[d.name]) table[d.name] = { ...table[d.name], type: "string", multiple: true };
  const parsed = parseArgs({ args: argv, options: table, allowPositionals: true, strict: true });
  const values = { ...parsed.values };
  for (const [k, v] of Object.entries(values)) if (Array.isArray(v)) values[k] = v.join(",");
  return { given: fromFlags(declarations, values), positionals: parsed.positionals };
}
var RUN_EVIDENCE_OPTIONS = [
  option({ name: "sign-key", type: { kind: "string" }, placeholder: "FILE", description: "after the gates, record evidence.json in <run folder>/evidence/ and sign it with this PEM private key", input: false, config: false })
];

export {
  renderJson,
  runFolder,
  isInsideFolder,
  writeResultToRunFolder,
  parseArgsOptions,
  helpRows,
  formatRows,
  guardResult,
  SecretLedger,
  RECORD_OPTIONS,
  VERIFY_OPTIONS,
  COLLECT_OPTIONS,
  parseEvidenceArgs,
  RUN_EVIDENCE_OPTIONS
};

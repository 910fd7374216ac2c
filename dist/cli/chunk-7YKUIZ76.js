#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);

// src/model/errors.ts
var ConfigurationError = class extends Error {
  constructor(message, key, line, file) {
    super(message);
    this.key = key;
    this.line = line;
    this.file = file;
  }
  key;
  line;
  file;
  name = "ConfigurationError";
};
var GateIncompleteError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  code;
  name = "GateIncompleteError";
};
function errorMessage(error) {
  if (error instanceof Error) return error.message;
  return String(error);
}

// src/model/digest.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}
async function sha256File(path) {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}
function fingerprintOf(...parts) {
  return sha256Hex(parts.map((p) => String(p ?? "")).join("\0")).slice(0, 32);
}

// src/secrets/literal-credentials.ts
var PLACEHOLDERS = [
  /\$\{\{[^}]{0,200}\}\}/g,
  // ${{ secrets.X }} (GitHub Actions, Continue)
  /\$\{[^}\s]{0,200}\}/g,
  // ${VAR}, ${env:VAR}, ${input:token}
  /\{env:[^}\s]{1,200}\}/g,
  // {env:X} (OpenCode)
  /\{file:[^}\s]{1,200}\}/g,
  // {file:path} (OpenCode)
  /\$[A-Za-z_][A-Za-z0-9_]*/g,
  // $VAR in shell-style args
  /%[A-Za-z_][A-Za-z0-9_]*%/g,
  // %VAR% (Windows)
  /<[A-Za-z0-9 _-]{2,40}>/g
  // <your-token>
];
function stripPlaceholders(text) {
  let out = text;
  for (const re of PLACEHOLDERS) out = out.replace(re, " ");
  return out;
}
var TOKEN_FORMATS = [
  { kind: "GitHub token", re: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: "npm token", re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: "Anthropic API key", re: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: "OpenAI-style API key", re: /\bsk-(?!ant-)(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}/g },
  { kind: "Hugging Face token", re: /\bhf_[A-Za-z0-9]{30,}\b/g },
  { kind: "AWS access key id", re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: "Slack token", re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: "GitLab token", re: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: "Google API key", re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: "Stripe key", re: /\b(?:sk|rk)_live_[A-Za-z0-9]{20,}/g },
  // Bounded: an unterminated BEGIN must not scan to the end of the file once per BEGIN.
  { kind: "private key", re: /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]{0,16384}?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)/g }
];
var CONTEXT_FORMATS = [
  { kind: "bearer token", re: /\bBearer\s+([A-Za-z0-9._~+/=-]{8,})/gi },
  { kind: "basic auth header", re: /\bBasic\s+([A-Za-z0-9+/=]{12,})/g },
  { kind: "credentials in URL", re: /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@'"]{1,256}:([^\s@/'"]{3,256})@/gi },
  { kind: "token argument", re: /(?:^|[\s"'(,?&])(?:--?)?(?:token|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|password|passwd|secret)[=:]\s*([^\s"'&),]{6,})/gi },
  { kind: "secret environment assignment", re: /\b[A-Z0-9_]{0,64}(?:_KEY|_TOKEN|_SECRET|_PASSWORD|_PAT|_PASS)=([^\s"'&);]{6,})/g }
];
var SENSITIVE_KEY = /(?:^|[_\-.])(?:token|secret|password|passwd|pwd|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|client[_-]?secret|private[_-]?key|credentials?|bearer)$|^(?:authorization|x-api-key|api-key|dsn)$/i;
function looksLikeCredential(value) {
  if (value.length < 12 || /\s/.test(value)) return false;
  if (/^(?:true|false|null|none|undefined|changeme|example|placeholder|redacted)$/i.test(value)) return false;
  if (/^[a-z]+(?:[-_.][a-z]+)*$/i.test(value)) return false;
  if (/^https?:\/\/[^@]*$/i.test(value)) return false;
  if (/^[x*.]+$/i.test(value)) return false;
  return /[A-Za-z]/.test(value) && /[0-9]/.test(value);
}
function findSecretsInText(text) {
  return scanTextForSecrets(text).hits;
}
var TOKEN_TESTS = TOKEN_FORMATS.map(({ re }) => new RegExp(re.source, re.flags.replace("g", "")));
function holdsToken(value) {
  return TOKEN_TESTS.some((re) => re.test(value));
}
function scanTextForSecrets(text, max = Number.POSITIVE_INFINITY) {
  if (text.length < 6) return { hits: [], total: 0 };
  const cleaned = stripPlaceholders(text);
  const hits = [];
  const seen = /* @__PURE__ */ new Set();
  const push = (kind, value) => {
    const v = value?.trim();
    if (!v || v.length < 6 || seen.has(v)) return;
    seen.add(v);
    if (hits.length < max) hits.push({ kind, value: v });
  };
  for (const { kind, re } of TOKEN_FORMATS) for (const m of cleaned.matchAll(re)) push(kind, m[0]);
  for (const { kind, re } of CONTEXT_FORMATS) {
    for (const m of cleaned.matchAll(re)) {
      const value = m[1] ?? "";
      if (!seen.has(value.trim()) && /[0-9]/.test(value) && !holdsToken(value)) push(kind, value);
    }
  }
  return { hits, total: seen.size };
}
var KEYED_VALUE = /(?:^|[\s{,;])["']?([A-Za-z][A-Za-z0-9_.-]{0,63})["']?[ \t]{0,16}[:=][ \t]{0,16}["']?([^\s"',;}]{8,512})/gm;
function findKeyedSecretsInText(text, max = Number.POSITIVE_INFINITY) {
  const cleaned = stripPlaceholders(text);
  const hits = [];
  const seen = /* @__PURE__ */ new Set();
  for (const m of cleaned.matchAll(KEYED_VALUE)) {
    const hit = findSecretForKey(m[1] ?? "", m[2] ?? "");
    if (!hit || seen.has(hit.value)) continue;
    seen.add(hit.value);
    if (hits.length < max) hits.push(hit);
  }
  return { hits, total: seen.size };
}
function findSecretForKey(key, value) {
  if (!SENSITIVE_KEY.test(key.replace(/([a-z])([A-Z])/g, "$1_$2"))) return void 0;
  const cleaned = stripPlaceholders(value).trim();
  if (cleaned !== value.trim()) return void 0;
  const candidate = cleaned.replace(/^(?:Bearer|Basic|token)\s+/i, "");
  return looksLikeCredential(candidate) ? { kind: `literal value of "${key}"`, value: candidate } : void 0;
}
var ALLOW_ENTRY_MARKERS = ["Authorization:", "Bearer ", "token=", "_KEY=", "npm_", "ghp_", "github_pat_", "sk-", "hf_", "AKIA"];
function allowEntryHoldsCredential(entry) {
  if (!/^Bash\(/.test(entry)) return false;
  const cleaned = stripPlaceholders(entry);
  return ALLOW_ENTRY_MARKERS.some((marker) => cleaned.toLowerCase().includes(marker.toLowerCase()));
}
var MAYBE_CREDENTIAL = /[A-Za-z0-9_+=-]{12,}|[=:@]|bearer|basic|private key/i;
function redactCredentials(text) {
  if (!MAYBE_CREDENTIAL.test(text)) return { text, hits: [] };
  const { hits } = scanTextForSecrets(text, 50);
  const keyed = findKeyedSecretsInText(text, 50).hits.filter((k) => !hits.some((h) => h.value === k.value));
  const all = [...hits, ...keyed].sort((a, b) => b.value.length - a.value.length);
  let out = text;
  for (const hit of all) out = out.split(hit.value).join("[REDACTED]");
  return { text: out, hits: all };
}

// src/model/finding.ts
var SEVERITIES = ["critical", "high", "medium", "low", "info"];
var SOC2_CRITERIA = ["CC6.1", "CC6.6", "CC6.7", "CC7.1", "CC8.1"];
var GATE_STATUSES = ["pass", "fail", "error"];
var EXIT_CODES = { pass: 0, fail: 1, error: 2 };
var SEVERITY_RANK = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
function compareFindings(a, b) {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.location.artifact ?? "").localeCompare(b.location.artifact ?? "") || a.location.path.localeCompare(b.location.path) || (a.location.line ?? 0) - (b.location.line ?? 0) || a.ruleId.localeCompare(b.ruleId);
}
function artifactChain(parts) {
  return parts.join("!");
}
function formatLocation(location) {
  let text = location.artifact ? `${location.artifact}:${location.path}` : location.path;
  if (location.line !== void 0) text += `:${location.line}`;
  if (location.commit) text += ` @${location.commit.slice(0, 12)}`;
  return text;
}

// src/model/version.ts
var TOOL_VERSION = true ? "0.1.0" : "0.1.0-dev";

// src/model/result.ts
function buildResult(parts) {
  const findings = [...parts.findings].sort(compareFindings).map(({ blocking: _, ...f }) => !f.suppressed && parts.blocks(f) ? { ...f, blocking: true } : f);
  const blocking = findings.filter((f) => f.blocking);
  const status = parts.errors.length > 0 ? "error" : blocking.length > 0 ? "fail" : "pass";
  return {
    schemaVersion: 1,
    gate: parts.gate,
    status,
    summary: parts.summary ?? defaultSummary(status, findings, blocking.length, parts.errors),
    findings,
    errors: parts.errors,
    stats: { findings: findings.length, blocking: blocking.length, ...parts.stats ?? {} },
    examined: parts.examined ?? {},
    tool: { name: "agent-gates", version: TOOL_VERSION },
    engines: parts.engines ?? [],
    allowList: parts.allowList ?? [],
    criteria: parts.criteria,
    startedAt: parts.startedAt.toISOString(),
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    ...parts.details === void 0 ? {} : { details: parts.details }
  };
}
function defaultSummary(status, findings, blocking, errors) {
  if (status === "error") return `could not complete: ${errors[0]?.message ?? "unknown error"}`;
  if (status === "fail") return `${blocking} blocking finding(s) of ${findings.length}`;
  return findings.length === 0 ? "no findings" : `${findings.length} non-blocking finding(s)`;
}
function toGateError(error) {
  if (error instanceof GateIncompleteError) return { code: error.code, message: error.message };
  if (error instanceof ConfigurationError) return { code: "config-invalid", message: error.message };
  return { code: "internal", message: errorMessage(error) };
}
function errorResult(gate, startedAt, error, criteria) {
  return buildResult({ gate, startedAt, findings: [], errors: [toGateError(error)], blocks: () => true, criteria });
}
function overallStatus(results) {
  if (results.some((r) => r.status === "error")) return "error";
  return results.some((r) => r.status === "fail") ? "fail" : "pass";
}

export {
  ConfigurationError,
  GateIncompleteError,
  errorMessage,
  sha256Hex,
  sha256File,
  fingerprintOf,
  findSecretsInText,
  scanTextForSecrets,
  findKeyedSecretsInText,
  findSecretForKey,
  allowEntryHoldsCredential,
  redactCredentials,
  SEVERITIES,
  SOC2_CRITERIA,
  GATE_STATUSES,
  EXIT_CODES,
  artifactChain,
  formatLocation,
  TOOL_VERSION,
  buildResult,
  toGateError,
  errorResult,
  overallStatus
};

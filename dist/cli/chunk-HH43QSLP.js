#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  ARTIFACT_SCAN_OPTION_SET
} from "./chunk-RNYELY7K.js";
import {
  IGNORE_CHECK_OPTION_SET
} from "./chunk-UYRX6GY4.js";
import {
  SECRET_SCAN_OPTION_SET,
  gateSection
} from "./chunk-4SSNK5YR.js";
import {
  CONFIG_OPTION,
  WORKING_DIRECTORY_OPTION
} from "./chunk-VGCDOCYO.js";
import {
  configKey,
  fromConfig,
  option,
  resolveOptions
} from "./chunk-KSLT2ZUQ.js";
import {
  require_ajv
} from "./chunk-GV2JD7HW.js";
import {
  require_dist
} from "./chunk-CS4O337A.js";
import {
  ConfigurationError,
  sha256Hex
} from "./chunk-7YKUIZ76.js";
import {
  __toESM
} from "./chunk-7YQRV5B3.js";

// src/config/load.ts
var import_ajv = __toESM(require_ajv(), 1);
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import { join } from "node:path";

// src/options/gates/mcp-inventory.ts
var MCP_ALLOW_ENTRY_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["reason"],
  anyOf: [{ required: ["name"] }, { required: ["package"] }, { required: ["sha256"] }, { required: ["host"] }],
  properties: {
    name: { type: "string", minLength: 1, description: "server name as configured (glob); a name alone is not a security control" },
    package: { type: "string", minLength: 1, description: "npm/PyPI package, image repository, Go module or script path" },
    version: { type: "string", minLength: 1, description: "semver range (or the exact version) the package must satisfy" },
    sha256: { type: "string", pattern: "^[0-9a-f]{64}$", description: "SHA-256 of what the server runs, or of its normalised entry" },
    host: { type: "string", minLength: 1, description: "remote server host (glob)" },
    reason: { type: "string", minLength: 3 }
  }
};
var MCP_INVENTORY_OPTIONS = [
  { ...WORKING_DIRECTORY_OPTION, description: "repository folder whose MCP configs are listed (relative to the current directory or the workspace)" },
  option({
    name: "workstation",
    type: { kind: "boolean" },
    default: false,
    description: "list the user's home and the OS's managed MCP configs instead of a repository",
    input: false,
    config: false
  }),
  option({ name: "home", type: { kind: "string" }, placeholder: "DIR", description: "the home folder --workstation reads (default: the current user's)", input: false, config: false }),
  option({
    name: "probe",
    type: { kind: "boolean" },
    default: false,
    description: "start each pinned stdio server with the MCP SDK and hash its tools (with --workstation only)",
    details: "Starting a server runs its code, so this never applies to repository content.",
    input: false,
    config: false
  }),
  option({ name: "csv", type: { kind: "string" }, placeholder: "FILE", description: "also write the inventory as CSV to FILE", input: false, config: false }),
  option({
    name: "policy",
    type: { kind: "string" },
    placeholder: "FILE",
    description: "a YAML policy file with the keys of the mcp-inventory config section; replaces the section",
    config: false
  }),
  option({ name: "fail-on-unknown", type: { kind: "boolean" }, default: false, description: "a server no allow entry matches fails the gate (default: a warning; with no allow list, servers are only listed)" }),
  option({ name: "require-pinned", type: { kind: "boolean" }, default: false, description: "a server whose package is not pinned exactly (version, digest, commit, hashed file) fails the gate" }),
  option({ name: "fail-on-drift", type: { kind: "boolean" }, default: false, description: "servers added, removed or changed since the previous inventory fail the gate" }),
  option({
    name: "exclude",
    type: { kind: "list" },
    default: [],
    placeholder: "GLOBS",
    description: "repository files not to read (test fixtures); they are still listed as probed, with status excluded",
    details: "Globs relative to the repository, matched at any depth."
  }),
  option({
    name: "previous",
    type: { kind: "string" },
    placeholder: "PATH",
    description: "previous inventory for drift: an mcp-inventory JSON result, a record holding one, or an evidence store folder",
    details: "A folder is searched for JSON records (signature bundles and chain heads left out); the newest one holding an mcp-inventory result is used."
  }),
  option({ name: "probe-timeout", type: { kind: "int", min: 100, max: 6e5 }, default: 3e4, placeholder: "MS", description: "milliseconds a probed server has to answer; a slower one is an error for that server", input: false })
];
var MCP_INVENTORY_OPTION_SET = {
  gate: "mcp-inventory",
  options: MCP_INVENTORY_OPTIONS,
  extraConfig: { allow: { type: "array", items: MCP_ALLOW_ENTRY_SCHEMA, description: "approved MCP servers; every field an entry gives must match" } }
};

// src/options/gates/review-gate.ts
var DEFAULT_SENSITIVE_PATHS = [".github/workflows/**", ".github/actions/**", ".github/agent-gates.yml", ".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
var TEAM = { regex: "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", description: "org/team-slug" };
var REVIEW_GATE_OPTIONS = [
  option({ name: "repo", type: { kind: "string" }, placeholder: "OWNER/NAME", description: "repository of the PR (API mode; token from GITHUB_TOKEN, API from GITHUB_API_URL)", input: false, config: false }),
  option({ name: "pr", type: { kind: "int", min: 1, max: 1e9 }, description: "PR number (API mode)", input: false, config: false }),
  option({ name: "snapshot", type: { kind: "string" }, placeholder: "FILE", description: "evaluate a PR snapshot JSON with no API (format: docs/review-gate.md)", input: false, config: false }),
  option({ name: "save-snapshot", type: { kind: "string" }, placeholder: "FILE", description: "API mode: also write the collected snapshot to FILE", input: false, config: false }),
  option({
    name: "token",
    type: { kind: "string" },
    description: "token that reads the PR (contents: read, pull-requests: read)",
    details: "required-teams needs one that can read organization teams (a GitHub App token or a PAT with read:org); apply-label needs pull-requests: write. On the command line the token comes from GITHUB_TOKEN.",
    flag: false,
    config: false,
    input: { expression: "${{ github.token }}" }
  }),
  option({ name: "label", type: { kind: "string" }, default: "agent-generated", placeholder: "NAME", description: "label that declares an agent PR, and the label apply-label adds" }),
  option({ name: "min-approvals", type: { kind: "int", min: 1, max: 10 }, default: 1, description: "approvals an agent PR needs from eligible reviewers" }),
  option({
    name: "sensitive-paths",
    type: { kind: "list" },
    default: DEFAULT_SENSITIVE_PATHS,
    placeholder: "GLOBS",
    description: "minimatch globs; an agent PR touching one needs sensitive-min-approvals"
  }),
  option({ name: "sensitive-min-approvals", type: { kind: "int", min: 1, max: 10 }, default: 2, description: "approvals an agent PR touching sensitive paths needs" }),
  option({
    name: "required-teams",
    type: { kind: "list", pattern: TEAM },
    default: [],
    placeholder: "TEAMS",
    description: "org/team-slug; approvals toward sensitive-min-approvals must come from members of one of them",
    details: "Needs a token that can read the teams, else the gate errors."
  }),
  option({
    name: "strict-head",
    type: { kind: "boolean" },
    default: true,
    description: "count only approvals of the head commit (off: also approvals with no newer commit)"
  }),
  option({ name: "lenient", type: { kind: "boolean" }, default: false, description: "the same as --no-strict-head", input: false, config: false }),
  option({ name: "apply-label", type: { kind: "boolean" }, default: false, description: "add the label to PRs detected as agent work (needs pull-requests: write)" }),
  option({ name: "exclude-last-pusher", type: { kind: "boolean" }, default: true, description: "the last pusher of the PR may not be the approver", flag: false, input: false }),
  option({
    name: CONFIG_OPTION.name,
    type: CONFIG_OPTION.type,
    flag: false,
    config: false,
    description: "shared input of every gate; review-gate takes its policy from .github/agent-gates.yml on the base branch through the API, so a PR cannot weaken it",
    details: "Leave empty."
  })
];
var agentMarkers = {
  type: "object",
  additionalProperties: false,
  required: ["agent"],
  properties: {
    agent: { type: "string", minLength: 1 },
    logins: { type: "array", items: { type: "string", minLength: 1 } },
    emails: { type: "array", items: { type: "string", minLength: 1 } },
    "branch-prefixes": { type: "array", items: { type: "string", minLength: 1 } },
    "text-markers": { type: "array", items: { type: "string", minLength: 1 } }
  }
};
var REVIEW_GATE_OPTION_SET = {
  gate: "review-gate",
  options: REVIEW_GATE_OPTIONS,
  extraConfig: {
    detection: {
      type: "object",
      additionalProperties: false,
      properties: {
        defaults: { type: "boolean", description: "use the built-in agent markers (default true)" },
        labels: { type: "array", items: { type: "string", minLength: 1 } },
        agents: { type: "array", items: agentMarkers }
      }
    }
  }
};

// src/options/gates/index.ts
var GATE_OPTION_SETS = [ARTIFACT_SCAN_OPTION_SET, IGNORE_CHECK_OPTION_SET, SECRET_SCAN_OPTION_SET, MCP_INVENTORY_OPTION_SET, REVIEW_GATE_OPTION_SET];

// src/config/sections/common.ts
var allowEntrySchema = {
  type: "object",
  additionalProperties: false,
  required: ["path", "reason"],
  properties: {
    path: { type: "string", minLength: 1, description: "minimatch glob, matched case-insensitively at any depth" },
    reason: { type: "string", minLength: 3, description: "why this is allowed; recorded in every result" },
    gates: { type: "array", items: { type: "string" }, uniqueItems: true }
  }
};
var catalogClassSchema = { type: "string", enum: ["never", "review", "shared"] };
var stringList = { type: "array", items: { type: "string", minLength: 1 } };

// src/options/schema.ts
var SIZE_PATTERN = "^\\s*\\d+(\\.\\d+)?\\s*[kmgtKMGT]?([iI]?[bB])?\\s*$";
function typeSchema(type, refused) {
  switch (type.kind) {
    case "string":
      return { type: "string", minLength: 1 };
    case "boolean":
      return { type: "boolean" };
    case "int":
      return { type: "integer", minimum: type.min, maximum: type.max };
    case "size":
      return { anyOf: [{ type: "integer", minimum: type.min ?? 1 }, { type: "string", pattern: SIZE_PATTERN }] };
    case "enum":
      return { type: "string", enum: type.values.filter((v) => !refused.includes(v)) };
    case "auto-boolean":
      return { enum: ["auto", true, false] };
    case "list": {
      const item = { type: "string", minLength: 1, ...type.values ? { enum: type.values } : {}, ...type.pattern ? { pattern: type.pattern.regex } : {} };
      return { anyOf: [{ type: "string", description: "comma-separated" }, { type: "array", items: item }] };
    }
  }
}
function sectionSchema(set) {
  const root = { type: "object", additionalProperties: false, properties: {} };
  for (const d of set.options) {
    const key = configKey(d);
    if (key === void 0 || d.config && d.config.forbidden) continue;
    const parts = key.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node.properties[part] ??= { type: "object", additionalProperties: false, properties: {} };
      node = node.properties[part];
    }
    const refused = d.config ? d.config.refuse?.values ?? [] : [];
    node.properties[parts[parts.length - 1]] = {
      ...typeSchema(d.type, refused),
      description: d.description,
      ...d.default !== void 0 ? { default: d.default } : {}
    };
  }
  Object.assign(root.properties, set.extraConfig ?? {});
  return root;
}

// src/config/schema.ts
var catalogAddSchema = {
  type: "object",
  additionalProperties: false,
  required: ["id", "class", "patterns", "description"],
  properties: {
    id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
    tool: { type: "string" },
    class: catalogClassSchema,
    patterns: { ...stringList, minItems: 1 },
    except: stringList,
    description: { type: "string", minLength: 1 },
    source: { type: "string" },
    "may-hold-secrets": { type: "boolean" }
  }
};
function configSchema() {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "agent-gates configuration",
    type: "object",
    additionalProperties: false,
    properties: {
      version: { const: 1 },
      allow: { type: "array", items: allowEntrySchema },
      catalog: {
        type: "object",
        additionalProperties: false,
        properties: {
          add: { type: "array", items: catalogAddSchema },
          reclassify: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["id", "class", "reason"],
              properties: { id: { type: "string" }, class: catalogClassSchema, reason: { type: "string", minLength: 3 } }
            }
          }
        }
      },
      ...Object.fromEntries(GATE_OPTION_SETS.map((set) => [set.gate, sectionSchema(set)]))
    }
  };
}

// src/config/load.ts
var DEFAULT_CONFIG_PATH = ".github/agent-gates.yml";
async function loadConfig(repoDir, explicitPath) {
  const path = explicitPath ?? join(repoDir, DEFAULT_CONFIG_PATH);
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (!explicitPath && error.code === "ENOENT") return { config: {} };
    throw new ConfigurationError(`cannot read config file ${path}: ${error.message}`, "config", void 0, path);
  }
  return { config: parseConfig(text, path), path, sha256: sha256Hex(text) };
}
var compiled;
function parseConfig(text, fileName) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    throw new ConfigurationError(`${fileName}:${line}: invalid YAML: ${syntaxError.message.split("\n")[0]}`, void 0, line, fileName);
  }
  const value = doc.toJS() ?? {};
  const lineOf = (key) => {
    const node = doc.getIn(key.split("."), true);
    return node?.range ? lineCounter.linePos(node.range[0]).line : void 0;
  };
  if (value && typeof value === "object")
    for (const set of GATE_OPTION_SETS) fromConfig(set.options, value[set.gate], { gate: set.gate, file: fileName, lineOf });
  compiled ??= new import_ajv.Ajv({ allErrors: false, strict: false }).compile(configSchema());
  if (!compiled(value)) {
    const error = (compiled.errors ?? [])[0];
    const { key, line } = locate(doc, lineCounter, error);
    throw new ConfigurationError(`${fileName}:${line}: ${key || "(top level)"}: ${describe(error)}`, key, line, fileName);
  }
  return value;
}
function describe(error) {
  const params = error.params;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown key "${String(params.additionalProperty)}"`;
    case "required":
      return `missing required key "${String(params.missingProperty)}"`;
    case "enum":
      return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return error.message ?? "invalid value";
  }
}
function locate(doc, counter, error) {
  const segments = error.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const params = error.params;
  const extra = error.keyword === "additionalProperties" ? String(params.additionalProperty) : void 0;
  const key = [...segments, ...extra ? [extra] : []].join(".");
  let node = segments.length ? doc.getIn(segments.map(asPathPart), true) : doc.contents;
  if (extra && (0, import_yaml.isMap)(node)) {
    const pair = node.items.find((p) => (0, import_yaml.isPair)(p) && (0, import_yaml.isScalar)(p.key) && String(p.key.value) === extra);
    node = pair?.key ?? node;
  }
  const offset = node?.range?.[0] ?? 0;
  return { key, line: counter.linePos(offset).line };
}
function asPathPart(segment) {
  return /^\d+$/.test(segment) ? Number(segment) : segment;
}

// src/gates/review-gate/markers.ts
var DEFAULT_AGENT_MARKERS = [
  {
    agent: "GitHub Copilot",
    logins: ["Copilot", "copilot-swe-agent"],
    emails: ["198982749+Copilot@users.noreply.github.com", "167198135+copilot[bot]@users.noreply.github.com", "copilot@github.com"],
    branchPrefixes: ["copilot/"]
  },
  {
    agent: "Claude Code",
    logins: ["claude", "anthropic-claude", "claude-code-action"],
    emails: ["noreply@anthropic.com"],
    branchPrefixes: ["claude/"],
    textMarkers: ["Generated with [Claude Code]", "Generated with Claude Code", "Claude-Session: https://claude.ai/code/"]
  },
  {
    agent: "OpenAI Codex",
    logins: ["chatgpt-codex-connector", "openai-codex"],
    emails: ["noreply@openai.com"],
    branchPrefixes: ["codex/"],
    textMarkers: ["[Codex Task](https://chatgpt.com/codex/tasks/"]
  },
  {
    agent: "Cursor",
    logins: ["cursoragent", "cursor"],
    emails: ["cursoragent@cursor.com"],
    branchPrefixes: ["cursor/"],
    textMarkers: ["<!-- CURSOR_AGENT_PR_BODY_BEGIN -->", "This pull request contains changes made by a Background Agent", "https://cursor.com/agents?id="]
  },
  {
    agent: "Devin",
    logins: ["devin-ai-integration"],
    branchPrefixes: ["devin/"],
    textMarkers: ["Link to Devin run: https://app.devin.ai/sessions/"]
  },
  {
    agent: "Google Jules",
    logins: ["google-labs-jules"],
    branchPrefixes: ["jules/"],
    textMarkers: ["PR created automatically by Jules", "https://jules.google.com/task/"]
  },
  { agent: "Amazon Q Developer", logins: ["amazon-q-developer"] },
  { agent: "Gemini", logins: ["gemini-code-assist"], branchPrefixes: ["gemini/"] },
  { agent: "Aider", emails: ["aider@aider.chat", "noreply@aider.chat"], branchPrefixes: ["aider/"] },
  { agent: "Sweep", logins: ["sweep-ai", "sweep-nightly", "sweep-canary"], branchPrefixes: ["sweep/"] },
  { agent: "Cline", logins: ["cline"], branchPrefixes: ["cline/"] },
  { agent: "Continue", logins: ["continue"] },
  { agent: "Sourcegraph Cody", logins: ["sourcegraph-cody"] },
  { agent: "JetBrains AI", logins: ["jetbrains-ai"] },
  { agent: "Codegen", logins: ["codegen-sh"] },
  { agent: "Replit Agent", textMarkers: ["Replit-Commit-Author: Agent", "Replit-Commit-Author: Assistant"] },
  { agent: "Amp", emails: ["amp@ampcode.com"] }
];
var AI_REVIEWER_LOGINS = ["copilot-pull-request-reviewer", "coderabbitai", "gemini-code-assist", "cursor", "chatgpt-codex-connector"];
function loginKey(login) {
  return login.trim().toLowerCase().replace(/\[bot\]$/, "");
}
function loginFromNoreply(email) {
  const match = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i.exec(email.trim());
  return match ? match[1] : void 0;
}
function parseTrailers(message) {
  const found = [];
  for (const line of message.split(/\r?\n/)) {
    const match = /^\s*(co-authored-by|assisted-by):\s*([^<\n]*?)\s*<([^>\n]+)>\s*$/i.exec(line);
    if (!match) continue;
    const email = match[3].trim();
    const login = loginFromNoreply(email);
    found.push({
      kind: match[1].toLowerCase() === "co-authored-by" ? "co-author" : "assisted-by",
      identity: { name: match[2].trim(), email, ...login ? { login } : {} }
    });
  }
  return found;
}
var MarkerIndex = class {
  logins = /* @__PURE__ */ new Map();
  emails = /* @__PURE__ */ new Map();
  prefixes = [];
  texts = [];
  constructor(catalog) {
    for (const entry of catalog) {
      for (const login of entry.logins ?? []) this.logins.set(loginKey(login), entry.agent);
      for (const email of entry.emails ?? []) this.emails.set(email.trim().toLowerCase(), entry.agent);
      for (const prefix of entry.branchPrefixes ?? []) this.prefixes.push({ prefix, agent: entry.agent });
      for (const text of entry.textMarkers ?? []) if (text.trim()) this.texts.push({ text, agent: entry.agent });
    }
  }
  /**
   * The agent a GitHub account belongs to. Only bot accounts match: a person
   * may well be called `cursor` or `continue`, a GitHub App cannot be a person.
   */
  agentOfActor(actor) {
    const isBot = actor.type === "Bot" || /\[bot\]$/i.test(actor.login);
    return isBot ? this.logins.get(loginKey(actor.login)) : void 0;
  }
  /** The agent a git identity belongs to: a listed email, a bot's noreply email, or aider's ` (aider)` name suffix. */
  agentOfIdentity(identity) {
    const account = this.agentAccountOfIdentity(identity);
    if (account) return account;
    if (/\s\(aider\)$/i.test(identity.name)) return { agent: "Aider", value: identity.name };
    return void 0;
  }
  /**
   * The agent whose own account an identity is: by its email (a listed agent
   * email or a bot's noreply address) or its linked bot login. A name alone
   * never counts: aider writes ` (aider)` after the human's own name, on the
   * human's own email, so that identity is still the human's.
   */
  agentAccountOfIdentity(identity) {
    const email = identity.email.trim().toLowerCase();
    const noreplyLogin = loginFromNoreply(email);
    const byEmail = this.emails.get(email) ?? (noreplyLogin ? this.agentOfActor({ login: noreplyLogin }) : void 0);
    if (byEmail) return { agent: byEmail, value: identity.email };
    if (identity.login) {
      const byLogin = this.agentOfActor({ login: identity.login });
      if (byLogin) return { agent: byLogin, value: identity.login };
    }
    return void 0;
  }
  textMatches(text) {
    return this.texts.filter((t) => text.includes(t.text));
  }
  prefixMatch(branch) {
    return this.prefixes.find((p) => branch.startsWith(p.prefix));
  }
};
function detectMarkers(snapshot, index, labels) {
  const found = [];
  const wanted = new Set(labels.map((l) => l.toLowerCase()));
  for (const label of snapshot.labels) if (wanted.has(label.toLowerCase())) found.push({ channel: "label", agent: "declared by label", value: label });
  const authorAgent = index.agentOfActor(snapshot.author);
  if (authorAgent) found.push({ channel: "pr-author", agent: authorAgent, value: snapshot.author.login });
  const prefix = index.prefixMatch(snapshot.head.ref);
  if (prefix) found.push({ channel: "branch", agent: prefix.agent, value: prefix.prefix });
  for (const t of index.textMatches(snapshot.body)) found.push({ channel: "pr-body", agent: t.agent, value: t.text });
  for (const commit of snapshot.commits) {
    const at = { commit: commit.sha };
    const author = index.agentOfIdentity(commit.author);
    if (author) found.push({ channel: "commit-author", ...author, ...at });
    const committer = index.agentOfIdentity(commit.committer);
    if (committer) found.push({ channel: "committer", ...committer, ...at });
    const coAuthors = [...commit.coAuthors, ...parseTrailers(commit.message).map((t) => t.identity)];
    const seen = /* @__PURE__ */ new Set();
    for (const identity of coAuthors) {
      const match = index.agentOfIdentity(identity);
      if (match && !seen.has(match.value.toLowerCase())) {
        seen.add(match.value.toLowerCase());
        found.push({ channel: "co-author", ...match, ...at });
      }
    }
    for (const t of index.textMatches(commit.message)) found.push({ channel: "commit-message", agent: t.agent, value: t.text, ...at });
  }
  return found;
}

// src/gates/review-gate/options.ts
var GATE = "review-gate";
function policyOverrides(given) {
  if (given.lenient && given["strict-head"] === true) throw new ConfigurationError("--strict-head and --lenient exclude each other", "strict-head");
  return givenOnly({
    label: given.label,
    minApprovals: given["min-approvals"],
    sensitivePaths: given["sensitive-paths"],
    sensitiveMinApprovals: given["sensitive-min-approvals"],
    requiredTeams: given["required-teams"],
    strictHead: given.lenient ? false : given["strict-head"],
    applyLabel: given["apply-label"]
  });
}
function resolvePolicy(overrides, config) {
  const section = config[GATE];
  const file = resolveOptions(REVIEW_GATE_OPTIONS, fromConfig(REVIEW_GATE_OPTIONS, section, { gate: GATE, file: "the agent-gates config" }));
  const detection = gateSection(config, GATE).detection ?? {};
  const configured = (detection.agents ?? []).map((a) => ({
    agent: a.agent,
    logins: a.logins ?? [],
    emails: a.emails ?? [],
    branchPrefixes: a["branch-prefixes"] ?? [],
    textMarkers: a["text-markers"] ?? []
  }));
  const policy = {
    label: overrides.label ?? file.label,
    applyLabel: overrides.applyLabel ?? file["apply-label"],
    minApprovals: overrides.minApprovals ?? file["min-approvals"],
    sensitivePaths: overrides.sensitivePaths ?? file["sensitive-paths"],
    sensitiveMinApprovals: overrides.sensitiveMinApprovals ?? file["sensitive-min-approvals"],
    requiredTeams: overrides.requiredTeams ?? file["required-teams"],
    strictHead: overrides.strictHead ?? file["strict-head"],
    excludeLastPusher: file["exclude-last-pusher"],
    detectionLabels: detection.labels ?? [],
    agents: [...detection.defaults === false ? [] : DEFAULT_AGENT_MARKERS, ...configured]
  };
  for (const team of policy.requiredTeams) {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(team)) throw new ConfigurationError(`required-teams: "${team}" must be "org/team-slug"`, "required-teams");
  }
  return policy;
}
function givenOnly(overrides) {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== void 0));
}

export {
  MCP_INVENTORY_OPTIONS,
  MCP_INVENTORY_OPTION_SET,
  REVIEW_GATE_OPTIONS,
  sectionSchema,
  DEFAULT_CONFIG_PATH,
  loadConfig,
  parseConfig,
  AI_REVIEWER_LOGINS,
  loginKey,
  loginFromNoreply,
  parseTrailers,
  MarkerIndex,
  detectMarkers,
  GATE,
  policyOverrides,
  resolvePolicy
};

#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  WORKING_DIRECTORY_OPTION
} from "./chunk-VGCDOCYO.js";
import {
  option
} from "./chunk-KSLT2ZUQ.js";

// src/options/gates/secret-scan.ts
var TRAVELS_WITH_THE_CODE = "the scanned code could change it";
var DECLARED_GITLEAKS_VERSION = "8.28.0";
var SECRET_SCAN_OPTIONS = [
  option({ name: "range", type: { kind: "string" }, placeholder: "A..B", description: "scan exactly these commits (A...B: from their merge base)", input: false, config: false }),
  option({ name: "full", type: { kind: "boolean" }, default: false, description: "scan the full history (see --full-scope)", input: false, config: false }),
  option({ name: "no-git", type: { kind: "boolean" }, default: false, description: "scan the files in the folder only, no history", input: false, config: false }),
  option({ name: "staged", type: { kind: "boolean" }, default: false, description: "scan only what is staged for the next commit (a pre-commit check)", input: false, config: false }),
  option({
    name: "pre-push",
    type: { kind: "boolean" },
    default: false,
    description: "scan the commits being pushed, read from stdin as git's pre-push hook gives them",
    input: false,
    config: false
  }),
  option({
    name: "mode",
    type: { kind: "enum", values: ["auto", "full", "dir"] },
    default: "auto",
    description: "auto (the commit range from the event), full (whole history, see full-scope) or dir (files in working-directory, no history)",
    flag: false
  }),
  option({
    name: "full-scope",
    type: { kind: "enum", values: ["default-branch", "all-branches"] },
    default: "default-branch",
    placeholder: "SCOPE",
    description: "what full history means (mode full, schedule, workflow_dispatch): default-branch or all-branches"
  }),
  option({
    name: "engine",
    type: { kind: "enum", values: ["auto", "native", "wasm"] },
    default: "auto",
    placeholder: "ENGINE",
    description: "auto (gitleaks-path, else a verified release, else the WebAssembly build), native or wasm",
    config: { forbidden: TRAVELS_WITH_THE_CODE }
  }),
  option({
    name: "gitleaks-path",
    type: { kind: "string" },
    placeholder: "FILE",
    description: "a Gitleaks binary you provide (skips the download)",
    config: { forbidden: TRAVELS_WITH_THE_CODE }
  }),
  option({
    name: "gitleaks-version",
    type: { kind: "string" },
    default: DECLARED_GITLEAKS_VERSION,
    placeholder: "V",
    description: "Gitleaks release for the native engine",
    details: "Its archive SHA-256 must be in the embedded checksum table or the download is refused.",
    config: { forbidden: TRAVELS_WITH_THE_CODE }
  }),
  option({
    name: "gitleaks-config",
    type: { kind: "string" },
    placeholder: "FILE",
    description: "Gitleaks rules file (TOML)",
    defaultText: ".gitleaks.toml in the folder, else the built-in rules",
    details: "Every allow list in it needs a description. (The config input is the agent-gates config file.)"
  }),
  option({
    name: "baseline",
    type: { kind: "string" },
    placeholder: "FILE",
    description: "known findings that do not fail the gate: a Gitleaks JSON report or an earlier agent-gates secret-scan result"
  }),
  option({
    name: "redact-author",
    type: { kind: "enum", values: ["hash", "omit"] },
    default: "omit",
    placeholder: "MODE",
    description: "commit author name and e-mail in results: omit, or hash (HMAC-SHA-256 keyed with $AGENT_GATES_AUTHOR_KEY, else a per-run key)",
    details: "AGENT_GATES_AUTHOR_KEY needs at least 16 characters, from a secret; without it hashes only correlate within one run."
  }),
  option({
    name: "fail-on",
    type: { kind: "enum", values: ["new", "any", "none"] },
    default: "new",
    placeholder: "WHAT",
    description: "new (unsuppressed secrets fail), any (baseline entries fail too) or none (report only)",
    config: { refuse: { values: ["none"], reason: TRAVELS_WITH_THE_CODE } }
  }),
  option({
    name: "cache-dir",
    type: { kind: "string" },
    placeholder: "DIR",
    description: "history cache folder: later full or push scans with the same rules scan only commits it does not cover",
    details: "Needs AGENT_GATES_AUTHOR_KEY (the cached fingerprints must mean the same next run). The result records how much of the range came from the cache. Also $AGENT_GATES_CACHE_DIR. In a workflow, leave it unset: the action keeps the cache in the Actions cache itself (actions-cache).",
    config: { forbidden: TRAVELS_WITH_THE_CODE }
  }),
  option({
    name: "actions-cache",
    type: { kind: "boolean" },
    default: true,
    description: "keep the history cache in the Actions cache: restored before the scan, saved after a scan that completed",
    details: "Used when the runner offers the cache service, cache-dir is not set and AGENT_GATES_AUTHOR_KEY is; entries are keyed by repository, folder, the rules digest and the scanned head. false turns it off.",
    flag: false,
    config: { forbidden: TRAVELS_WITH_THE_CODE }
  }),
  option({ name: "remote", type: { kind: "string" }, default: "origin", description: "remote to fetch missing commits from (read-only)", flag: false, input: false }),
  { ...WORKING_DIRECTORY_OPTION, description: "the repository to scan (on the command line: the first argument)", flag: false }
];
var SECRET_SCAN_OPTION_SET = { gate: "secret-scan", options: SECRET_SCAN_OPTIONS };

// src/config/types.ts
function gateSection(config, gate) {
  const section = config[gate];
  return section && typeof section === "object" ? section : {};
}

export {
  SECRET_SCAN_OPTIONS,
  SECRET_SCAN_OPTION_SET,
  gateSection
};

#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  SAFE_FETCH_ARGS,
  safeGit
} from "./chunk-CUKJK5GM.js";
import {
  SECRET_SCAN_OPTIONS,
  gateSection
} from "./chunk-4SSNK5YR.js";
import {
  definedOnly,
  fromConfig,
  resolveOptions
} from "./chunk-KSLT2ZUQ.js";
import {
  ConfigurationError,
  GateIncompleteError
} from "./chunk-7YKUIZ76.js";

// src/gates/secret-scan/gitleaks-checksums.ts
var GITLEAKS_CHECKSUMS = {
  "8.28.0": {
    linux_x64: {
      archive: "a65b5253807a68ac0cafa4414031fd740aeb55f54fb7e55f386acb52e6a840eb",
      binary: "5fd1b3b0073269484d40078662e921d07427340ab9e6ed526ccd215a565b3298"
    },
    linux_arm64: {
      archive: "eff65261156100e5d94a6b3dec313d532fddfe19ae1590bf7a2b4f2699128356",
      binary: "3770c7ebeb625e3e96c183525ca18285a01aedef2d75a2c41ceb3e141af2e8b7"
    },
    darwin_x64: { archive: "edf5a507008b0d2ef4959575772772770586409c1f6f74dabf19cbe7ec341ced" },
    darwin_arm64: {
      archive: "d942f3ad147250c9edbaab3fed9e482f98d3b59ba10ae97b8d75647e3ade492c",
      binary: "5588b5d942dffa048720f7e6e1d274283219fb5722a2c7564d22e83ba39087d7"
    },
    windows_x64: { archive: "da6458e8864af553807de1c46a7a8eac0880bd6b99ba56288e87e86a45af884f" }
  },
  "8.24.3": {
    linux_x64: "9991e0b2903da4c8f6122b5c3186448b927a5da4deef1fe45271c3793f4ee29c"
  }
};
var DEFAULT_GITLEAKS_VERSION = "8.28.0";

// src/gates/secret-scan/options.ts
var GATE = "secret-scan";
var INPUT_ONLY_KEYS = ["engine", "gitleaks-path", "gitleaks-version", "cache-dir", "actions-cache"];
function resolveSecretScanOptions(dir, overrides, config) {
  const section = gateSection(config, GATE);
  for (const key of INPUT_ONLY_KEYS)
    if (section[key] !== void 0)
      throw new ConfigurationError(`secret-scan.${key} cannot be set in the config file (the scanned code could change it); use the action input or the CLI flag`, `secret-scan.${key}`);
  if (section["fail-on"] === "none")
    throw new ConfigurationError("secret-scan.fail-on: none cannot be set in the config file; use the action input or the CLI flag", "secret-scan.fail-on");
  const file = resolveOptions(SECRET_SCAN_OPTIONS, fromConfig(SECRET_SCAN_OPTIONS, section, { gate: GATE }));
  const options = {
    dir,
    mode: overrides.mode ?? file.mode,
    fullScope: overrides.fullScope ?? file["full-scope"],
    engine: overrides.engine ?? "auto",
    gitleaksVersion: overrides.gitleaksVersion ?? DEFAULT_GITLEAKS_VERSION,
    redactAuthor: overrides.redactAuthor ?? file["redact-author"],
    failOn: overrides.failOn ?? file["fail-on"],
    remote: overrides.remote ?? file.remote,
    allow: config.allow ?? []
  };
  const optional = {
    range: overrides.range,
    event: overrides.event,
    gitleaksPath: overrides.gitleaksPath,
    gitleaksConfig: overrides.gitleaksConfig ?? file["gitleaks-config"],
    baseline: overrides.baseline ?? file.baseline,
    cacheDir: overrides.cacheDir,
    install: overrides.install
  };
  Object.assign(options, definedOnly(optional));
  if (options.range !== void 0 && options.mode === "auto") options.mode = "range";
  if (options.mode === "range" && !/^[^.\s]+\.\.\.?[^.\s]+$/.test(options.range ?? ""))
    throw new ConfigurationError(`range must look like BASE..HEAD or BASE...HEAD, got "${options.range ?? ""}"`, "range");
  return options;
}
function secretScanOverrides(given) {
  const chosen = [given.range !== void 0, given.full === true, given["no-git"] === true, given.staged === true, given["pre-push"] === true].filter(Boolean).length;
  if (chosen > 1) throw new ConfigurationError("use only one of --range, --full, --no-git, --staged and --pre-push", "range");
  const mode = given.range !== void 0 ? "range" : given.full ? "full" : given["no-git"] || given.staged ? "dir" : given["pre-push"] ? "auto" : given.mode;
  return definedOnly({
    mode,
    range: given.range,
    fullScope: given["full-scope"],
    engine: given.engine,
    gitleaksPath: given["gitleaks-path"],
    gitleaksVersion: given["gitleaks-version"],
    gitleaksConfig: given["gitleaks-config"],
    baseline: given.baseline,
    redactAuthor: given["redact-author"],
    failOn: given["fail-on"],
    cacheDir: given["cache-dir"]
  });
}

// src/gates/secret-scan/event.ts
var ZERO_SHA = /^0+$/;
function obj(value) {
  return value && typeof value === "object" ? value : {};
}
function sha(value, what) {
  if (typeof value === "string" && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(value)) return value.toLowerCase();
  throw new GateIncompleteError("event-invalid", `the event payload has no valid ${what} (got ${JSON.stringify(value ?? null)})`);
}
function defaultBranchOf(payload) {
  const name = obj(payload.repository).default_branch;
  return typeof name === "string" && name ? name : void 0;
}
function planFromEvent(eventName, payloadValue, fullScope) {
  const payload = obj(payloadValue);
  switch (eventName) {
    case "pull_request":
    case "pull_request_target": {
      const pr = obj(payload.pull_request);
      const base = sha(obj(pr.base).sha, "pull_request.base.sha");
      const head = sha(obj(pr.head).sha, "pull_request.head.sha");
      const number = typeof pr.number === "number" ? pr.number : typeof payload.number === "number" ? payload.number : void 0;
      const fetchRefs = number === void 0 ? void 0 : [`refs/pull/${number}/head`];
      return { kind: "range", base, head, mergeBase: true, source: `${eventName} #${number ?? "?"}`, ...fetchRefs ? { fetchRefs } : {} };
    }
    case "push": {
      const after = sha(payload.after, "after");
      const before = sha(payload.before, "before");
      const ref = typeof payload.ref === "string" ? payload.ref : "";
      if (ZERO_SHA.test(after) || payload.deleted === true) return { kind: "nothing", source: `push deleting ${ref || "a ref"}` };
      const defaultBranch = defaultBranchOf(payload);
      return {
        kind: "push",
        before,
        after,
        ref,
        forced: payload.forced === true,
        created: payload.created === true || ZERO_SHA.test(before),
        ...defaultBranch ? { defaultBranch } : {}
      };
    }
    case "merge_group": {
      const group = obj(payload.merge_group);
      const base = sha(group.base_sha, "merge_group.base_sha");
      const head = sha(group.head_sha, "merge_group.head_sha");
      return { kind: "range", base, head, mergeBase: true, source: "merge_group" };
    }
    case "schedule":
    case "workflow_dispatch": {
      const defaultBranch = defaultBranchOf(payload);
      return { kind: "full", scope: fullScope, source: eventName, ...defaultBranch ? { defaultBranch } : {} };
    }
    default:
      throw new GateIncompleteError(
        "event-unsupported",
        `secret-scan cannot derive a commit range for the "${eventName}" event; set mode: full or mode: dir explicitly`
      );
  }
}
async function loadEvent(env) {
  const name = env.GITHUB_EVENT_NAME;
  const path = env.GITHUB_EVENT_PATH;
  if (!name || !path) return void 0;
  const { readFile: readFile2 } = await import("node:fs/promises");
  try {
    return { name, payload: JSON.parse(await readFile2(path, "utf8")) };
  } catch (error) {
    throw new GateIncompleteError("event-invalid", `cannot read the ${name} event payload at ${path}: ${error.message}`);
  }
}

// src/gates/secret-scan/git.ts
import { execFile, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { StringDecoder } from "node:string_decoder";
var OUTPUT_FLAGS = ["-c", "core.quotePath=false", "-c", "core.attributesFile=/dev/null"];
var Git = class {
  constructor(dir, env) {
    this.dir = dir;
    this.env = env;
  }
  dir;
  env;
  safe;
  /** Nothing the repository's config names may run: computed once per repository from its config. */
  invocation() {
    this.safe ??= safeGit(this.dir, this.env);
    return this.safe;
  }
  /** Runs git and returns stdout; throws GateIncompleteError with git's message on failure. */
  async run(args, code = "git-failed") {
    const safe = await this.invocation();
    return new Promise((resolve2, reject) => {
      execFile("git", [...safe.args, ...OUTPUT_FLAGS, ...args], { cwd: this.dir, env: safe.env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new GateIncompleteError(code, `git ${args[0]} failed: ${String(stderr).trim().split("\n").slice(-2).join(" ") || error.message}`));
        else resolve2(stdout);
      });
    });
  }
  /** Like run() but a failure is `undefined` (for probes). */
  async probe(args) {
    return this.run(args).then(
      (out) => out.trim(),
      () => void 0
    );
  }
  /** Streams stdout as batches of whole lines (for `git log -p` over long histories; batching keeps the per-line cost low). */
  async *lines(args) {
    const safe = await this.invocation();
    const child = spawn("git", [...safe.args, ...OUTPUT_FLAGS, ...args], { cwd: this.dir, env: safe.env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => stderr = (stderr + d.toString()).slice(-2e3));
    const exit = new Promise((resolve2) => child.on("close", (code2) => resolve2(code2 ?? 1)));
    let rest = "";
    const decoder = new StringDecoder("utf8");
    for await (const chunk of child.stdout) {
      const text = rest + decoder.write(chunk);
      const parts = text.split("\n");
      rest = parts.pop() ?? "";
      yield parts;
    }
    rest += decoder.end();
    if (rest) yield [rest];
    const code = await exit;
    if (code !== 0) throw new GateIncompleteError("git-failed", `git ${args[0]} failed: ${stderr.trim().split("\n").slice(-2).join(" ")}`);
  }
  async isRepository() {
    return await this.probe(["rev-parse", "--is-inside-work-tree"]) === "true";
  }
  async isShallow() {
    return await this.probe(["rev-parse", "--is-shallow-repository"]) === "true";
  }
  /** The full SHA of a commit-ish, or undefined when it is not in the repository. */
  async commit(rev) {
    return this.probe(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
  }
  async mergeBase(a, b) {
    return this.probe(["merge-base", a, b]);
  }
  /** Commits in `revs` (rev-list arguments), oldest first. */
  async revList(revs) {
    const out = await this.run(["rev-list", "--reverse", ...revs, "--"]);
    return out.split("\n").filter(Boolean);
  }
  /** Commits at the shallow boundary (their parents are missing). */
  async shallowBoundary() {
    const path = await this.probe(["rev-parse", "--git-path", "shallow"]);
    if (!path) return /* @__PURE__ */ new Set();
    const text = await readFile(resolve(this.dir, path), "utf8").catch((error) => {
      if (error.code === "ENOENT") return "";
      throw new GateIncompleteError("git-failed", `cannot read the shallow-clone list ${path}: ${error.message}`);
    });
    return new Set(text.split("\n").filter(Boolean));
  }
  async hasRemote(remote) {
    return await this.probe(["remote", "get-url", remote]) !== void 0;
  }
  /** Fetches from the remote (read-only; never runs fetched code). */
  async fetch(remote, args) {
    await this.run(["fetch", ...SAFE_FETCH_ARGS, "--no-tags", "--quiet", "--no-recurse-submodules", remote, ...args], "git-fetch-failed");
  }
};

export {
  planFromEvent,
  loadEvent,
  Git,
  GITLEAKS_CHECKSUMS,
  GATE,
  resolveSecretScanOptions,
  secretScanOverrides
};

#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);

// src/git/safe-git.ts
import { execFile } from "node:child_process";
var NULL_DEVICE = process.platform === "win32" ? "NUL" : "/dev/null";
var FIXED_OVERRIDES = [
  "core.fsmonitor=false",
  `core.hooksPath=${NULL_DEVICE}`,
  "core.sshCommand=ssh",
  "core.gitProxy=",
  "core.alternateRefsCommand=",
  "core.askPass=",
  "core.pager=cat",
  "credential.helper=",
  "diff.external=",
  "protocol.ext.allow=never",
  "log.showSignature=false",
  "gpg.program=gpg",
  "color.ui=false"
];
var SAFE_FETCH_ARGS = ["--upload-pack=git-upload-pack"];
var PROGRAM_KEY = /^(?:filter\.(.+)\.(?:clean|smudge|process)|diff\.(.+)\.(?:textconv|command)|merge\.(.+)\.driver|pager\..+)$/i;
function safeGitEnv(base) {
  const env = {};
  for (const [key, value] of Object.entries(base)) if (!/^GIT_/i.test(key) && key !== "PAGER" && key !== "SSH_ASKPASS") env[key] = value;
  return { ...env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: NULL_DEVICE, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", PAGER: "cat", LC_ALL: "C" };
}
function overridesFor(configList) {
  const out = [...FIXED_OVERRIDES];
  for (const record of configList.split("\0")) {
    const key = record.split("\n", 1)[0] ?? "";
    const match = PROGRAM_KEY.exec(key);
    if (!match) continue;
    if (/^pager\./i.test(key)) out.push(`${key}=cat`);
    else out.push(`${key}=`);
    if (match[1] !== void 0) out.push(`filter.${match[1]}.required=false`);
  }
  return [...new Set(out)].flatMap((o) => ["-c", o]);
}
async function safeGit(dir, base = process.env) {
  const env = safeGitEnv(base);
  const list = await new Promise((resolve) => {
    execFile("git", ["--no-pager", "config", "-z", "--list"], { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => resolve(error ? "" : String(stdout)));
  });
  return { args: ["--no-pager", ...overridesFor(list)], env };
}

export {
  SAFE_FETCH_ARGS,
  safeGit
};

#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  WORKING_DIRECTORY_OPTION
} from "./chunk-VGCDOCYO.js";
import {
  option
} from "./chunk-KSLT2ZUQ.js";

// src/options/gates/ignore-check.ts
var IGNORE_CHECK_PACKERS = ["git", "npm", "docker", "sdist", "vsix"];
var IGNORE_CHECK_OPTIONS = [
  option({
    name: "packers",
    type: { kind: "list", values: ["auto", ...IGNORE_CHECK_PACKERS] },
    default: ["auto"],
    placeholder: "LIST",
    description: "auto (every packer the folder uses) or a list of git, npm, docker, sdist, vsix"
  }),
  option({
    name: "docker-contexts",
    type: { kind: "list" },
    default: [],
    description: "Docker build contexts beyond each Dockerfile folder, relative to the repository",
    flag: false,
    input: false
  }),
  option({
    name: "fix",
    type: { kind: "enum", values: ["none", "patch"] },
    default: "none",
    description: "none, or patch to attach the smallest verified ignore-file fix as ignore-check.patch and in the job summary",
    details: "On the command line, --fix writes the fix instead.",
    flag: false
  }),
  option({
    name: "write-fix",
    type: { kind: "boolean" },
    default: false,
    description: "write the smallest ignore-file change that stops each leak, then re-check",
    flag: { name: "fix" },
    input: false,
    config: false
  }),
  { ...WORKING_DIRECTORY_OPTION, description: "folder to check (on the command line: the first argument)", flag: false }
];
var IGNORE_CHECK_OPTION_SET = { gate: "ignore-check", options: IGNORE_CHECK_OPTIONS };

export {
  IGNORE_CHECK_OPTIONS,
  IGNORE_CHECK_OPTION_SET
};

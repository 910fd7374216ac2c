#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  option
} from "./chunk-KSLT2ZUQ.js";

// src/options/common.ts
var CONFIG_OPTION = option({
  name: "config",
  type: { kind: "string" },
  placeholder: "FILE",
  description: "the agent-gates config file",
  defaultText: ".github/agent-gates.yml",
  flag: { short: "c" },
  config: false
});
var CATEGORY_OPTION = option({
  name: "category",
  type: { kind: "string" },
  description: "the code-scanning category of the SARIF run, so that two steps or a matrix never overwrite each other's alerts",
  defaultText: "agent-gates/<gate>, plus /<working-directory> when not the root",
  flag: false,
  config: false
});
var WORKING_DIRECTORY_OPTION = option({
  name: "working-directory",
  type: { kind: "string" },
  placeholder: "DIR",
  default: ".",
  description: "directory to work in, relative to the current directory or the workspace",
  flag: { short: "C" },
  config: false
});
var FORMATS = ["text", "json", "sarif", "markdown"];
var GATES_OPTION = option({
  name: "gates",
  type: { kind: "list" },
  placeholder: "LIST",
  description: "the gates to run, e.g. artifact-scan,secret-scan",
  defaultText: "every local gate",
  input: false,
  config: false
});
var CLI_OPTIONS = [
  option({ name: "format", type: { kind: "enum", values: FORMATS }, default: "text", placeholder: "FORMAT", description: "report format: text, json, sarif or markdown", flag: { short: "f" }, input: false, config: false }),
  option({ name: "output", type: { kind: "string" }, placeholder: "FILE", description: "write the report to FILE instead of stdout", flag: { short: "o" }, input: false, config: false }),
  { ...CONFIG_OPTION, input: false },
  option({ name: "run-folder", type: { kind: "string" }, placeholder: "DIR", description: "where the gates leave their JSON and the run record; never inside the checked folder", defaultText: "$AGENT_GATES_RUN_DIR, $RUNNER_TEMP/agent-gates, else $XDG_CACHE_HOME/agent-gates/runs/<folder>-<hash>", input: false, config: false }),
  option({ name: "quiet", type: { kind: "boolean" }, default: false, description: "print only blocking findings and the verdict", flag: { short: "q" }, input: false, config: false }),
  option({ name: "verbose", type: { kind: "boolean" }, default: false, description: "print every finding, suppressed ones too, and progress", input: false, config: false }),
  option({ name: "color", type: { kind: "enum", values: ["auto", "always", "never"] }, default: "auto", placeholder: "WHEN", description: "colour: auto (on a terminal, honouring NO_COLOR and FORCE_COLOR), always or never", input: false, config: false }),
  option({ name: "help", type: { kind: "boolean" }, default: false, description: "this help", flag: { short: "h" }, input: false, config: false })
];

export {
  CONFIG_OPTION,
  WORKING_DIRECTORY_OPTION,
  GATES_OPTION,
  CLI_OPTIONS
};

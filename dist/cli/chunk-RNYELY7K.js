#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  WORKING_DIRECTORY_OPTION
} from "./chunk-VGCDOCYO.js";
import {
  option
} from "./chunk-KSLT2ZUQ.js";

// src/options/gates/artifact-scan.ts
var MiB = 1024 ** 2;
var ARTIFACT_SCAN_OPTIONS = [
  option({
    name: "paths",
    type: { kind: "list" },
    default: [],
    placeholder: "PATHS",
    description: "folders or archives to scan (globs allowed); empty scans the npm packages of the directory, or the folder itself",
    details: ".tgz/.tar/.zip/.whl/.vsix/.jar/.nupkg, docker save and OCI image tars. On the command line they are the positional arguments.",
    flag: false
  }),
  { ...WORKING_DIRECTORY_OPTION, description: "directory the paths and npm packages are relative to" },
  option({
    name: "npm",
    type: { kind: "auto-boolean" },
    default: "auto",
    description: "pack npm packages with the real `npm pack` and scan the tarballs (auto: when package.json exists and no paths are given)"
  }),
  option({
    name: "npm-scripts",
    type: { kind: "boolean" },
    default: true,
    description: "run the lifecycle scripts (prepack, prepare, postpack) while packing, as `npm publish` does",
    details: "false packs with --ignore-scripts: then the scanned tarball is not what `npm publish` builds, so publish the scanned tarball itself (output `tarballs`)."
  }),
  option({
    name: "fail-on",
    type: { kind: "enum", values: ["never", "review", "shared"] },
    default: "never",
    placeholder: "CLASS",
    description: "lowest catalog class that fails the gate: never, review or shared",
    details: "Literal credentials always fail."
  }),
  option({ name: "max-depth", type: { kind: "int", min: 0, max: 16 }, default: 4, description: "how deep nested archives are opened; deeper is an error" }),
  option({
    name: "max-expanded-bytes",
    type: { kind: "size" },
    default: 8 * 1024 ** 3,
    description: "total decompressed bytes across the run; more is an error (decompression bomb)",
    config: { key: "limits.max-expanded-bytes" }
  }),
  option({
    name: "max-ratio",
    type: { kind: "int", min: 1, max: 1e6 },
    default: 200,
    description: "largest expanded/compressed ratio of a gzip stream or zip entry; more is an error",
    config: { key: "limits.max-ratio" }
  }),
  option({ name: "max-entries", type: { kind: "int", min: 1, max: 1e9 }, default: 1e6, description: "entries across all archives; more is an error", config: { key: "limits.max-entries" } }),
  option({
    name: "max-entry-bytes",
    type: { kind: "size" },
    default: 16 * MiB,
    description: "largest agent file whose content is checked for credentials; larger is an error",
    config: { key: "limits.max-entry-bytes" }
  }),
  option({
    name: "max-nested-bytes",
    type: { kind: "size" },
    default: 32 * MiB,
    description: "nested zips are buffered in memory up to this size, then spooled to a private temp file",
    config: { key: "limits.max-nested-bytes" }
  })
];
var ARTIFACT_SCAN_OPTION_SET = { gate: "artifact-scan", options: ARTIFACT_SCAN_OPTIONS };

export {
  ARTIFACT_SCAN_OPTIONS,
  ARTIFACT_SCAN_OPTION_SET
};

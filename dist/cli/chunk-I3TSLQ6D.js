#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  ARTIFACT_SCAN_OPTIONS
} from "./chunk-RNYELY7K.js";
import {
  definedOnly,
  fromConfig,
  resolveOptions
} from "./chunk-KSLT2ZUQ.js";
import {
  ConfigurationError
} from "./chunk-7YKUIZ76.js";

// src/gates/artifact-scan/options.ts
import { resolve } from "node:path";
var GATE = "artifact-scan";
function artifactScanOverrides(dir, given) {
  return {
    dir,
    ...definedOnly({ paths: given.paths?.length ? given.paths : void 0, npm: given.npm, npmScripts: given["npm-scripts"], failOn: given["fail-on"], maxDepth: given["max-depth"] }),
    limits: definedOnly({
      maxExpandedBytes: given["max-expanded-bytes"],
      maxRatio: given["max-ratio"],
      maxEntries: given["max-entries"],
      maxEntryBytes: given["max-entry-bytes"],
      maxNestedBytes: given["max-nested-bytes"]
    })
  };
}
function resolveArtifactScanOptions(overrides, config) {
  const file = resolveOptions(ARTIFACT_SCAN_OPTIONS, fromConfig(ARTIFACT_SCAN_OPTIONS, config[GATE], { gate: GATE }));
  const limits = {
    maxExpandedBytes: overrides.limits?.maxExpandedBytes ?? file["max-expanded-bytes"],
    maxRatio: overrides.limits?.maxRatio ?? file["max-ratio"],
    maxEntries: overrides.limits?.maxEntries ?? file["max-entries"],
    maxEntryBytes: overrides.limits?.maxEntryBytes ?? file["max-entry-bytes"],
    maxNestedBytes: overrides.limits?.maxNestedBytes ?? file["max-nested-bytes"]
  };
  for (const [key, value] of Object.entries(limits))
    if (!(Number.isFinite(value) && value > 0)) throw new ConfigurationError(`artifact-scan limit ${key} must be a positive number`, key);
  return {
    dir: resolve(overrides.dir),
    paths: overrides.paths ?? file.paths,
    npm: overrides.npm ?? file.npm,
    npmScripts: overrides.npmScripts ?? file["npm-scripts"],
    failOn: overrides.failOn ?? file["fail-on"],
    maxDepth: overrides.maxDepth ?? file["max-depth"],
    limits,
    config
  };
}

export {
  GATE,
  artifactScanOverrides,
  resolveArtifactScanOptions
};

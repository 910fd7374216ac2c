#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  AGENT_PATH_CATALOG,
  CatalogMatcher
} from "./chunk-U2X3TP5Y.js";
import {
  ConfigurationError
} from "./chunk-7YKUIZ76.js";

// src/config/catalog.ts
function catalogFromConfig(config) {
  const entries = AGENT_PATH_CATALOG.map((e) => ({ ...e }));
  for (const change of config.catalog?.reclassify ?? []) {
    const entry = entries.find((e) => e.id === change.id);
    if (!entry) throw new ConfigurationError(`catalog.reclassify: no catalog entry has id "${change.id}"`, "catalog.reclassify");
    entry.class = change.class;
  }
  for (const add of config.catalog?.add ?? []) {
    if (entries.some((e) => e.id === add.id))
      throw new ConfigurationError(`catalog.add: id "${add.id}" already exists`, "catalog.add");
    entries.push({
      id: add.id,
      tool: add.tool ?? "custom",
      class: add.class,
      patterns: add.patterns,
      ...add.except ? { except: add.except } : {},
      mayHoldSecrets: add["may-hold-secrets"] ?? add.class !== "shared",
      description: add.description,
      canary: add.patterns[0].replace(/\*\*\/?/g, "").replace(/\*/g, "x") || add.id,
      source: add.source ?? "repository config"
    });
  }
  return entries;
}
function matcherFromConfig(config) {
  return new CatalogMatcher(catalogFromConfig(config));
}

export {
  catalogFromConfig,
  matcherFromConfig
};

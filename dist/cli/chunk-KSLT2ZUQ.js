#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  ConfigurationError,
  redactCredentials
} from "./chunk-7YKUIZ76.js";

// src/options/types.ts
function option(declaration) {
  return declaration;
}
function flagName(d) {
  return d.flag === false ? void 0 : d.flag?.name ?? d.name;
}
function configKey(d) {
  return d.config === false ? void 0 : d.config?.key ?? d.name;
}
function describeOrigin(origin) {
  switch (origin.source) {
    case "flag":
      return `--${origin.flag} (flag)`;
    case "input":
      return `input "${origin.input}"`;
    case "config":
      return `${origin.file}${origin.line ? `:${origin.line}` : ""}: ${origin.key}`;
  }
}

// src/options/parse.ts
var TRUE = /^(true|yes|on)$/i;
var FALSE = /^(false|no|off)$/i;
var SIZE = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i;
function expectation(type) {
  switch (type.kind) {
    case "string":
      return "a non-empty text";
    case "boolean":
      return "true or false";
    case "int":
      return `a whole number from ${type.min} to ${type.max}`;
    case "size":
      return `a size such as 512MiB or 1048576 (at least ${type.min ?? 1} byte${(type.min ?? 1) === 1 ? "" : "s"})`;
    case "enum":
      return `one of ${type.values.join(", ")}`;
    case "auto-boolean":
      return "auto, true or false";
    case "list":
      return type.values ? `a list of ${type.values.join(", ")}` : type.pattern ? `a list of ${type.pattern.description}` : "a list of non-empty texts";
  }
}
function typeLabel(d) {
  if (d.placeholder) return d.placeholder;
  const t = d.type;
  switch (t.kind) {
    case "boolean":
      return "";
    case "int":
      return "N";
    case "size":
      return "SIZE";
    case "enum":
      return t.values.join("|");
    case "auto-boolean":
      return "auto|true|false";
    case "list":
      return "LIST";
    case "string":
      return "TEXT";
  }
}
function shown(raw) {
  return redactCredentials(typeof raw === "string" || Array.isArray(raw) ? JSON.stringify(raw) : String(raw)).text;
}
function parseOptionValue(d, raw, origin) {
  if (raw === void 0 || raw === null) return void 0;
  if (typeof raw === "string" && raw.trim() === "" && origin.source !== "config") return void 0;
  const fail = (why = `must be ${expectation(d.type)}, got ${shown(raw)}`) => {
    const key = origin.source === "config" ? origin.key : origin.source === "flag" ? origin.flag : origin.input;
    throw new ConfigurationError(`${describeOrigin(origin)}: ${why}`, key, origin.source === "config" ? origin.line : void 0, origin.source === "config" ? origin.file : void 0);
  };
  const forbidden = d.config !== false && origin.source === "config" ? d.config?.forbidden : void 0;
  if (forbidden) fail(`cannot be set in the config file (${forbidden}); use the action input or the CLI flag`);
  const value = parseTyped(d.type, raw, fail);
  const refused = d.config !== false && origin.source === "config" ? d.config?.refuse : void 0;
  if (refused && refused.values.includes(String(value))) fail(`${String(value)} cannot be set in the config file (${refused.reason}); use the action input or the CLI flag`);
  return value;
}
function parseTyped(type, raw, fail) {
  const text = typeof raw === "string" ? raw.trim() : void 0;
  switch (type.kind) {
    case "string":
      return text ? text : fail();
    case "boolean":
      if (typeof raw === "boolean") return raw;
      return text && TRUE.test(text) ? true : text && FALSE.test(text) ? false : fail();
    case "auto-boolean":
      if (typeof raw === "boolean") return raw;
      if (text && /^auto$/i.test(text)) return "auto";
      return text && TRUE.test(text) ? true : text && FALSE.test(text) ? false : fail();
    case "int": {
      const n = typeof raw === "number" ? raw : text && /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
      return Number.isInteger(n) && n >= type.min && n <= type.max ? n : fail();
    }
    case "size": {
      const min = type.min ?? 1;
      if (typeof raw === "number") return Number.isInteger(raw) && raw >= min ? raw : fail();
      const m = text === void 0 ? null : SIZE.exec(text);
      if (!m) return fail();
      const power = ["", "k", "m", "g", "t"].indexOf((m[2] ?? "").toLowerCase());
      const bytes = Math.floor(Number(m[1]) * 1024 ** power);
      return bytes >= min ? bytes : fail();
    }
    case "enum":
      return text !== void 0 && type.values.includes(text) ? text : fail();
    case "list": {
      const items = Array.isArray(raw) ? raw : text !== void 0 ? text.split(/[\n,]/) : fail();
      const list = items.map((item) => typeof item === "string" ? item.trim() : fail()).filter(Boolean);
      for (const item of list) {
        if (type.values && !type.values.includes(item)) fail(`must be ${expectation(type)}, got ${shown(item)}`);
        if (type.pattern && !new RegExp(type.pattern.regex).test(item)) fail(`must be ${expectation(type)}, got ${shown(item)}`);
      }
      return list;
    }
  }
}

// src/options/resolve.ts
function fromFlags(declarations, values) {
  const given = {};
  for (const d of declarations) {
    const flag = flagName(d);
    if (flag === void 0) continue;
    const value = parseOptionValue(d, values[flag], { source: "flag", flag });
    if (value !== void 0) given[d.name] = value;
    if (values[`no-${flag}`] === true) {
      if (value !== void 0) throw new ConfigurationError(`--${flag} and --no-${flag} exclude each other`, flag);
      given[d.name] = false;
    }
  }
  return given;
}
function valueAt(section, key) {
  let node = section;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || Array.isArray(node)) return void 0;
    node = node[part];
  }
  return node;
}
function fromConfig(declarations, section, where) {
  const given = {};
  for (const d of declarations) {
    const key = configKey(d);
    if (key === void 0) continue;
    const raw = valueAt(section, key);
    if (raw === void 0) continue;
    const fullKey = `${where.gate}.${key}`;
    const line = where.lineOf?.(fullKey);
    const value = parseOptionValue(d, raw, { source: "config", file: where.file ?? "config file", key: fullKey, ...line ? { line } : {} });
    if (value !== void 0) given[d.name] = value;
  }
  return given;
}
function resolveOptions(declarations, ...layers) {
  const resolved = {};
  for (const d of declarations) {
    const layer = layers.find((l) => l[d.name] !== void 0);
    resolved[d.name] = layer ? layer[d.name] : Array.isArray(d.default) ? [...d.default] : d.default;
  }
  return resolved;
}
function definedOnly(values) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== void 0));
}

export {
  option,
  flagName,
  configKey,
  typeLabel,
  fromFlags,
  fromConfig,
  resolveOptions,
  definedOnly
};

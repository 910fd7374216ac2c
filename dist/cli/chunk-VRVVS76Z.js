#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  FoldedGlob
} from "./chunk-U2X3TP5Y.js";

// src/config/allow-list.ts
var AllowList = class {
  entries;
  constructor(entries, gate) {
    this.entries = entries.filter((e) => !e.gates || e.gates.includes(gate)).map((entry) => ({
      entry,
      // Matched as the catalog is: full case folding, NFC/NFD and Windows' view of the name.
      glob: new FoldedGlob(entry.path.startsWith("**/") || entry.path.startsWith("/") ? entry.path.replace(/^\//, "") : entry.path, { matchBase: !entry.path.includes("/") }),
      matched: 0
    }));
  }
  /** Marks the finding suppressed when an entry matches its path; returns it for chaining. */
  apply(finding) {
    const hit = this.entries.find((e) => e.glob.match(finding.location.path));
    if (!hit) return finding;
    hit.matched += 1;
    return { ...finding, suppressed: { reason: hit.entry.reason, by: `allow: ${hit.entry.path}` } };
  }
  records() {
    return this.entries.map((e) => ({ pattern: e.entry.path, reason: e.entry.reason, matched: e.matched }));
  }
};

export {
  AllowList
};

#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  require_yauzl
} from "./chunk-2ON3SUT4.js";
import {
  __toESM
} from "./chunk-7YQRV5B3.js";

// src/archive/zip-entries.ts
var import_yauzl = __toESM(require_yauzl(), 1);
import { promisify } from "node:util";
var openPath = promisify(import_yauzl.default.open);
var openBuffer = promisify(import_yauzl.default.fromBuffer);
async function eachZipEntry(source, visit) {
  const options = { lazyEntries: true, autoClose: true, validateEntrySizes: true };
  const zip = typeof source === "string" ? await openPath(source, options) : await openBuffer(source, options);
  await new Promise((resolveAll, rejectAll) => {
    const reject = (error) => {
      zip.close();
      rejectAll(error);
    };
    zip.on("error", reject);
    zip.on("end", () => resolveAll());
    zip.on("entry", (entry) => {
      const read = () => new Promise(
        (ok, fail) => zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return fail(error ?? new Error("no stream"));
          const chunks = [];
          stream.on("data", (c) => chunks.push(c));
          stream.on("error", fail);
          stream.on("end", () => ok(Buffer.concat(chunks)));
        })
      );
      const next = entry.fileName.endsWith("/") ? Promise.resolve(void 0) : visit(entry, read);
      next.then((stop) => stop === true ? (zip.close(), resolveAll()) : zip.readEntry(), reject);
    });
    zip.readEntry();
  });
}
async function readZipText(path, name, maxBytes) {
  let text;
  await eachZipEntry(path, async (entry, read) => {
    if (entry.fileName !== name) return;
    if (entry.uncompressedSize > maxBytes) throw Object.assign(new Error("too large"), { code: `${name} larger than ${maxBytes} bytes` });
    text = (await read()).toString("utf8");
    return true;
  });
  return text;
}

export {
  eachZipEntry,
  readZipText
};

import { endsLikeZip, fileBytes } from './zip-structure.js'

/** Names that promise an archive: a file so named that cannot be read as one is an error, never a plain file. */
const ARCHIVE_NAME = /\.(?:tar|tgz|taz|tar\.gz|gz|zip|whl|egg|pyz|vsix|jar|war|ear|aar|apk|nupkg|xpi|crx|oci)$/i

export function namedAsArchive(name: string): boolean {
  return ARCHIVE_NAME.test(name)
}

/** A zip found by its end record although its first bytes are a stub (`#!/bin/sh`, `MZ`: .pyz, executable jars, self-extractors). */
export async function isZipByTail(abs: string): Promise<boolean> {
  const bytes = await fileBytes(abs)
  try {
    return await endsLikeZip(bytes)
  } finally {
    await bytes.close()
  }
}

export function unreadableArchive(name: string, what: string): [string, string] {
  return ['archive-unreadable', `${name}: named as an archive but ${what}; its content could not be examined`]
}

import { Transform, type TransformCallback } from 'node:stream'
import { GateIncompleteError } from '../../model/errors.js'
import type { ScanLimits } from './options.js'

/** Ratios are judged only past this many expanded bytes: tiny, highly compressible files are normal. */
export const RATIO_FLOOR_BYTES = 8 * 1024 ** 2

/**
 * The run's shared limits: entry count and expanded bytes across every
 * archive, plus the compression ratio of each stream. Crossing one throws a
 * GateIncompleteError, so a bomb ends the artifact with status `error`.
 */
export class Budget {
  expandedBytes = 0
  entries = 0

  constructor(readonly limits: ScanLimits) {}

  countEntry(where: string): void {
    this.entries += 1
    if (this.entries > this.limits.maxEntries)
      throw new GateIncompleteError('limit-entries', `${where}: more than ${this.limits.maxEntries} entries (max-entries); refusing to continue`)
  }

  countExpanded(bytes: number, where: string): void {
    this.expandedBytes += bytes
    if (this.expandedBytes > this.limits.maxExpandedBytes)
      throw new GateIncompleteError('limit-expanded-bytes', `${where}: expanded content exceeds ${this.limits.maxExpandedBytes} bytes (max-expanded-bytes); possible decompression bomb`)
  }

  checkRatio(expanded: number, compressed: number, where: string): void {
    if (expanded <= RATIO_FLOOR_BYTES) return
    if (expanded > this.limits.maxRatio * Math.max(compressed, 1))
      throw new GateIncompleteError('limit-ratio', `${where}: expands more than ${this.limits.maxRatio} times (max-ratio); possible decompression bomb`)
  }

  /**
   * A pass-through placed after a decompressor: counts expanded bytes and
   * checks them against the compressed bytes consumed so far.
   */
  meter(compressedSoFar: () => number, where: string): Transform {
    let expanded = 0
    return new Transform({
      transform: (chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) => {
        expanded += chunk.length
        try {
          this.countExpanded(chunk.length, where)
          this.checkRatio(expanded, compressedSoFar(), where)
          callback(null, chunk)
        } catch (error) {
          callback(error as Error)
        }
      }
    })
  }
}

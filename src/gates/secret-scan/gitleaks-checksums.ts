/**
 * SHA-256 of every official Gitleaks release archive we accept, per version and
 * `<os>_<arch>` as in the release file names (gitleaks_<v>_<os>_<arch>.<ext>),
 * and of the `gitleaks` executable inside it where that is known.
 *
 * DATA, NOT CODE. An archive whose digest is not listed here is refused (status
 * `error`): there is no "download and trust" path. The 8.28.0 values are the
 * ones that at least three independent public pin tables and install scripts
 * give for the release's checksums file (none disagreeing); the binary values
 * are each given by two. Platforms without an agreed value (x32, armv6, armv7,
 * Windows arm) are left out, so they are refused, never guessed. The install
 * checks the archive first and the extracted binary second, so a swapped member
 * inside a genuine-looking archive is caught where the binary is pinned.
 */
export interface ReleasePin {
  archive: string
  binary?: string
}

export type ChecksumTable = Readonly<Record<string, Readonly<Record<string, ReleasePin | string | null>>>>

export const GITLEAKS_CHECKSUMS: ChecksumTable = {
  '8.28.0': {
    linux_x64: {
      archive: 'a65b5253807a68ac0cafa4414031fd740aeb55f54fb7e55f386acb52e6a840eb',
      binary: '5fd1b3b0073269484d40078662e921d07427340ab9e6ed526ccd215a565b3298'
    },
    linux_arm64: {
      archive: 'eff65261156100e5d94a6b3dec313d532fddfe19ae1590bf7a2b4f2699128356',
      binary: '3770c7ebeb625e3e96c183525ca18285a01aedef2d75a2c41ceb3e141af2e8b7'
    },
    darwin_x64: { archive: 'edf5a507008b0d2ef4959575772772770586409c1f6f74dabf19cbe7ec341ced' },
    darwin_arm64: {
      archive: 'd942f3ad147250c9edbaab3fed9e482f98d3b59ba10ae97b8d75647e3ade492c',
      binary: '5588b5d942dffa048720f7e6e1d274283219fb5722a2c7564d22e83ba39087d7'
    },
    windows_x64: { archive: 'da6458e8864af553807de1c46a7a8eac0880bd6b99ba56288e87e86a45af884f' }
  },
  '8.24.3': {
    linux_x64: '9991e0b2903da4c8f6122b5c3186448b927a5da4deef1fe45271c3793f4ee29c'
  }
}

/** The version used when the `gitleaks-version` input is not set: the same Gitleaks as the WASM engine, so both engines apply the same rules. */
export const DEFAULT_GITLEAKS_VERSION = '8.28.0'

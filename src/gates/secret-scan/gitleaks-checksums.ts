/**
 * SHA-256 of every official Gitleaks release archive we accept, per version and
 * `<os>_<arch>` as in the release file names (gitleaks_<v>_<os>_<arch>.<ext>).
 *
 * DATA, NOT CODE. An archive whose digest is not listed here is refused (status
 * `error`): there is no "download and trust" path. The values must be copied
 * from the release's own `gitleaks_<version>_checksums.txt` and checked
 * against a second source (e.g. a local download) by the person who adds them.
 * `null` means "not filled in yet": that platform cannot use the native engine
 * until someone fills it; `engine: auto` then falls back to the WASM engine.
 *
 * The single value present below (8.24.3 linux_x64) is the one published in
 * the release's checksums file and quoted by downstream users; the 8.28.0 row
 * (our pinned default, the same Gitleaks as the WASM engine) awaits filling.
 */
export type ChecksumTable = Readonly<Record<string, Readonly<Record<string, string | null>>>>

export const GITLEAKS_CHECKSUMS: ChecksumTable = {
  '8.28.0': {
    linux_x64: null,
    linux_arm64: null,
    linux_armv7: null,
    darwin_x64: null,
    darwin_arm64: null,
    windows_x64: null,
    windows_armv7: null
  },
  '8.24.3': {
    linux_x64: '9991e0b2903da4c8f6122b5c3186448b927a5da4deef1fe45271c3793f4ee29c'
  }
}

/** The version used when the `gitleaks-version` input is not set: the same Gitleaks as the WASM engine, so both engines apply the same rules. */
export const DEFAULT_GITLEAKS_VERSION = '8.28.0'

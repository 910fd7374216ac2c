import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ConfigurationError } from '../../model/errors.js'
import { parseQuarter } from './collect/quarter.js'
import { collectEvidence } from './collect/run.js'
import { FolderSource, type RecordSource } from './collect/sources.js'
import { COLLECT_OPTIONS, parseEvidenceArgs } from './options.js'
import type { TrustPolicy } from './verify.js'
import { trustPolicyFrom } from './trust.js'
import { subcommand } from './subcommand.js'

/** Builds the per-repository trust policy: a key for all, one identity for all, or GitHub keyless for each listed repository. */
export async function collectPolicy(given: ReturnType<typeof parseEvidenceArgs<typeof COLLECT_OPTIONS>>['given'], cwd: string): Promise<(repository: string) => TrustPolicy | undefined> {
  if (given.key || given['certificate-identity']) {
    // --repo then only lists where to read; the key or identity is who must have signed.
    const { repo: _listed, ...trust } = given
    void _listed
    const policy = await trustPolicyFrom(trust, cwd)
    return () => policy
  }
  if (!given.repo?.length && !given.org) throw new ConfigurationError('give --key FILE, --certificate-identity with --certificate-oidc-issuer, or --repo OWNER/NAME (repeatable) / --org NAME', 'repo')
  const repos = new Set(given.repo ?? [])
  return (repository) => (repos.has(repository) || (given.org && repository.startsWith(`${given.org}/`)) ? { kind: 'github', repository, ...(given.workflow ? { workflow: given.workflow } : {}) } : undefined)
}

export const collectCommand = subcommand({
  usage: 'evidence collect --quarter YYYY-Qn --out DIR (--from DIR | --repo OWNER/NAME... | --org NAME [--branch NAME]) (--key FILE | --repo ... | --certificate-identity REGEX --certificate-oidc-issuer URL) [--trusted-root FILE]',
  summary: 'verify a quarter of records, walk their chains, report gaps and write the auditor package (exit 0 clean, 1 gaps, 2 could not complete)',
  declarations: COLLECT_OPTIONS,
  required: ['quarter', 'out'],
  async run({ given }, io) {
    const quarter = parseQuarter(given.quarter!)
    const policyFor = await collectPolicy(given, io.cwd)
    const trustedRoot = given['trusted-root'] ? (JSON.parse(await readFile(resolve(io.cwd, given['trusted-root']), 'utf8')) as unknown) : undefined
    // Keyless records cannot be judged without a root of trust: that is unusable input (exit 2), not a quarter of invalid records.
    if (!given.key && trustedRoot === undefined) throw new ConfigurationError('keyless records need --trusted-root FILE (the trusted_root.json you trust)', 'trusted-root')
    // Offline (--from) there is no pull request to list; online, one listing of the repositories serves records and reviews.
    const github = given.from ? undefined : await (await import('./collect/github-cli.js')).githubCollection(given, io.env)
    const sources: RecordSource[] = github ? github.sources : [new FolderSource(resolve(io.cwd, given.from!))]
    const reviews = github && !given['no-reviews'] ? github.reviews : undefined
    const outcome = await collectEvidence({ quarter, outDir: resolve(io.cwd, given.out!), sources, policyFor, ...(trustedRoot === undefined ? {} : { trustedRoot }), ...(reviews ? { reviews } : {}) })
    const k = outcome.collector.counts
    if (given.format === 'json') {
      io.stdout(JSON.stringify({ quarter: quarter.label, package: resolve(io.cwd, given.out!), counts: k, gaps: outcome.collector.gaps }, null, 2) + '\n')
      return outcome.exitCode
    }
    io.stdout(`collect ${quarter.label}: ${k.records} record(s), ${k.valid} verified, ${k.edited} edited, ${k.invalid} invalid, ${k.unsigned} unsigned; ${outcome.collector.gaps.length} gap(s)\n  package ${resolve(io.cwd, given.out!)}\n`)
    for (const g of outcome.collector.gaps.slice(0, 20)) io.stdout(`  gap ${g.kind} ${g.repository}: ${g.detail}\n`)
    return outcome.exitCode
  }
})

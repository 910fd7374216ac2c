import { findSecretsInText } from '../../secrets/literal-credentials.js'

/** Longest part of a user's line an error repeats. */
const MAX_ECHO = 80

/** Mixed upper case, lower case and digits, or long hex: how random tokens look (names and words do not). */
function looksLikeToken(run: string): boolean {
  return (/[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run)) || /^[0-9a-f]{32,}$/i.test(run)
}

/**
 * A user's line or name made safe to repeat in an error: every value the
 * project's credential detector finds is replaced, and so is any long run
 * that mixes letters and digits (a token of a format the detector does not
 * know), and the rest is cut to a short excerpt. Errors go to logs, reports
 * and job summaries: the line a packer rejected can be the one holding a token.
 */
export function safeEcho(text: string): string {
  let out = text
  for (const hit of findSecretsInText(text)) out = out.split(hit.value).join('[redacted]')
  out = out.replace(/[A-Za-z0-9_+=~-]{20,}/g, (run) => (looksLikeToken(run) ? '[redacted]' : run))
  // Control characters would let a line rewrite the terminal or the log around it.
  out = out.replace(/[\u0000-\u001f\u007f]/g, '?')
  return out.length > MAX_ECHO ? `${out.slice(0, MAX_ECHO)}…` : out
}

import { ConfigurationError } from '../../../model/errors.js'

export interface Quarter {
  label: string
  start: Date
  /** Exclusive. */
  end: Date
}

export function parseQuarter(text: string): Quarter {
  const m = /^(\d{4})-Q([1-4])$/.exec(text.trim())
  if (!m) throw new ConfigurationError(`--quarter must look like 2026-Q4, got "${text}"`, 'quarter')
  const year = Number(m[1])
  const q = Number(m[2])
  return { label: `${year}-Q${q}`, start: new Date(Date.UTC(year, (q - 1) * 3, 1)), end: new Date(Date.UTC(year, q * 3, 1)) }
}

export function inQuarter(q: Quarter, iso: string): boolean {
  const t = Date.parse(iso)
  return t >= q.start.getTime() && t < q.end.getTime()
}

const WEEK = 7 * 24 * 3600 * 1000

/** Week index within the quarter (0 = the first 7 days from the quarter's start). */
export function weekOf(q: Quarter, iso: string): number {
  return Math.floor((Date.parse(iso) - q.start.getTime()) / WEEK)
}

/** The weeks of the quarter that have ended by `now` (an open quarter is judged only on the weeks behind it). */
export function closedWeeks(q: Quarter, now: Date): number {
  const until = Math.min(now.getTime(), q.end.getTime())
  return Math.max(0, Math.floor((until - q.start.getTime()) / WEEK))
}

export function weekStart(q: Quarter, week: number): string {
  return new Date(q.start.getTime() + week * WEEK).toISOString().slice(0, 10)
}

import { describe, expect, it } from '@jest/globals'
import { beforeNewline, boundedPrefix, maxLength, maxNewlines, parseGoRegexp, toJavaScript } from '../../src/gates/secret-scan/go-regexp.js'
import { FragmentReducer } from '../../src/gates/secret-scan/reduce.js'

describe('Go regexp model: longest match and bounded prefix', () => {
  it('measures bounded, unbounded and zero-width repeats', () => {
    expect(maxLength(parseGoRegexp('ab[0-9]{2,4}'))).toBe(6)
    expect(maxLength(parseGoRegexp('ab(?:x|yz)?'))).toBe(4)
    expect(maxLength(parseGoRegexp('ab.*'))).toBe(Infinity)
    // An assertion repeated without bound is still zero-width: the expression stays bounded.
    expect(maxLength(parseGoRegexp('(?:\\b)*abc'))).toBe(3)
    expect(maxLength(parseGoRegexp('(?:\\b)*abc.+'))).toBe(Infinity)
  })

  it('cuts the first unbounded part to its least count and keeps a bounded expression as it is', () => {
    const cut = boundedPrefix(parseGoRegexp('(?:\\b)*key[a-z]{3,}=.*'))
    expect(maxLength(cut)).toBe(6)
    expect(new RegExp(toJavaScript(cut), 'u').test('xkeyabc')).toBe(true)
    const bounded = parseGoRegexp('(?:\\b)*abc')
    expect(boundedPrefix(bounded)).toBe(bounded)
  })
})

describe('Go regexp model: where a match reads on past a line end', () => {
  const before = (re: string): RegExp | undefined => {
    const node = beforeNewline(parseGoRegexp(re))
    return node ? new RegExp(`^(?:${toJavaScript(node)})$`, 'u') : undefined
  }

  it('counts a newline only when the match may read more after it', () => {
    // A terminator that takes the newline as the last character reads nothing after it.
    expect(before('key=[a-z]{4,}\\s')).toBeUndefined()
    expect(before('key=[a-z]{4,}(?:\\s|;)')).toBeUndefined()
    // Whitespace that may be followed by the value: the match can run into the next line.
    const tail = before('key=\\s{0,3}[a-z]{4,}') as RegExp
    expect(tail.test('key=')).toBe(true)
    expect(tail.test('key= \n')).toBe(true)
    expect(tail.test('key=abcd')).toBe(false)
    // A repeated newline-taking part: another repetition may follow, so the first newline counts.
    expect(before('a(?:\\n)+')?.test('a')).toBe(true)
    expect(before('a(?:\\n){1}')).toBeUndefined()
  })

  it('bounds the newlines a match can hold', () => {
    expect(maxNewlines(parseGoRegexp('key=\\s{0,3}[a-z]+'))).toBe(3)
    expect(maxNewlines(parseGoRegexp('[\\s\\S]{64,}?END'))).toBe(Infinity)
    expect(maxNewlines(parseGoRegexp('ab[a-z]+'))).toBe(0)
  })
})

describe('fragment judgement: can a match run off the laid-out lines', () => {
  const reducer = FragmentReducer.judge([
    { id: 'pem', keywords: ['-----begin'], regexes: ['-----BEGIN PRIVATE KEY-----[\\s\\S]{16,}?KEY-----'] },
    { id: 'assign', keywords: ['token'], regexes: ['token\\s{0,2}=\\s{0,2}[a-z0-9]{8,}(?:\\s|$)'] }
  ])

  it('judges every rule, whatever keywords the lines hold', () => {
    // No keyword of the assign rule here, but another fragment in the same engine read may bring one.
    expect(reducer.runsOff(['var x = 1', 'token ='])).toBe(true)
    expect(reducer.runsOff(['var x = 1', 'token = abcdefgh1234'])).toBe(false)
    // An unbounded match started and not ended: open; ended: the rule's own end is not the lines' end.
    expect(reducer.runsOff(['"-----BEGIN PRIVATE KEY-----"', 'x'])).toBe(true)
    expect(reducer.runsOff(['nothing here', 'at all'])).toBe(false)
  })

  it('is open-ended on everything when a rule cannot be read', () => {
    const unreadable = FragmentReducer.judge([{ id: 'bad', keywords: ['zzz'], regexes: ['(?<name>a'] }])
    expect(unreadable.runsOff(['nothing here'])).toBe(true)
  })
})

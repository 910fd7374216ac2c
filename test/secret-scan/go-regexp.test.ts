import { describe, expect, it } from '@jest/globals'
import { boundedPrefix, maxLength, parseGoRegexp, toJavaScript } from '../../src/gates/secret-scan/go-regexp.js'

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

import { describe, expect, it } from '@jest/globals'
import { canonicalJson } from '../../src/gates/mcp-inventory/canonical.js'
import { toolSetHashes } from '../../src/gates/mcp-inventory/probe.js'

// Vectors published with mcp-pin's tool-definition hash v1 (docs/tool-definition-hash-vectors.json).
const weather = '{\n  "inputSchema": { "type": "object", "properties": { "city": { "type": "string" } }, "required": ["city"] },\n  "name": "weather",\n  "description": "Get the current weather for a city."\n}'
const alerts = '{"name":"alerts","description":"Weather alerts for a state.","inputSchema":{"type":"object","properties":{"state":{"type":"string"}}}}'

describe("mcp-pin v1 tool-definition hash", () => {
  it('matches the published definition vectors', () => {
    const def = (text: string) => toolSetHashes([JSON.parse(text)], undefined).list[0]!.sha256
    expect(canonicalJson(JSON.parse(weather))).toBe('{"description":"Get the current weather for a city.","inputSchema":{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"},"name":"weather"}')
    expect(def(weather)).toBe('f6d1913a45f2a5ea95ceb161b4e08eed245a1808044f3a358705d2641b6fb37d')
    expect(def('{"name":"n","inputSchema":{"type":"object","properties":{"k":{"type":"number","minimum":1.0,"maximum":1E3,"multipleOf":0.000001,"default":-0,"exclusiveMinimum":1e-7}}}}')).toBe('913c935b054edcf4398e3e5de60422a1f057f7970ff214a25bc48eb67a6d810f')
    expect(def('{"name":"esc","description":"Line one\\nTab\\there \\u001b[2J and \\u2028 then \\/ and \\ud83d\\ude00 caf\\u00e9"}')).toBe('f1960a7b888f4e220e0085c0edf1611809caec6db62ad93be713cdd43d4df200')
    expect(def('{"name":"odd","description":"x\\uDEADy"}')).toBe('6211d555f8b4f4436e8b449e341f7c161a47ada0d21e6621e1ec6bd8e51f8634')
  })

  it('matches the published set and instructions vectors', () => {
    expect(toolSetHashes([JSON.parse(weather), JSON.parse(alerts)], undefined).setSha256).toBe('dbc6a9bbec4bcc2a77ce357dc0d96d15a053da10ddefc0b4bdc1a48507df7521')
    expect(toolSetHashes([], undefined).setSha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(toolSetHashes([{ name: 'dup', description: 'b' }, { name: 'dup', description: 'a' }], undefined).setSha256).toBe('46c3adb41d72d87a89a0365e361324499dddc4f352feee3083c173602063a23b')
    expect(toolSetHashes([], 'Use the weather tool for forecasts.').instructionsSha256).toBe('59b91e0aff7e5e13f5c7eb890497066a703efae55ff61eee2151081704b8ff64')
    expect(toolSetHashes([], undefined).instructionsSha256).toBeNull()
    expect(() => toolSetHashes([{ name: 7 }], undefined)).toThrow(/string name/)
  })
})

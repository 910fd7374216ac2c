import { Ajv } from 'ajv'
import { GATE_STATUSES, SEVERITIES, SOC2_CRITERIA } from '../../model/finding.js'

const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' }
const status = { enum: [...GATE_STATUSES] }
const criterion = { enum: [...SOC2_CRITERIA] }
const text = { type: 'string' }
const dateTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' }

const gateResult = {
  type: 'object',
  required: ['schemaVersion', 'gate', 'status', 'summary', 'findings', 'errors', 'stats', 'examined', 'tool', 'engines', 'allowList', 'criteria', 'startedAt', 'finishedAt'],
  properties: {
    schemaVersion: { const: 1 },
    gate: text,
    status,
    summary: text,
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ruleId', 'severity', 'message', 'location', 'fingerprint', 'criteria'],
        properties: { ruleId: text, severity: { enum: [...SEVERITIES] }, message: text, location: { type: 'object', required: ['path'] }, fingerprint: text, criteria: { type: 'array', items: criterion } }
      }
    },
    errors: { type: 'array', items: { type: 'object', required: ['code', 'message'] } },
    criteria: { type: 'array', items: criterion }
  }
}

/** JSON Schema (draft-07) of evidence.json, schema version 1. `schemas/evidence.schema.json` is this object, kept in step by a test. */
export const EVIDENCE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'agent-gates/evidence.schema.json',
  title: 'agent-gates evidence record, schema version 1',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'kind', 'tool', 'recordedAt', 'status', 'context', 'chain', 'previous', 'criteria', 'gates', 'examined', 'runRecord', 'retention'],
  properties: {
    schemaVersion: { const: 1 },
    kind: { const: 'agent-gates/evidence' },
    tool: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'agent-gates' }, version: text } },
    recordedAt: dateTime,
    status,
    context: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'serverUrl', 'repository', 'repositoryId', 'repositoryOwner', 'repositoryOwnerId', 'workflowRef', 'workflow', 'runId', 'runAttempt', 'job', 'event', 'actor', 'triggeringActor', 'sha', 'ref'],
          properties: {
            kind: { const: 'github' },
            serverUrl: text,
            repository: { type: 'string', pattern: '^[^/\\s]+/[^/\\s]+$' },
            repositoryId: { type: 'string', pattern: '^\\d+$' },
            repositoryOwner: text,
            repositoryOwnerId: { type: 'string', pattern: '^\\d+$' },
            workflowRef: text,
            workflow: text,
            runId: { type: 'string', pattern: '^\\d+$' },
            runAttempt: { type: 'string', pattern: '^\\d+$' },
            job: text,
            event: text,
            actor: text,
            triggeringActor: text,
            sha: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' },
            ref: text
          }
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind'],
          properties: { kind: { const: 'local' }, remote: text, branch: text, commit: text }
        }
      ]
    },
    chain: { type: 'object', additionalProperties: false, required: ['repository', 'workflow', 'branch'], properties: { repository: text, workflow: text, branch: text } },
    previous: {
      oneOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['sha256', 'recordedAt'], properties: { sha256, recordedAt: dateTime } }]
    },
    criteria: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['criterion', 'title', 'gates', 'status'],
        properties: { criterion, title: text, gates: { type: 'array', items: text }, status }
      }
    },
    gates: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['gate', 'status', 'criteria', 'report', 'result'],
        properties: {
          gate: text,
          status,
          criteria: { type: 'array', items: criterion },
          report: { type: 'object', additionalProperties: false, required: ['file', 'sha256'], properties: { file: text, sha256 } },
          result: gateResult
        }
      }
    },
    examined: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['gate', 'kind', 'name'],
        properties: {
          gate: text,
          kind: { enum: ['artifact', 'config', 'commit-range', 'report'] },
          name: text,
          sha256,
          bytes: { type: 'integer', minimum: 0 },
          head: text,
          base: text
        }
      }
    },
    runRecord: { oneOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['sha256'], properties: { sha256 } }] },
    retention: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          properties: { requestedDays: { type: 'integer', minimum: 1 }, appliedDays: { type: 'integer', minimum: 1 }, limitDays: { type: 'integer', minimum: 1 } }
        }
      ]
    }
  }
} as const

let validator: ReturnType<Ajv['compile']> | undefined

/** Schema errors of a parsed record, as `path: message` lines; empty when valid. */
export function schemaErrors(value: unknown): string[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(EVIDENCE_SCHEMA)
  if (validator(value)) return []
  return (validator.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`)
}

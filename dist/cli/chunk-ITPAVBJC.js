#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  applyLabel,
  assertFileCount,
  collectPullRequest,
  collectTeams,
  createGitHubClient,
  evaluate,
  findHeadPush,
  parseSnapshot
} from "./chunk-IOGUFVWU.js";
import {
  GATE,
  MarkerIndex,
  detectMarkers,
  parseConfig,
  resolvePolicy
} from "./chunk-HH43QSLP.js";
import "./chunk-RNYELY7K.js";
import "./chunk-UYRX6GY4.js";
import "./chunk-4SSNK5YR.js";
import "./chunk-VGCDOCYO.js";
import "./chunk-KSLT2ZUQ.js";
import "./chunk-GV2JD7HW.js";
import "./chunk-CS4O337A.js";
import "./chunk-BS2BW2BR.js";
import {
  ConfigurationError,
  buildResult,
  errorResult,
  fingerprintOf
} from "./chunk-7YKUIZ76.js";
import "./chunk-7YQRV5B3.js";

// src/gates/review-gate/run.ts
import { readFile, writeFile } from "node:fs/promises";
var CRITERIA = ["CC8.1"];
var HELP = {
  "approvals-missing": {
    why: "Agent-generated changes need review by someone other than the people who ran the agent or wrote the commits (CC8.1).",
    fix: "Ask a reviewer who did not author, co-author, commit, push or request this change to approve the head commit."
  },
  "team-approval-missing": {
    why: "The PR changes sensitive paths, which the policy reserves for approval by named teams.",
    fix: "Ask a member of a required team who is not linked to the change to approve the head commit."
  },
  "changes-requested": {
    why: "A reviewer requested changes and has not approved since.",
    fix: "Address the requested changes and ask the reviewer to re-review, or have the review dismissed."
  }
};
async function runReviewGate(options, deps) {
  const startedAt = /* @__PURE__ */ new Date();
  let requests = 0;
  try {
    const { source } = options;
    let client;
    let snapshot;
    if (source.kind === "api") {
      deps.ledger.add(source.token);
      client = source.client ?? makeClient(source, deps, () => requests++);
      snapshot = await collectPullRequest(client, source.ref);
    } else {
      const text = await readFile(source.path, "utf8").catch((error) => {
        throw new ConfigurationError(`cannot read snapshot ${source.path}: ${error.message}`, "snapshot");
      });
      snapshot = parseSnapshot(text, source.path);
      assertFileCount(snapshot.changedFiles, snapshot.files.length);
    }
    const { config, configRecord } = policyConfig(options, snapshot);
    const policy = resolvePolicy(options.overrides, config);
    if (client && source.kind === "api") {
      const agent = detectMarkers(snapshot, new MarkerIndex(policy.agents), [policy.label, ...policy.detectionLabels]).length > 0;
      const needPusher = agent && policy.excludeLastPusher && !snapshot.lastPusher;
      const needPushTime = agent && !policy.strictHead && !snapshot.headPushedAt;
      if (needPusher || needPushTime) {
        const push = await findHeadPush(client, snapshot);
        if (needPusher && push?.pusher) snapshot.lastPusher = push.pusher;
        if (needPushTime && push?.pushedAt) snapshot.headPushedAt = push.pushedAt;
      }
      snapshot.teams = await collectTeams(client, snapshot, policy);
    }
    const verdict = evaluate(snapshot, policy);
    let labelApplied = false;
    const hasLabel = snapshot.labels.some((l) => l.toLowerCase() === policy.label.toLowerCase());
    if (policy.applyLabel && verdict.agentDetected && !hasLabel) {
      if (client && source.kind === "api") {
        await applyLabel(client, source.ref, policy.label);
        labelApplied = true;
        deps.log.info(`applied label "${policy.label}"`);
      } else deps.log.info(`snapshot mode: would apply label "${policy.label}"`);
    }
    if (options.saveSnapshot) await writeFile(options.saveSnapshot, JSON.stringify(snapshot, null, 2) + "\n");
    return resultFor(snapshot, policy, verdict, { startedAt, source: source.kind, requests, labelApplied, configRecord });
  } catch (error) {
    const result = errorResult(GATE, startedAt, error, CRITERIA);
    return { ...result, stats: { ...result.stats, apiRequests: requests } };
  }
}
function makeClient(source, deps, count) {
  const unit = Number(deps.env.AGENT_GATES_RETRY_UNIT_MS);
  const retry = Number.isFinite(unit) && unit >= 0 && deps.env.AGENT_GATES_RETRY_UNIT_MS ? { backoffUnitMs: unit } : {};
  return createGitHubClient({
    token: source.token,
    ...source.apiUrl ? { apiUrl: source.apiUrl } : {},
    ...source.graphqlUrl ? { graphqlUrl: source.graphqlUrl } : {},
    retry,
    onRequest: count,
    onRetry: (m) => deps.log.warn(m)
  });
}
function policyConfig(options, snapshot) {
  const local = options.source.kind === "snapshot" ? options.localConfig : void 0;
  if (local?.path) return { config: local.config, configRecord: { path: local.path, sha256: local.sha256 ?? "" } };
  const base = snapshot.baseConfig;
  if (!base) return { config: {} };
  return { config: parseConfig(base.text, base.path), configRecord: { path: base.path, sha256: base.sha256 } };
}
function resultFor(snapshot, policy, verdict, facts) {
  const where = { path: `pull/${snapshot.number}`, commit: snapshot.head.sha };
  const findings = verdict.missing.map((m) => ({
    ruleId: `review-gate/${m.rule}`,
    severity: "high",
    message: `${snapshot.repository}#${snapshot.number}: ${m.message}`,
    location: where,
    fingerprint: fingerprintOf(GATE, snapshot.repository, snapshot.number, m.rule, snapshot.head.sha),
    criteria: CRITERIA,
    help: HELP[m.rule],
    properties: { tool: [...new Set(verdict.markers.map((x) => x.agent))].join(", ") }
  }));
  const summary = verdict.outcome === "pass" ? verdict.reason : `${verdict.reason}: ${verdict.missing.map((m) => m.message).join("; ")}`;
  const { agents, ...policyShown } = policy;
  return buildResult({
    gate: GATE,
    startedAt: facts.startedAt,
    findings,
    errors: [],
    blocks: () => true,
    criteria: CRITERIA,
    summary,
    stats: {
      agentDetected: verdict.agentDetected,
      approvalsCounted: verdict.approvalsCounted,
      approvalsRequired: verdict.required.approvals,
      reviews: snapshot.reviews.length,
      commits: snapshot.commits.length,
      files: snapshot.changedFiles,
      ...facts.source === "api" ? { apiRequests: facts.requests } : {}
    },
    examined: {
      commitRange: { ...snapshot.base.sha ? { base: snapshot.base.sha } : {}, head: snapshot.head.sha, commits: snapshot.commits.length, description: `${snapshot.repository}#${snapshot.number}` },
      ...facts.configRecord ? { configs: [facts.configRecord] } : {}
    },
    details: {
      pullRequest: { repository: snapshot.repository, number: snapshot.number, author: snapshot.author, head: snapshot.head, base: snapshot.base, labels: snapshot.labels },
      source: facts.source,
      policy: { ...policyShown, agentMarkerSets: agents.length, from: facts.configRecord?.path ?? "defaults" },
      ...verdict,
      labelApplied: facts.labelApplied
    }
  });
}
export {
  CRITERIA,
  runReviewGate
};

#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  BUNDLE_FILE,
  EVIDENCE_FILE,
  inQuarter,
  parseQuarter
} from "./chunk-6UNRY5GT.js";
import "./chunk-CUKJK5GM.js";
import {
  collectPullRequest,
  createGitHubClient,
  evaluate,
  findHeadPush
} from "./chunk-IOGUFVWU.js";
import {
  parseConfig,
  resolvePolicy
} from "./chunk-HH43QSLP.js";
import "./chunk-RNYELY7K.js";
import "./chunk-UYRX6GY4.js";
import "./chunk-4SSNK5YR.js";
import "./chunk-VGCDOCYO.js";
import "./chunk-KSLT2ZUQ.js";
import {
  eachZipEntry
} from "./chunk-ORLWJE72.js";
import "./chunk-2ON3SUT4.js";
import "./chunk-GV2JD7HW.js";
import "./chunk-CS4O337A.js";
import "./chunk-BS2BW2BR.js";
import {
  ConfigurationError,
  GateIncompleteError,
  errorMessage
} from "./chunk-7YKUIZ76.js";
import "./chunk-7YQRV5B3.js";

// src/gates/evidence/collect/github.ts
var MAX_ENTRY = 64 * 1024 * 1024;
async function api(what, call) {
  try {
    return await call();
  } catch (error) {
    const status = error.status;
    throw new GateIncompleteError("github-api", `GitHub API failed while reading ${what}${status ? ` (HTTP ${status})` : ""}: ${errorMessage(error).split("\n")[0]}`);
  }
}
async function readEvidenceZip(zip) {
  const out = {};
  await eachZipEntry(zip, async (entry, read) => {
    const wanted = entry.fileName === EVIDENCE_FILE ? "record" : entry.fileName === BUNDLE_FILE ? "bundle" : void 0;
    if (!wanted || entry.uncompressedSize > MAX_ENTRY) return;
    out[wanted] = (await read()).toString("utf8");
  });
  return out;
}
var ArtifactSource = class {
  constructor(client, repository, prefix, quarter) {
    this.client = client;
    this.repository = repository;
    this.prefix = prefix;
    this.quarter = quarter;
  }
  client;
  repository;
  prefix;
  quarter;
  describe() {
    return `artifacts of ${this.repository}`;
  }
  async *records() {
    const [owner, repo] = this.repository.split("/");
    const pages = this.client.octokit.paginate.iterator(this.client.octokit.rest.actions.listArtifactsForRepo, { owner, repo, per_page: 100 });
    const iterator = pages[Symbol.asyncIterator]();
    for (; ; ) {
      const page = await api(`the artifacts of ${this.repository}`, () => iterator.next());
      if (page.done) break;
      for (const artifact of page.value.data) {
        if (!artifact.name.startsWith(this.prefix) || !artifact.created_at || !inQuarter(this.quarter, artifact.created_at)) continue;
        const location = `${this.repository} artifact ${artifact.name} (${artifact.id})`;
        if (artifact.expired) throw new GateIncompleteError("artifact-expired", `${location} has expired: its record can no longer be checked; collect at least monthly, or read the evidence branch`);
        const response = await api(location, () => this.client.octokit.rest.actions.downloadArtifact({ owner, repo, artifact_id: artifact.id, archive_format: "zip" }));
        const { record, bundle } = await readEvidenceZip(Buffer.from(response.data));
        if (record === void 0) throw new GateIncompleteError("artifact-invalid", `${location} holds no ${EVIDENCE_FILE}`);
        yield { location, repository: this.repository, recordBytes: record, ...bundle === void 0 ? {} : { bundleText: bundle } };
      }
    }
  }
};
var BranchSource = class {
  constructor(client, repository, branch, quarter) {
    this.client = client;
    this.repository = repository;
    this.branch = branch;
    this.quarter = quarter;
  }
  client;
  repository;
  branch;
  quarter;
  describe() {
    return `branch ${this.branch} of ${this.repository}`;
  }
  async *records() {
    const [owner, repo] = this.repository.split("/");
    const folder = `${this.quarter.start.getUTCFullYear()}/Q${Math.floor(this.quarter.start.getUTCMonth() / 3) + 1}/`;
    const tree = await api(`branch ${this.branch} of ${this.repository}`, () => this.client.octokit.rest.git.getTree({ owner, repo, tree_sha: this.branch, recursive: "true" }));
    if (tree.data.truncated) throw new GateIncompleteError("tree-truncated", `the evidence branch of ${this.repository} is too large to list in one tree; split it by year`);
    const blobs = new Map(tree.data.tree.filter((e) => e.type === "blob" && e.path?.startsWith(folder)).map((e) => [e.path, e.sha]));
    const read = async (sha) => {
      const blob = await api(`a blob of ${this.repository}`, () => this.client.octokit.rest.git.getBlob({ owner, repo, file_sha: sha }));
      return Buffer.from(blob.data.content, blob.data.encoding === "base64" ? "base64" : "utf8").toString("utf8");
    };
    for (const [path, sha] of [...blobs].sort(([a], [b]) => a.localeCompare(b))) {
      if (!path.endsWith(".json") || path.endsWith(".sigstore.json")) continue;
      const bundleSha = blobs.get(path.replace(/\.json$/, ".sigstore.json"));
      yield { location: `${this.repository}@${this.branch}:${path}`, repository: this.repository, recordBytes: await read(sha), ...bundleSha ? { bundleText: await read(bundleSha) } : {} };
    }
  }
};
async function organisationRepositories(client, org) {
  const repos = await api(`the repositories of ${org}`, () => client.octokit.paginate(client.octokit.rest.repos.listForOrg, { org, per_page: 100, type: "all" }));
  return repos.filter((r) => !r.archived).map((r) => r.full_name);
}

// src/gates/evidence/collect/review-list.ts
var MERGED_QUERY = (
  /* GraphQL */
  `
query EvidenceMergedPullRequests($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: MERGED, first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { number mergedAt updatedAt mergedBy { login } }
    }
  }
}`
);
async function* mergedInQuarter(client, owner, name, quarter) {
  const start = quarter.start.toISOString();
  const end = quarter.end.toISOString();
  let after = null;
  for (; ; ) {
    const answer = await client.graphql(MERGED_QUERY, { owner, name, after });
    const list = answer.repository?.pullRequests;
    if (!list) throw new GateIncompleteError("github-api", `the pull requests of ${owner}/${name} are not readable with this token`);
    for (const pr of list.nodes) {
      if (pr.mergedAt >= start && pr.mergedAt < end) yield { number: pr.number, mergedAt: pr.mergedAt, mergedBy: pr.mergedBy?.login ?? "" };
    }
    if (!list.pageInfo.hasNextPage || list.nodes.every((pr) => pr.updatedAt < start)) return;
    if (!list.pageInfo.endCursor || list.pageInfo.endCursor === after) throw new GateIncompleteError("github-api", `GitHub says more pull requests of ${owner}/${name} follow but gives no new cursor`);
    after = list.pageInfo.endCursor;
  }
}
function policyOf(snapshot) {
  return resolvePolicy({}, snapshot.baseConfig ? parseConfig(snapshot.baseConfig.text, snapshot.baseConfig.path) : {});
}
async function judge(client, repository, merged, verdictOf) {
  const [owner, name] = repository.split("/");
  const snapshot = await collectPullRequest(client, { owner, name, number: merged.number });
  const policy = policyOf(snapshot);
  if (policy.excludeLastPusher && !snapshot.lastPusher && evaluate(snapshot, { ...policy, excludeLastPusher: false }, "skip").agentDetected) {
    const push = await findHeadPush(client, snapshot);
    if (push?.pusher) snapshot.lastPusher = push.pusher;
  }
  const pusherUnknown = policy.excludeLastPusher && !snapshot.lastPusher;
  const verdict = evaluate(snapshot, pusherUnknown ? { ...policy, excludeLastPusher: false } : policy, "skip");
  const excluded = verdict.excluded.map((e) => `${e.login} (${e.reasons.join("; ")})`);
  if (pusherUnknown && verdict.agentDetected) excluded.push("(the pusher of the head commit is not known, so not excluded)");
  return {
    repository,
    number: merged.number,
    mergedAt: merged.mergedAt,
    mergedBy: merged.mergedBy,
    markers: verdict.markers.map((m) => `${m.channel}:${m.agent}`).join(" "),
    approvers: verdict.approvers.join(" "),
    excluded: excluded.join(" "),
    verdict: verdictOf(repository, merged.number) ?? "none"
  };
}
async function mergedPullRequestReviews(client, repository, quarter, verdictOf) {
  const [owner, name] = repository.split("/");
  const rows = [];
  try {
    for await (const merged of mergedInQuarter(client, owner, name, quarter)) rows.push(await judge(client, repository, merged, verdictOf));
  } catch (error) {
    if (error instanceof GateIncompleteError || error instanceof ConfigurationError) throw error;
    throw new GateIncompleteError("github-api", `GitHub API failed while listing the merged pull requests of ${repository}: ${errorMessage(error).split("\n")[0]}`);
  }
  return rows.sort((a, b) => a.mergedAt.localeCompare(b.mergedAt));
}

// src/gates/evidence/collect/github-cli.ts
async function githubCollection(given, env) {
  const client = createGitHubClient({
    token: env.GITHUB_TOKEN ?? env.GH_TOKEN ?? "",
    ...env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {},
    ...env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {}
  });
  const quarter = parseQuarter(given.quarter);
  const listed = new Set(given.repo ?? []);
  if (given.org) for (const r of await organisationRepositories(client, given.org)) listed.add(r);
  if (listed.size === 0) throw new ConfigurationError("give --from DIR, --repo OWNER/NAME or --org NAME", "repo");
  const repos = [...listed].sort();
  return {
    sources: repos.map((r) => given.branch ? new BranchSource(client, r, given.branch, quarter) : new ArtifactSource(client, r, given["artifact-name"] ?? "agent-gates-evidence", quarter)),
    reviews: async (verdictOf) => {
      const rows = [];
      for (const repository of repos) rows.push(...await mergedPullRequestReviews(client, repository, quarter, verdictOf));
      return rows;
    }
  };
}
export {
  githubCollection
};

/**
 * The runner-faithful harness: run this repository's action bundles as a hosted runner would.
 * Start here: `runStep({ workspace, event, uses, with })` for one step, `startJob()` for several
 * steps of one job, `buildEvent()` for a payload, `startRunnerServices()` for the runner's own
 * endpoints. See runner.ts for what the environment holds.
 */
export * from './runner.js'
export { newCacheService, startRunnerServices, type RunnerServices } from './services.js'
export type { FakeCacheService } from './cache-service.js'
export { node24 } from './node24.js'
export * from "./repo.js"
export * from "./workflow.js"

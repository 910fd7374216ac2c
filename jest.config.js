// Jest runs TypeScript as native ESM through ts-jest in transpile-only mode
// (type checking is `tsc --noEmit`, run first by `npm test`).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, isolatedModules: true, diagnostics: false }]
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/sealed.ts'],
  testTimeout: 60000,
  // Jest's default on two cores is one worker; most suites wait on child
  // processes (git, npm, engines), so two workers keep both cores busy.
  maxWorkers: 2,
  // A child server a failed test leaves behind must never keep CI waiting after the summary.
  forceExit: true,
  clearMocks: true,
  restoreMocks: true
}

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
  // A child server a failed test leaves behind must never keep CI waiting after the summary.
  forceExit: true,
  clearMocks: true,
  restoreMocks: true
}

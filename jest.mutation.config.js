/*
 * Jest for the mutation run (npm run test:mutation) only: the unit tests of the
 * computations and import rules, compiled by ts-jest with isolatedModules (no type checking,
 * several times faster; npm test type-checks the same files). ts-jest rather than @swc/jest:
 * @swc/core's per-platform packages would break `npm ci` from our lock file. Stryker reruns these tests for
 * every mutant, so their speed is the run's speed.
 */
module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/src'],
  testMatch: [
    '<rootDir>/src/**/*.calc.spec.ts',
    '<rootDir>/src/**/*.rules.spec.ts',
    '<rootDir>/src/import/*-rules.spec.ts',
    '<rootDir>/src/import/parse-document.spec.ts',
  ],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // isolatedModules: each file is transpiled alone, without type checking.
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
  },
  testEnvironment: 'node',
};

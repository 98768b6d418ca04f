/*
 * Jest for the mutation run (npm run test:mutation) only: the unit tests of the
 * computations and import rules, compiled by @swc/jest (no type checking, many times faster
 * than ts-jest; npm test type-checks the same files). Stryker reruns these tests for
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
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  testEnvironment: 'node',
};

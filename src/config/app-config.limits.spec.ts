import { ConfigError, loadConfig } from './app-config';

describe('loadConfig: the limits', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      transactionTimeoutMs: 30_000,
      maxDocumentBytes: 25 * 1024 * 1024,
      maxErrors: 200,
      maxValue: 1_000_000_000_000,
    });
  });

  it.each([
    [{ TRANSACTION_TIMEOUT: '2,5' }, { transactionTimeoutMs: 2500 }],
    [{ MAX_DOCUMENT_SIZE: '0.5' }, { maxDocumentBytes: 524_288 }],
    [{ MAX_ERRORS: '10' }, { maxErrors: 10 }],
    [{ MAX_VALUE: '1000' }, { maxValue: 1000 }],
  ])('reads %j', (env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it.each([
    [{ TRANSACTION_TIMEOUT: '0' }, 'TRANSACTION_TIMEOUT måste vara ett tal större än 0 och högst 3600, inte "0"'],
    [{ MAX_DOCUMENT_SIZE: 'stor' }, 'MAX_DOCUMENT_SIZE måste vara ett tal större än 0 och högst 1024, inte "stor"'],
    [{ MAX_ERRORS: '2.5' }, 'MAX_ERRORS måste vara ett heltal, inte "2.5"'],
    [{ MAX_VALUE: '-1' }, 'MAX_VALUE måste vara ett tal större än 0 och högst 1000000000000000, inte "-1"'],
  ])('refuses %j in Swedish', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

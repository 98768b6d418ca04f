import { configureMaxValue } from '../common/value-limits';
import { checkValueRange } from './indicator-values.rules';

describe('checkValueRange (sane numbers per unit)', () => {
  afterEach(() => configureMaxValue(undefined));

  it.each([
    ['count', 0, []],
    ['count', 12, []],
    ['count', -1, ['Ett antal kan inte vara negativt.']],
    ['days', -0.5, ['Ett antal dagar kan inte vara negativt.']],
    ['days', 3, []],
    ['index', -3, []],
    ['percent', -40, []], // a share's 0–100 is checkShare's rule
    ['count', 1e12, []],
    ['count', 1e12 + 1, ['Får inte vara större än 1 000 000 000 000.']],
    ['count', 1e308, ['Får inte vara större än 1 000 000 000 000.']],
    ['sek', -1e308, ['Får inte vara mindre än -1 000 000 000 000.']],
    ['index', null, []],
    ['count', '-5', []], // text is the shape check's to refuse
    ['sek', -1e12, []],
    ['sek', -1e12 - 1, ['Får inte vara mindre än -1 000 000 000 000.']],
  ] as const)('%s %p', (unit, value, messages) => {
    expect(checkValueRange({ unit }, value, 'outcome').map((e) => e.message)).toEqual(messages);
  });

  it('follows MAX_VALUE', () => {
    configureMaxValue(500);
    expect(checkValueRange({ unit: 'count' }, 501, 'forecast')).toEqual([{ path: 'forecast', message: 'Får inte vara större än 500.' }]);
    expect(checkValueRange({ unit: 'count' }, 500, 'forecast')).toEqual([]);
  });
});

import { BoardGoal, BoardIndicator, compareBoards, compareCouncilGoal, median } from './board-comparison.calc';

/* Three stadsdelsnämnder reporting the same KF indicator; figures by hand. */

const board = (code: string, value: number | null, fields: Partial<BoardIndicator> = {}): BoardIndicator => ({
  board: { code, name: `Stadsdelsnämnd ${code}` }, name: 'Andel elever med behörighet', unit: 'percent', direction: 'increase', decimals: 1,
  tolerance: null, value, men: null, women: null, genderGap: null, annualTarget: 85, councilTarget: 80, ...fields,
});

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[0.1, 0.2], 0.15],
  ])('%j → %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('compareBoards', () => {
  it('gives min, median and max, and the boards that miss KF:s årsmål, boards in code order', () => {
    const c = compareBoards('KF-I1', [board('SKA', 82.5), board('RIN', 71.3, { men: 68.0, women: 74.2, genderGap: 6.2 }), board('BRO', 80)])!;
    expect(c.rows.map((r) => [r.board.code, r.value, r.councilStatus, r.missesCouncilTarget])).toEqual([
      ['BRO', 80, 'achieved', false], // exactly KF:s årsmål 80
      ['RIN', 71.3, 'notAchieved', true], // below 72 = 90 % of 80
      ['SKA', 82.5, 'achieved', false],
    ]);
    expect([c.min, c.median, c.max]).toEqual([71.3, 80, 82.5]);
    expect(c.missing).toEqual(['RIN']);
    expect(c.rows[1]).toMatchObject({ men: 68, women: 74.2, genderGap: 6.2 });
  });

  it('reads lower-is-better and range indicators in their direction', () => {
    const lower = compareBoards('KF-I2', [board('A', 130, { direction: 'decrease', councilTarget: 120 }), board('B', 118, { direction: 'decrease', councilTarget: 120 })])!;
    expect(lower.rows.map((r) => r.missesCouncilTarget)).toEqual([true, false]);
    const range = compareBoards('KF-I3', [board('A', 1.5, { direction: 'range', councilTarget: 0, tolerance: 1 }), board('B', -0.5, { direction: 'range', councilTarget: 0, tolerance: 1 })])!;
    expect(range.rows.map((r) => r.missesCouncilTarget)).toEqual([true, false]);
  });

  it('leaves out of the spread a board without a value, and judges no board without a KF target', () => {
    const c = compareBoards('KF-I1', [board('A', null), board('B', 60, { councilTarget: null }), board('C', 90)])!;
    expect(c.rows.map((r) => r.missesCouncilTarget)).toEqual([null, null, false]);
    expect([c.min, c.median, c.max]).toEqual([60, 75, 90]);
    expect(c.missing).toEqual([]);
  });

  it('shows every board\'s decimals (the most any board uses), and the first board\'s name and unit', () => {
    const c = compareBoards('KF-I1', [board('B', 80.25, { decimals: 2, name: 'Andel B' }), board('A', 80, { decimals: 0, name: 'Andel A', unit: 'count' }), board('C', 81, { decimals: 1 })])!;
    expect([c.decimals, c.name, c.unit]).toEqual([2, 'Andel A', 'count']);
  });

  it('has no spread when no board has a value', () => {
    const c = compareBoards('KF-I1', [board('A', null), board('B', null)])!;
    expect([c.min, c.median, c.max]).toEqual([null, null, null]);
    expect(c.missing).toEqual([]);
  });

  it('has nothing to compare without boards', () => {
    expect(compareBoards('KF-I1', [])).toBeNull();
  });
});

describe('compareCouncilGoal', () => {
  const goal = (code: string, assessment: BoardGoal['assessment'], suggestion: BoardGoal['suggestion'], flagText: string | null = null): BoardGoal => ({
    board: { code, name: `Stadsdelsnämnd ${code}` }, name: 'Alla barn har goda uppväxtvillkor', assessment, suggestion, flagText,
  });

  it('gives each board\'s bedömning beside its indicators\', counts them and names the flagged', () => {
    const c = compareCouncilGoal('1.1', [
      goal('SKA', 'full', 'partial', 'Bedömningen är mer positiv än indikatorerna'),
      goal('BRO', 'full', 'full'),
      goal('RIN', 'partial', 'none'),
      goal('ÄLV', 'notAssessed', 'notAssessed'),
    ])!;
    expect(c.rows.map((r) => [r.board.code, r.assessmentLabel, r.suggestionLabel])).toEqual([
      ['BRO', 'Uppfylls helt', 'Uppfylls helt'],
      ['RIN', 'Uppfylls delvis', 'Uppfylls inte'],
      ['SKA', 'Uppfylls helt', 'Uppfylls delvis'],
      ['ÄLV', 'Ej bedömd', 'Ej bedömd'],
    ]);
    expect(c.counts).toEqual({ full: 2, partial: 1, none: 0, notAssessed: 1 });
    expect(c.flagged).toEqual(['SKA']);
    expect(c.name).toBe('Alla barn har goda uppväxtvillkor');
  });

  it('has nothing to compare without boards', () => {
    expect(compareCouncilGoal('1.1', [])).toBeNull();
  });
});

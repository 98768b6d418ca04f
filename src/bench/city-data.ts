/**
 * A realistic city for the benchmark (issue 11), generated deterministically from a seed:
 * N boards, each with 150 indicators (a third of them gendered; every unit, direction and
 * frequency), 40 activities, 15 verksamhetsområden and 12 kontogrupper, narrative texts,
 * and T1, T2 and VB follow-ups for three years, as plan and follow-up documents of the
 * import format (SPEC 2). The same seed and size always give the same documents.
 */

export const INDICATORS_PER_BOARD = 150;
export const ACTIVITIES_PER_BOARD = 40;
export const AREAS_PER_BOARD = 15;
export const ACCOUNT_GROUPS_PER_BOARD = 12;
export const CITY_PERIODS = ['T1', 'T2', 'VB'] as const;

export type Json = Record<string, any>;

export interface CityOptions {
  boards: number;
  /** The first of the three years. */
  firstYear: number;
  seed: number;
}

export interface CityBoard {
  code: string;
  name: string;
  /** Per year: the plan, then the follow-ups T1, T2, VB. */
  years: { year: number; plan: Json; followups: Json[] }[];
}

const UNITS = ['percent', 'count', 'index', 'days', 'sek'] as const;
type Unit = (typeof UNITS)[number];
const FREQUENCIES = ['tertial', 'halfyear', 'year'] as const;
const PLACES = ['Rinkeby-Kista', 'Spånga-Tensta', 'Hässelby-Vällingby', 'Bromma', 'Kungsholmen', 'Norrmalm', 'Östermalm', 'Södermalm', 'Enskede-Årsta-Vantör', 'Skarpnäck', 'Farsta', 'Älvsjö', 'Hägersten-Liljeholmen', 'Skärholmen'];
const KINDS = ['stadsdelsnämnd', 'äldrenämnd', 'kulturnämnd', 'utbildningsnämnd', 'idrottsnämnd', 'socialnämnd', 'miljö- och hälsoskyddsnämnd', 'trafiknämnd'];
const AREA_NAMES = ['Äldreomsorg', 'Förskola', 'Individ- och familjeomsorg', 'Ekonomiskt bistånd', 'Stöd till personer med funktionsnedsättning', 'Kultur och fritid', 'Stadsmiljö', 'Arbetsmarknadsåtgärder', 'Öppen verksamhet', 'Barn och ungdom', 'Socialpsykiatri', 'Missbruksvård', 'Hemtjänst', 'Särskilt boende', 'Nämnd och administration'];
const REVENUES = ['Taxor och avgifter', 'Hyror och arrenden', 'Bidrag', 'Försäljning av verksamhet'];
const COSTS = ['Personalkostnader', 'Lokalkostnader', 'Köp av huvudverksamhet', 'Övriga kostnader', 'Material och tjänster', 'Lämnade bidrag', 'Kapitalkostnader', 'Transporter och resor'];
const WORDS = ['förvaltningen', 'har', 'under', 'perioden', 'arbetat', 'med', 'att', 'stärka', 'stödet', 'till', 'äldre', 'och', 'barn', 'i', 'stadsdelen', 'målet', 'bedöms', 'uppnås', 'delvis', 'genom', 'samverkan', 'kvinnor', 'män', 'brukare', 'nöjda', 'insatser', 'kostnaderna', 'ökar', 'minskar', 'prognosen'];

/** mulberry32: a small, well-spread 32-bit generator; the same seed gives the same sequence. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The board codes and names of a city of `count` boards (Swedish letters included). */
export function cityBoards(count: number): { code: string; name: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const place = PLACES[i % PLACES.length];
    const prefix = kind.startsWith('ä') ? 'ÄLN' : kind.slice(0, 3).toUpperCase();
    return { code: `${prefix}${String(i + 1).padStart(2, '0')}`, name: `${place} ${kind}` };
  });
}

export function generateCity(options: CityOptions): CityBoard[] {
  return cityBoards(options.boards).map((board, b) => {
    const years = [0, 1, 2].map((offset) => {
      const year = options.firstYear + offset;
      const plan = planOf(board, year, random(options.seed * 1_000_003 + b * 101 + offset));
      const followups = CITY_PERIODS.map((period, p) => followupOf(plan, period, random(options.seed * 7_919 + b * 1_009 + offset * 13 + p)));
      return { year, plan, followups };
    });
    return { ...board, years };
  });
}

/** Rows a follow-up document carries: indicator, goal, activity, area and account rows. */
export function followupRows(doc: Json): number {
  return (doc.indicators?.length ?? 0) + (doc.goals?.length ?? 0) + (doc.activities?.length ?? 0) + (doc.budget?.operatingAreas?.length ?? 0) + (doc.budget?.accountGroups?.length ?? 0);
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

function sentence(rnd: () => number, words: number): string {
  const text = Array.from({ length: words }, () => pick(rnd, WORDS)).join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

function paragraphs(rnd: () => number, count: number): string {
  return Array.from({ length: count }, () => Array.from({ length: 3 }, () => sentence(rnd, 8 + Math.floor(rnd() * 10))).join(' ')).join('\n\n');
}

function planOf(board: { code: string; name: string }, year: number, rnd: () => number): Json {
  const councilAims = [1, 2, 3].map((a) => ({ code: String(a), name: `Inriktningsmål ${a}: ${sentence(rnd, 5)}` }));
  const councilGoals = councilAims.flatMap((aim) => [1, 2, 3].map((g) => ({ code: `${aim.code}.${g}`, aim: aim.code, name: `KF:s mål ${aim.code}.${g}: ${sentence(rnd, 6)}` })));
  const boardGoals = councilGoals.flatMap((goal) =>
    ['a', 'b'].map((x) => ({ code: `${goal.code}.${x}`, councilGoal: goal.code, name: `Nämndmål ${goal.code}.${x}: ${sentence(rnd, 6)}`, expectedResult: sentence(rnd, 10) })),
  );
  const goalCodes = [...councilGoals.map((g) => g.code), ...boardGoals.map((g) => g.code)];
  const indicators = Array.from({ length: INDICATORS_PER_BOARD }, (_, i) => {
    const unit = UNITS[i % UNITS.length];
    const direction = i % 11 === 0 ? 'range' : i % 4 === 0 ? 'decrease' : 'increase';
    const target = targetOf(unit, direction, rnd);
    return {
      code: `${board.code}-I${String(i + 1).padStart(3, '0')}`,
      goal: goalCodes[i % goalCodes.length],
      name: `Indikator ${i + 1} för ${board.name}: ${sentence(rnd, 5)}`,
      source: i % 3 === 0 ? 'council' : 'board',
      unit,
      direction,
      genderSplit: i % 3 === 1,
      frequency: FREQUENCIES[i % FREQUENCIES.length],
      annualTarget: target,
      councilTarget: i % 3 === 0 ? target : null,
      tolerance: direction === 'range' ? 2 : null,
      partialThreshold: null,
      previousYearOutcome: valueNear(unit, direction, target, rnd),
    };
  });
  const activities = Array.from({ length: ACTIVITIES_PER_BOARD }, (_, i) => ({
    code: `${board.code}-A${String(i + 1).padStart(2, '0')}`,
    goal: boardGoals[i % boardGoals.length].code,
    name: `Aktivitet ${i + 1}: ${sentence(rnd, 6)}`,
    start: `${year}-01-01`,
    end: `${year}-12-31`,
  }));
  return {
    kind: 'plan',
    version: 1,
    board,
    year,
    councilAims,
    councilGoals,
    boardGoals,
    indicators,
    activities,
    budget: {
      unit: 'mnkr',
      operatingAreas: AREA_NAMES.slice(0, AREAS_PER_BOARD).map((name) => ({ name, previousYearActual: round(20 + rnd() * 300, 1), budget: round(20 + rnd() * 300, 1) })),
      accountGroups: [
        ...REVENUES.map((name) => ({ name, type: 'revenue', budget: -round(5 + rnd() * 60, 1) })),
        ...COSTS.map((name) => ({ name, type: 'cost', budget: round(20 + rnd() * 400, 1) })),
      ].slice(0, ACCOUNT_GROUPS_PER_BOARD),
    },
  };
}

function targetOf(unit: Unit, direction: string, rnd: () => number): number {
  if (direction === 'range') return 100;
  switch (unit) {
    case 'percent':
      return round(40 + rnd() * 55, 0);
    case 'count':
      return round(100 + rnd() * 4_900, 0);
    case 'index':
      return round(50 + rnd() * 40, 0);
    case 'days':
      return round(5 + rnd() * 55, 0);
    case 'sek':
      return round(1_000 + rnd() * 49_000, 0);
  }
}

function valueNear(unit: Unit, direction: string, target: number, rnd: () => number): number {
  const spread = direction === 'range' ? 4 : unit === 'percent' ? 12 : target * 0.15;
  const value = round(target + (rnd() - 0.5) * 2 * spread, 1);
  return unit === 'percent' && direction !== 'range' ? Math.min(100, Math.max(0, value)) : Math.max(0, value);
}

function followupOf(plan: Json, period: string, rnd: () => number): Json {
  const assessments = ['full', 'partial', 'none'];
  const share = period === 'T1' ? 0.33 : period === 'T2' ? 0.66 : 1;
  return {
    kind: 'followup',
    version: 1,
    board: plan.board.code,
    year: plan.year,
    period,
    summary: paragraphs(rnd, 4),
    sections: ['Investeringar', 'Budgetjusteringar', 'Övrigt'].map((heading) => ({ heading, text: paragraphs(rnd, 2) })),
    indicators: plan.indicators.map((i: Json) => {
      const outcome = valueNear(i.unit, i.direction, i.annualTarget, rnd);
      return {
        code: i.code,
        outcome,
        men: i.genderSplit ? valueNear(i.unit, i.direction, outcome, rnd) : null,
        women: i.genderSplit ? valueNear(i.unit, i.direction, outcome, rnd) : null,
        forecast: period === 'VB' ? outcome : valueNear(i.unit, i.direction, i.annualTarget, rnd),
        analysis: rnd() < 0.3 ? sentence(rnd, 12) : null,
      };
    }),
    goals: [...plan.councilGoals, ...plan.boardGoals].map((g: Json) => ({ code: g.code, assessment: pick(rnd, assessments), analysis: paragraphs(rnd, 1) })),
    activities: plan.activities.map((a: Json) => {
      const deviation = rnd() < 0.15;
      return { code: a.code, deviation, comment: deviation ? sentence(rnd, 10) : '' };
    }),
    budget: {
      unit: 'mnkr',
      comment: paragraphs(rnd, 2),
      operatingAreas: plan.budget.operatingAreas.map((a: Json) => ({
        name: a.name,
        forecast: round(a.budget * (0.95 + rnd() * 0.1), 1),
        adjustment: rnd() < 0.2 ? round(rnd() * 3, 1) : 0,
        comment: rnd() < 0.4 ? sentence(rnd, 14) : null,
      })),
      accountGroups: plan.budget.accountGroups.map((g: Json) => ({
        name: g.name,
        actual: round(g.budget * share * (0.9 + rnd() * 0.2), 1),
        forecast: round(g.budget * (0.95 + rnd() * 0.1), 1),
        previousYearBudget: round(g.budget * 0.97, 1),
        previousYearActual: round(g.budget * share * 0.97, 1),
      })),
    },
  };
}

import { FieldError } from '../common/domain-error';

/*
 * A saved response of Kolada's public API (https://api.kolada.se/v2, documented at
 * github.com/Hypergene/kolada): the data endpoints answer
 *
 *   { "count": 2, "values": [ { "kpi": "N00945", "municipality": "0180", "period": 2025,
 *       "values": [ { "gender": "T", "value": 71.79, "count": 1, "status": "" }, … ] } ] }
 *
 * with "ou" instead of "municipality" from /v2/oudata, and per entry at most one value per
 * gender: T (total), K (kvinnor), M (män). Pure: the file's JSON in, rows for the
 * follow-up out; the service writes them through the import.
 */

export const KOLADA_GENDERS = ['T', 'K', 'M'] as const;
export type KoladaGender = (typeof KOLADA_GENDERS)[number];

/** One KPI's values for one municipality or unit and one year. */
export interface KoladaEntry {
  kpi: string;
  /** The municipality's or organisational unit's id. */
  unit: string;
  period: number;
  values: Partial<Record<KoladaGender, number | null>>;
  /** Where in the file the entry is, for messages: "values[3]". */
  path: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads the response, or lists everything wrong with it (a malformed file is refused
 * whole): `values` must be a list of entries, each with a KPI id, a municipality or ou id,
 * a four-digit year and a list of values, each with a gender T, K or M (once each) and a
 * number or null.
 */
export function parseKoladaResponse(json: unknown): { entries: KoladaEntry[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isObject(json) || !Array.isArray(json.values)) {
    return { entries: [], errors: [{ path: 'values', message: 'Filen är inget svar från Koladas API: listan "values" saknas.' }] };
  }
  const entries: KoladaEntry[] = [];
  json.values.forEach((raw, i) => {
    const path = `values[${i}]`;
    if (!isObject(raw)) {
      errors.push({ path, message: 'Måste vara ett objekt med kpi, municipality (eller ou), period och values.' });
      return;
    }
    const kpi = raw.kpi;
    if (typeof kpi !== 'string' || kpi.trim() === '') errors.push({ path: `${path}.kpi`, message: 'Nyckeltalets id (kpi) saknas.' });
    const unit = raw.municipality ?? raw.ou;
    if (typeof unit !== 'string' || unit.trim() === '') {
      errors.push({ path: `${path}.municipality`, message: 'Kommunens (municipality) eller enhetens (ou) id saknas.' });
    }
    const period = typeof raw.period === 'string' && /^\d{4}$/.test(raw.period) ? Number(raw.period) : raw.period;
    // Number.isInteger is false for anything but a number.
    if (!Number.isInteger(period) || (period as number) < 1900 || (period as number) > 2999) {
      errors.push({ path: `${path}.period`, message: 'Året (period) ska vara ett årtal med fyra siffror.' });
    }
    if (!Array.isArray(raw.values)) {
      errors.push({ path: `${path}.values`, message: 'Listan med värden per kön (values) saknas.' });
      return;
    }
    const values: Partial<Record<KoladaGender, number | null>> = {};
    raw.values.forEach((v, j) => {
      const at = `${path}.values[${j}]`;
      if (!isObject(v)) {
        errors.push({ path: at, message: 'Måste vara ett objekt med gender och value.' });
        return;
      }
      const gender = v.gender as KoladaGender;
      if (!KOLADA_GENDERS.includes(gender)) {
        errors.push({ path: `${at}.gender`, message: 'Kön (gender) ska vara T (totalt), K (kvinnor) eller M (män).' });
        return;
      }
      if (v.value !== null && !Number.isFinite(v.value)) {
        errors.push({ path: `${at}.value`, message: 'Värdet (value) ska vara ett tal eller null.' });
        return;
      }
      if (gender in values) {
        errors.push({ path: `${at}.gender`, message: `Kön ${gender} förekommer två gånger för samma nyckeltal och år.` });
        return;
      }
      values[gender] = v.value as number | null;
    });
    // An entry with an error above is pushed too, but the file is then refused whole.
    entries.push({ kpi: String(kpi).trim(), unit: String(unit).trim(), period: period as number, values, path });
  });
  return { entries: errors.length > 0 ? [] : entries, errors };
}

/** What the plan says Kolada's values are for: the board's municipality or unit, the year, and which indicator takes which KPI. */
export interface KoladaMapping {
  municipality: string | null;
  ou: string | null;
  year: number;
  indicators: { code: string; kpi: string | null; genderSplit: boolean }[];
}

/** One indicator's values from Kolada: the total as the outcome, women and men where the indicator is gendered and Kolada has them. */
export interface KoladaIndicatorValues {
  code: string;
  kpi: string;
  outcome?: number | null;
  women?: number | null;
  men?: number | null;
}

export interface KoladaPlanResult {
  rows: KoladaIndicatorValues[];
  /** KPIs in the file (for this board and year) that no indicator of the plan maps: skipped. */
  unmappedKpis: string[];
  /** Mapped KPIs the file has no value for (this board and year). */
  missingKpis: string[];
  /** Entries of other municipalities, units or years: not this board's, skipped. */
  otherEntries: number;
  errors: FieldError[];
}

/**
 * The rows the follow-up gets: for each entry of the board's municipality or unit and the
 * year, each indicator mapped to its KPI takes the total (T) as its outcome and, when it is
 * gendered, K as kvinnor/flickor and M as män/pojkar. A gender Kolada does not give is left
 * as it is. The same KPI twice for the board and year is an error.
 */
export function koladaRows(entries: KoladaEntry[], mapping: KoladaMapping): KoladaPlanResult {
  // A plan without an ou (or municipality) puts null in the set; no entry's unit is null.
  const units = new Set<string | null>([mapping.municipality, mapping.ou]);
  const ours = entries.filter((e) => units.has(e.unit) && e.period === mapping.year);
  const errors: FieldError[] = [];
  const seen = new Map<string, string>();
  for (const entry of ours) {
    const first = seen.get(entry.kpi);
    if (first) errors.push({ path: `${entry.path}.kpi`, message: `Nyckeltalet ${entry.kpi} för ${entry.unit} ${entry.period} förekommer redan (${first}).` });
    else seen.set(entry.kpi, entry.path);
  }
  const byKpi = new Map(ours.map((e) => [e.kpi, e]));
  const mapped = mapping.indicators.filter((i): i is { code: string; kpi: string; genderSplit: boolean } => i.kpi !== null);
  const mappedKpis = new Set(mapped.map((i) => i.kpi));
  const rows = mapped.flatMap((indicator): KoladaIndicatorValues[] => {
    const entry = byKpi.get(indicator.kpi);
    if (!entry) return [];
    const row: KoladaIndicatorValues = { code: indicator.code, kpi: indicator.kpi };
    if ('T' in entry.values) row.outcome = entry.values.T;
    if (indicator.genderSplit && 'K' in entry.values) row.women = entry.values.K;
    if (indicator.genderSplit && 'M' in entry.values) row.men = entry.values.M;
    return [row];
  });
  return {
    rows: errors.length > 0 ? [] : rows,
    unmappedKpis: [...new Set(ours.map((e) => e.kpi).filter((kpi) => !mappedKpis.has(kpi)))].sort(),
    missingKpis: [...mappedKpis].filter((kpi) => !byKpi.has(kpi)).sort(),
    otherEntries: entries.length - ours.length,
    errors,
  };
}

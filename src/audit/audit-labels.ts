import type { AuditSource } from './audit-entry.entity';

/** Swedish names for the audit trail's exports; an unknown key is shown as it is. */
export const AUDIT_SOURCE_LABELS: Record<AuditSource, string> = {
  import: 'Import',
  api: 'API',
  web: 'Webb',
  cli: 'Kommandorad',
};

export const AUDIT_KIND_LABELS: Record<string, string> = {
  indicator: 'Indikator',
  goal: 'Mål',
  activity: 'Aktivitet',
  operating_area: 'Verksamhetsområde',
  account_group: 'Kontogrupp',
  period: 'Period',
  board: 'Nämnd',
};

export const AUDIT_FIELD_LABELS: Record<string, string> = {
  outcome: 'Periodens utfall',
  men: 'Utfall män/pojkar',
  women: 'Utfall kvinnor/flickor',
  forecast: 'Prognos',
  analysis: 'Analys',
  assessment: 'Bedömning',
  deviation: 'Avvikelse',
  comment: 'Kommentar',
  adjustment: 'Justering (kr)',
  actual: 'Utfall (kr)',
  budget: 'Budget (kr)',
  previousYearBudget: 'Budget föregående år (kr)',
  previousYearActual: 'Utfall föregående år (kr)',
  name: 'Namn',
  expectedResult: 'Förväntat resultat',
  annualTarget: 'Årsmål',
  councilTarget: 'KF:s årsmål',
  tolerance: 'Tolerans',
  partialThreshold: 'Gräns för delvis uppnått',
  previousYearOutcome: 'Periodens utfall föregående år',
  unit: 'Enhet',
  direction: 'Riktning',
  genderSplit: 'Könsuppdelad',
  frequency: 'Frekvens',
  source: 'Källa',
  level: 'Nivå',
  code: 'Kod',
  type: 'Typ',
  startDate: 'Startdatum',
  endDate: 'Slutdatum',
  state: 'Periodens status',
  reopenReason: 'Skäl att öppna igen',
  volumeChange: 'Prestationsförändring (kr)',
  returned: 'Återredovisning (kr)',
  summary: 'Sammanfattande analys',
  heading: 'Rubrik',
  text: 'Text',
};

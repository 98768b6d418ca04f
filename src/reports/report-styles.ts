import type { Cell, Fill, Font } from 'exceljs';
import { AssessmentOrNone } from '../goals/goal-assessment.calc';
import { IndicatorStatus } from '../indicators/indicator-status.calc';

/*
 * The look of the report: Excel's own "Bra / Neutral / Dålig" colours for the traffic
 * lights, so that they read the same on screen and in print, and an orange for what an
 * auditor should look at twice (a flagged gender gap, an over-positive bedömning).
 */

type Light = 'green' | 'yellow' | 'red' | 'grey';

const LIGHTS: Record<Light, { fill: string; font: string }> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  yellow: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  grey: { fill: 'FFE7E6E6', font: 'FF3A3838' },
};

const LIGHT_OF_STATUS: Record<IndicatorStatus, Light> = {
  achieved: 'green',
  partial: 'yellow',
  notAchieved: 'red',
  notAssessed: 'grey',
};

const LIGHT_OF_ASSESSMENT: Record<AssessmentOrNone, Light> = {
  full: 'green',
  partial: 'yellow',
  none: 'red',
  notAssessed: 'grey',
};

export const COLORS = {
  headerFill: 'FFD9E1F2',
  border: 'FF8EA9DB',
  /** A row that holds something flagged. */
  flaggedRow: 'FFFCE4D6',
  /** The flagged cell itself. */
  flaggedCell: 'FFF8CBAD',
  flaggedFont: 'FF833C0B',
  /** Rows that sum other rows (Summa, Netto, Nämnden totalt). */
  sumRow: 'FFF2F2F2',
  /** A goal repeated on the rows after the first of its group. */
  repeatedText: 'FF808080',
};

export function solidFill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/**
 * Sets parts of a cell's font and keeps the rest. Every font names Calibri 11: a font
 * without a name falls back to the reader's default (a serif in LibreOffice).
 */
export function setFont(cell: Cell, font: Partial<Font>): void {
  cell.font = { name: 'Calibri', family: 2, size: 11, ...cell.font, ...font };
}

function paintLight(cell: Cell, light: Light): void {
  cell.fill = solidFill(LIGHTS[light].fill);
  setFont(cell, { color: { argb: LIGHTS[light].font } });
}

/** Traffic-light fill of an indicator's status cell: Uppnås green … Ej bedömd grey. */
export function paintStatus(cell: Cell, status: IndicatorStatus): void {
  paintLight(cell, LIGHT_OF_STATUS[status]);
}

/** Traffic-light fill of a bedömning cell: Uppfylls helt green … Ej bedömd grey. */
export function paintAssessment(cell: Cell, assessment: AssessmentOrNone): void {
  paintLight(cell, LIGHT_OF_ASSESSMENT[assessment]);
}

/** The flagged cell of a row: strong orange, bold. */
export function paintFlaggedCell(cell: Cell): void {
  cell.fill = solidFill(COLORS.flaggedCell);
  setFont(cell, { bold: true, color: { argb: COLORS.flaggedFont } });
}

/** The title block's first lines: the board, then the report's title; the rest in the body font. */
export const TITLE_FONTS: Partial<Font>[] = [{ bold: true, size: 14 }, { bold: true, size: 12 }];

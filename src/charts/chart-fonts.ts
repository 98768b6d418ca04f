// `canvas` is @napi-rs/canvas (see the npm override in package.json): the same module chartjs-node-canvas draws with.
import { GlobalFonts } from 'canvas';

/**
 * The typeface of every chart, shipped with the product (@fontsource/dejavu-sans) rather
 * than taken from the server's system fonts: a server without fonts would otherwise draw
 * charts without a single letter, and servers with other fonts would draw other charts.
 * DejaVu Sans has å, ä, ö and the dashes the city writes.
 */
export const CHART_FONT_FAMILY = 'Rapport Sans';

const FACES = ['dejavu-sans-latin-400-normal.woff2', 'dejavu-sans-latin-700-normal.woff2'];

let registered = false;

/** Registers the chart typeface with the canvas once per process. */
export function registerChartFonts(): void {
  if (registered) return;
  const dir = require.resolve('@fontsource/dejavu-sans/package.json').replace(/package\.json$/, 'files/');
  for (const face of FACES) {
    if (!GlobalFonts.registerFromPath(dir + face, CHART_FONT_FAMILY)) {
      throw new Error(`Typsnittet för diagrammen kunde inte läsas: ${dir + face}`);
    }
  }
  registered = true;
}

import { Injectable } from '@nestjs/common';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { PeriodFollowup } from '../followup/period-followup';
import { registerChartFonts } from './chart-fonts';
import { CHART_KINDS, ChartKind, RenderedChart } from './chart-kinds';
import { chartSpec, ChartSpec, chartSpecs } from './chart-configs';

/** Renderers kept at most: the three fixed sizes and the indicator chart's heights of a dozen boards. */
const MAX_RENDERERS = 16;

/**
 * Renders the report charts (SPEC 5) as PNG images, server-side with chart.js, for the
 * workbook's Diagram sheet and for serving alone.
 */
@Injectable()
export class ChartsService {
  /**
   * One renderer per image size: each loads its own copy of chart.js (some 15 ms and 1.4 MB),
   * too slow to do per chart. The indicator chart's height follows the board's number of
   * indicators, so a server reporting for many boards keeps only the most recently used.
   */
  private readonly renderers = new Map<string, ChartJSNodeCanvas>();

  constructor() {
    registerChartFonts();
  }

  /** The charts of the given kinds (all four by default), in the order asked for, every page of each. */
  async render(followup: PeriodFollowup, kinds: readonly ChartKind[] = CHART_KINDS): Promise<RenderedChart[]> {
    return kinds.flatMap((kind) => chartSpecs(followup, kind).map((spec) => this.renderSpec(spec)));
  }

  /** One page (the first unless `part` says otherwise) of one chart of a board's follow-up for one period. */
  async renderOne(followup: PeriodFollowup, kind: ChartKind, part = 1): Promise<RenderedChart> {
    return this.renderSpec(chartSpec(followup, kind, part));
  }

  /** Any chart whose configuration is built elsewhere in the charts module (the comparison between boards). */
  async renderChartSpec(spec: ChartSpec): Promise<RenderedChart> {
    return this.renderSpec(spec);
  }

  private renderSpec(spec: ChartSpec): RenderedChart {
    const { kind, title, part, parts, width, height, configuration } = spec;
    // The synchronous encoder: @napi-rs/canvas, which stands in for canvas, has no callback form of toBuffer.
    const png = this.renderer(width, height).renderToBufferSync(configuration, 'image/png');
    return { kind, title, part, parts, png, width, height };
  }

  private renderer(width: number, height: number): ChartJSNodeCanvas {
    const key = `${width}x${height}`;
    const renderer = this.renderers.get(key) ?? new ChartJSNodeCanvas({ width, height });
    // Re-inserted so that the Map's order runs from least to most recently used.
    this.renderers.delete(key);
    this.renderers.set(key, renderer);
    if (this.renderers.size > MAX_RENDERERS) this.renderers.delete(this.renderers.keys().next().value!);
    return renderer;
  }
}

import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { registerChartFonts } from './chart-fonts';
import { RenderedChart } from './chart-kinds';
import { ChartSpec } from './chart-configs';

/** Renderers kept at most: the fixed sizes and the indicator chart's heights of a dozen boards. */
const MAX_RENDERERS = 16;

/** The part of a chart.js chart that rendering needs: its canvas (@napi-rs/canvas) and its teardown. */
interface DrawnChart {
  canvas: { encode(format: 'png'): Promise<Buffer> } | null;
  destroy(): void;
}

/**
 * Draws chart specifications (pure chart.js configurations from chart-configs.ts) as PNGs.
 * One renderer per image size, because each loads its own copy of chart.js (some 15 ms and
 * 1.4 MB); the PNG is encoded with @napi-rs/canvas's asynchronous `encode('png')`, which runs
 * on libuv's thread pool instead of blocking the thread that drew the chart. Used inside the
 * render pool's worker threads (src/rendering), and in the server's own thread only when the
 * pool is configured with no threads.
 */
export class ChartRenderer {
  private readonly renderers = new Map<string, ChartJSNodeCanvas>();
  /** Per size, the end of the last drawing: a renderer's canvas is reused, so two drawings on it must not overlap. */
  private readonly busy = new Map<string, Promise<unknown>>();

  constructor() {
    registerChartFonts();
  }

  async render(spec: ChartSpec): Promise<RenderedChart> {
    const { kind, title, part, parts, width, height, configuration } = spec;
    const key = `${width}x${height}`;
    const previous = this.busy.get(key) ?? Promise.resolve();
    const drawing = previous.catch(() => undefined).then(() => this.draw(key, width, height, configuration));
    this.busy.set(key, drawing);
    const png = await drawing;
    if (this.busy.get(key) === drawing) this.busy.delete(key);
    return { kind, title, part, parts, png, width, height };
  }

  private async draw(key: string, width: number, height: number, configuration: ChartSpec['configuration']): Promise<Buffer> {
    // renderChart is chartjs-node-canvas's own step before its (synchronous) encoders; it is not in its typings.
    const renderer = this.renderer(key, width, height) as unknown as { renderChart(c: unknown): DrawnChart };
    const chart = renderer.renderChart(configuration);
    try {
      if (!chart.canvas) throw new Error('Diagrammet fick ingen rityta.');
      return await chart.canvas.encode('png');
    } finally {
      chart.destroy();
    }
  }

  private renderer(key: string, width: number, height: number): ChartJSNodeCanvas {
    const renderer = this.renderers.get(key) ?? new ChartJSNodeCanvas({ width, height });
    // Re-inserted so that the Map's order runs from least to most recently used.
    this.renderers.delete(key);
    this.renderers.set(key, renderer);
    if (this.renderers.size > MAX_RENDERERS) {
      const oldest = this.renderers.keys().next().value!;
      if (!this.busy.has(oldest)) this.renderers.delete(oldest);
    }
    return renderer;
  }
}

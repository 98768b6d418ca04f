import type { BarElement, Chart, ChartType, Plugin } from 'chart.js';
import { CHART_FONT_FAMILY } from './chart-fonts';

/*
 * Inline chart.js plugins the report charts share. Plain objects that draw with the chart's
 * own 2D context, so the configurations stay free of any canvas library. Each reads its
 * settings from `options.plugins.<id>` of the configuration, where tests can read them too.
 */

/** The font every text of the charts is set in: the bundled DejaVu Sans (see chart-fonts.ts). */
export const FONT_FAMILY = `'${CHART_FONT_FAMILY}', sans-serif`;

export const TEXT_COLOUR = '#1a1a1a';

export interface ValueLabelOptions {
  /** The text of one value, e.g. "29,1 %". */
  format: (value: number) => string;
  /** 'end': beside the end of the bar; 'center': inside it (stacked bars). */
  position: 'end' | 'center';
  fontSize: number;
  /** Text colour inside a bar of the given dataset ('center' only). */
  insideColour?: (datasetIndex: number) => string;
  /** The label's text when it is not `format(value)`, e.g. the real value of a bar drawn on a relative scale. */
  label?: (value: number, datasetIndex: number, index: number) => string;
  /**
   * Values on the value axis that the labels of category `index` must not cover (a target
   * mark, a guide line): a label that would is moved past them ('end' only).
   */
  obstacles?: (index: number) => number[];
}

export interface GuideLineOptions {
  /** Where the line is drawn, in the units of the y axis. */
  value: number;
  /** The label's lines, written in the right margin beside the line. */
  label: string[];
  colour: string;
  fontSize: number;
}

export interface EmptyMessageOptions {
  text: string;
  fontSize: number;
}

export interface LegendMarginOptions {
  /** Extra space in pixels between the legend and the plot. */
  bottom: number;
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    valueLabels?: ValueLabelOptions;
    guideLine?: GuideLineOptions;
    emptyMessage?: EmptyMessageOptions;
    legendMargin?: LegendMarginOptions;
  }
}

function cssFont(size: number, weight: 'normal' | 'bold' = 'normal'): string {
  return `${weight} ${size}px ${FONT_FAMILY}`;
}

/**
 * Paints the whole image white before anything else is drawn: a PNG with a transparent
 * background shows as black in some image viewers and in some spreadsheet programs.
 */
export const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Writes each bar's value on the chart, so that a printed report can be read without
 * guessing from the gridlines. Bars without a value (null) are skipped, and a centred label
 * that does not fit inside its bar is left out.
 */
export const valueLabels: Plugin<ChartType, ValueLabelOptions> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart: Chart, _args, options) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = cssFont(options.fontSize);
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (meta.type !== 'bar' || !chart.isDatasetVisible(datasetIndex)) return;
      (meta.data as unknown as BarElement[]).forEach((bar, index) => {
        const value = dataset.data[index];
        if (typeof value !== 'number') return;
        const text = options.label ? options.label(value, datasetIndex, index) : options.format(value);
        if (text === '') return;
        const textWidth = ctx.measureText(text).width;
        const { x, y, base, horizontal, height } = bar.getProps(['x', 'y', 'base', 'horizontal', 'height'], true);
        if (x === null || y === null) return;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        if (options.position === 'center') {
          // Stacked horizontal bars: the count in the middle of its part, when it fits.
          if (textWidth + 8 > Math.abs(x - base) || options.fontSize > height) return;
          ctx.fillStyle = options.insideColour?.(datasetIndex) ?? TEXT_COLOUR;
          ctx.fillText(text, (x + base) / 2, y);
          return;
        }
        // Centre of the label, beside the bar's end: right of or above a positive value.
        const away = value >= 0 ? 1 : -1;
        let cx = horizontal ? x + away * (6 + textWidth / 2) : x;
        let cy = horizontal ? y : y - away * (6 + options.fontSize / 2);
        // Past any mark the label would cover: right of (or above) it, in the direction of the bar.
        const scale = horizontal ? chart.scales.x : chart.scales.y;
        const marks = (options.obstacles?.(index) ?? []).map((v) => scale.getPixelForValue(v)).sort((a, b) => away * (a - b));
        for (const mark of marks) {
          if (horizontal && Math.abs(mark - cx) < textWidth / 2 + 5) cx = mark + away * (8 + textWidth / 2);
          if (!horizontal && Math.abs(mark - cy) < options.fontSize / 2 + 4) cy = mark - away * (6 + options.fontSize / 2);
        }
        // A white backing keeps the text legible where it crosses a gridline or a target mark.
        ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
        ctx.fillRect(cx - textWidth / 2 - 2, cy - options.fontSize / 2, textWidth + 4, options.fontSize);
        ctx.fillStyle = TEXT_COLOUR;
        ctx.fillText(text, cx, cy);
      });
    });
    ctx.restore();
  },
};

/**
 * A dashed horizontal line across the plot at a value of the y axis, with its label in the
 * right margin (the configuration leaves room there): the riktvärde of the förbrukning chart.
 */
export const guideLine: Plugin<ChartType, GuideLineOptions> = {
  id: 'guideLine',
  afterDatasetsDraw(chart: Chart, _args, options) {
    const { ctx, chartArea } = chart;
    const y = chart.scales.y.getPixelForValue(options.value);
    ctx.save();
    ctx.strokeStyle = options.colour;
    ctx.lineWidth = 3;
    ctx.setLineDash([14, 8]);
    ctx.beginPath();
    ctx.moveTo(chartArea.left, y);
    ctx.lineTo(chartArea.right, y);
    ctx.stroke();
    ctx.font = cssFont(options.fontSize, 'bold');
    ctx.fillStyle = options.colour;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    const lineHeight = options.fontSize * 1.25;
    const top = y - ((options.label.length - 1) * lineHeight) / 2;
    options.label.forEach((line, i) => ctx.fillText(line, chartArea.right + 12, top + i * lineHeight));
    ctx.restore();
  },
};

/** Writes a message in the middle of the plot: the chart of a board or period with nothing to show. */
export const emptyMessage: Plugin<ChartType, EmptyMessageOptions> = {
  id: 'emptyMessage',
  afterDraw(chart: Chart, _args, options) {
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.font = cssFont(options.fontSize);
    ctx.fillStyle = '#555555';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(options.text, (chartArea.left + chartArea.right) / 2, (chartArea.top + chartArea.bottom) / 2);
    ctx.restore();
  },
};

/**
 * Leaves space between the legend and the plot, which chart.js has no option for: without it
 * the top label of a value axis touches the legend.
 */
export const legendMargin: Plugin<ChartType, LegendMarginOptions> = {
  id: 'legendMargin',
  beforeInit(chart: Chart, _args, options) {
    const legend = chart.legend;
    if (!legend) return;
    const fit = legend.fit.bind(legend);
    legend.fit = () => {
      fit();
      legend.height += options.bottom;
    };
  },
};

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Test, TestingModule } from '@nestjs/testing';
import { PeriodFollowup } from '../followup/period-followup';
import { withReliability, withTrend } from '../../test/support/report-fixtures';
import { CHART_KINDS, ChartKind, RenderedChart } from './chart-kinds';
import { ChartsModule } from './charts.module';
import { ChartsService } from './charts.service';
import { GlobalFonts } from 'canvas';
import { CHART_FONT_FAMILY } from './chart-fonts';

const FIXTURE = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'son-2017-t1.followup.json');

function son2017T1(): PeriodFollowup {
  return JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as PeriodFollowup;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG's chunks in file order: type and data. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  const found: { type: string; data: Buffer }[] = [];
  for (let offset = PNG_SIGNATURE.length; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    found.push({ type: png.toString('latin1', offset + 4, offset + 8), data: png.subarray(offset + 8, offset + 8 + length) });
    offset += 12 + length;
  }
  return found;
}

/** Width and height from the IHDR chunk, which must come first. */
function ihdrSize(png: Buffer): { width: number; height: number } {
  const [first] = chunks(png);
  expect(first.type).toBe('IHDR');
  return { width: first.data.readUInt32BE(0), height: first.data.readUInt32BE(4) };
}

/**
 * The RGBA of the top-left pixel. Whatever the first row's filter, its first pixel is stored
 * as is (its left and upper neighbours count as zero), so inflating the image data is enough.
 */
function topLeftPixel(png: Buffer): number[] {
  const all = chunks(png);
  const header = all[0].data;
  expect(header[8]).toBe(8); // bit depth
  expect(header[9]).toBe(6); // colour type: RGBA
  const pixels = zlib.inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  return [...pixels.subarray(1, 5)];
}

function expectRealPng(chart: RenderedChart): void {
  expect(chart.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(ihdrSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
  expect(chunks(chart.png).at(-1)?.type).toBe('IEND');
}

describe('ChartsService', () => {
  let service: ChartsService;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    // Draws in the render pool's worker threads when dist/ is built, else in this thread (see RenderPool).
    moduleRef = await Test.createTestingModule({ imports: [ChartsModule] }).compile();
    service = moduleRef.get(ChartsService);
  });

  afterAll(() => moduleRef.close());

  it('renders the charts of the fixture, in order, as real PNGs of the stated size', async () => {
    const charts = await service.render(withTrend(withReliability(son2017T1())));
    // The 32 charted indicators run over six pages: four on the common axis, two of small shares.
    expect(charts.map((c) => [c.kind, c.part, c.parts])).toEqual([
      ['goal-fulfilment', 1, 1],
      ['indicators', 1, 6],
      ['indicators', 2, 6],
      ['indicators', 3, 6],
      ['indicators', 4, 6],
      ['indicators', 5, 6],
      ['indicators', 6, 6],
      ['budget-per-area', 1, 1],
      ['consumption', 1, 1],
      ['forecast-series', 1, 1],
      ['forecast-accuracy', 1, 1],
      ['indicator-trend', 1, 1],
    ]);
    for (const chart of charts) {
      expectRealPng(chart);
      expect(chart.width).toBe(1600);
      expect(chart.height).toBeGreaterThan(400);
      // A chart with bars, labels and a legend; an empty canvas compresses to a few kB.
      expect(chart.png.length).toBeGreaterThan(20_000);
    }
  });

  it.each(CHART_KINDS.map((kind) => [kind]))('%s has a white, opaque background', async (kind: ChartKind) => {
    const chart = await service.renderOne(son2017T1(), kind);
    expect(topLeftPixel(chart.png)).toEqual([255, 255, 255, 255]);
  });

  it('draws with the typeface shipped with the product, not whatever the server has', () => {
    expect(GlobalFonts.has(CHART_FONT_FAMILY)).toBe(true);
  });

  it('renders only the kinds asked for, with their Swedish titles', async () => {
    const charts = await service.render(son2017T1(), ['consumption', 'goal-fulfilment']);
    expect(charts.map((c) => [c.kind, c.title])).toEqual([
      ['consumption', 'Förbrukning per kontogrupp'],
      ['goal-fulfilment', 'Måluppfyllelse'],
    ]);
  });

  it('renders any page of the indicator chart at its own size', async () => {
    const [first, last] = await Promise.all([service.renderOne(son2017T1(), 'indicators', 1), service.renderOne(son2017T1(), 'indicators', 4)]);
    expect([first.part, last.part, last.parts]).toEqual([1, 4, 6]);
    expect(first.height).toBeGreaterThan(last.height);
    expectRealPng(first);
    expectRealPng(last);
  });

  it('renders a chart that says so, rather than failing, when there is nothing to show', async () => {
    const empty = son2017T1();
    empty.goals = [];
    empty.budget.operatingAreaTable.rows = [];
    for (const row of [...empty.budget.accountTable.revenues, ...empty.budget.accountTable.costs]) row.consumption = null;
    for (const row of [empty.budget.accountTable.revenueSum, empty.budget.accountTable.costSum, empty.budget.accountTable.net]) {
      row.consumption = null;
    }
    const charts = await service.render(empty);
    expect(charts).toHaveLength(7);
    for (const chart of charts) {
      expectRealPng(chart);
      expect(chart.png.length).toBeGreaterThan(5_000);
    }
  });
});

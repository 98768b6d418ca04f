import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Requires } from '../auth/permission.decorator';
import { parsePeriod, YearPipe } from '../common/params';

/**
 * The benchmark's floors inside the product (issue 11), present only when the server is
 * started with BENCH_FLOOR_ROUTES=1 by `npm run bench`: the same work as an outcome
 * correction or a period read, done as bare statements through the same app, its guard and
 * its connection pool, so the difference to the product's route is the product's own cost.
 * Administrators only.
 */
@ApiExcludeController()
@Controller('api/bench/floor')
export class BenchFloorController {
  constructor(private readonly dataSource: DataSource) {}

  /** The single UPDATE of an outcome correction, nothing else. */
  @Patch('indicator-results/:id')
  @Requires('admin')
  async correct(@Param('id') id: string, @Body() body: { outcome?: number }): Promise<{ version: number }> {
    const rows = await this.dataSource.query('UPDATE indicator_result SET outcome = $1, version = version + 1 WHERE id = $2 RETURNING version', [body.outcome ?? null, Number(id)]);
    return { version: rows[0]?.[0]?.version ?? rows[0]?.version ?? 0 };
  }

  /** The rows of one board's period as plain SELECTs, nothing computed. */
  @Get('periods/:board/:year/:period')
  @Requires('admin')
  async period(@Param('board') board: string, @Param('year', YearPipe) year: number, @Param('period') periodText: string) {
    const period = parsePeriod(periodText);
    const [ref] = await this.dataSource.query(
      `SELECT p.id AS period_id, y.id AS plan_year_id FROM followup_period p JOIN plan_year y ON y.id = p.plan_year_id JOIN board b ON b.id = y.board_id
        WHERE upper(b.code) = upper($1) AND y.year = $2 AND p.period = $3`,
      [board, year, period],
    );
    if (!ref) return { rows: 0 };
    const q = (sql: string, id: number) => this.dataSource.query(sql, [id]);
    const results = [
      await q('SELECT * FROM goal WHERE plan_year_id = $1', ref.plan_year_id),
      await q('SELECT * FROM indicator WHERE plan_year_id = $1', ref.plan_year_id),
      await q('SELECT * FROM activity WHERE plan_year_id = $1', ref.plan_year_id),
      await q('SELECT * FROM operating_area WHERE plan_year_id = $1', ref.plan_year_id),
      await q('SELECT * FROM account_group WHERE plan_year_id = $1', ref.plan_year_id),
      await q('SELECT * FROM indicator_result WHERE followup_period_id = $1', ref.period_id),
      await q('SELECT * FROM goal_assessment WHERE followup_period_id = $1', ref.period_id),
      await q('SELECT * FROM activity_result WHERE followup_period_id = $1', ref.period_id),
      await q('SELECT * FROM operating_area_result WHERE followup_period_id = $1', ref.period_id),
      await q('SELECT * FROM account_group_result WHERE followup_period_id = $1', ref.period_id),
      await q('SELECT * FROM period_text WHERE followup_period_id = $1', ref.period_id),
    ];
    return { rows: results.reduce((n, r) => n + r.length, 0), results };
  }
}

import { applyDecorators, createParamDecorator, ExecutionContext, Injectable, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { Request } from 'express';
import { DomainError } from './domain-error';
import { isPeriod, Period, PERIODS, PERIODS_TEXT } from './period';

/** The year in a URL, e.g. /api/boards/SON/years/2017: four digits, or a Swedish 400. */
export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) {
    throw DomainError.invalid(`"${value}" är inget år. Ange året med fyra siffror, till exempel 2017.`, [
      { path: 'year', message: 'Måste vara ett år med fyra siffror.' },
    ]);
  }
  return Number(value);
}

/** The period in a URL: T1, T2, VB or M01–M12 (small letters accepted), or a Swedish 400. */
export function parsePeriod(value: string): Period {
  const period = value.toUpperCase();
  if (!isPeriod(period)) {
    throw DomainError.invalid(`"${value}" är ingen period. Ange ${PERIODS_TEXT}.`, [
      { path: 'period', message: `Måste vara ett av ${PERIODS_TEXT}.` },
    ]);
  }
  return period;
}

@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    return parseYear(value);
  }
}

/** Which report a URL is about: /api/boards/{board}/years/{year}/periods/{period}/… */
export interface PeriodAddress {
  board: string;
  year: number;
  period: Period;
}

/** Reads and checks the board, year and period of the route, as one PeriodAddress. */
export const PeriodAddressParam = createParamDecorator((_: unknown, context: ExecutionContext): PeriodAddress => {
  const params = context.switchToHttp().getRequest<Request>().params as Record<string, string>;
  return { board: params.board, year: parseYear(params.year), period: parsePeriod(params.period) };
});

/** Describes the board, year and period of the route in the OpenAPI description. */
export function ApiPeriodAddress() {
  return applyDecorators(
    ApiParam({ name: 'board', description: 'Nämndens kod, t.ex. SON', example: 'SON' }),
    ApiParam({ name: 'year', description: 'År', example: 2017 }),
    ApiParam({ name: 'period', enum: PERIODS, description: 'T1, T2, VB eller M01–M12 (månadsrapport)' }),
  );
}

import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from './domain-error';
import { isPeriod, Period, PERIODS } from './period';

/** The year in a URL, e.g. /api/boards/SON/years/2017. */
@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = Number(value);
    if (!/^\d{4}$/.test(value) || !Number.isInteger(year)) {
      throw DomainError.invalid(`"${value}" är inget år. Ange året med fyra siffror, till exempel 2017.`, [
        { path: 'year', message: 'Måste vara ett år med fyra siffror.' },
      ]);
    }
    return year;
  }
}

/** The period in a URL: T1, T2 or VB (small letters accepted). */
@Injectable()
export class PeriodPipe implements PipeTransform<string, Period> {
  transform(value: string): Period {
    const period = value.toUpperCase();
    if (!isPeriod(period)) {
      throw DomainError.invalid(`"${value}" är ingen period. Ange ${PERIODS.join(', ')}.`, [
        { path: 'period', message: `Måste vara ett av ${PERIODS.join(', ')}.` },
      ]);
    }
    return period;
  }
}

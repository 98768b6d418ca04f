import { Module } from '@nestjs/common';
import { BenchFloorController } from './bench-floor.controller';

/** The benchmark's floor routes; AppModule includes it only with BENCH_FLOOR_ROUTES=1. */
@Module({ controllers: [BenchFloorController] })
export class BenchFloorModule {}

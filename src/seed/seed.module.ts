import { Module } from '@nestjs/common';
import { BoardsModule } from '../boards/boards.module';
import { ImportModule } from '../import/import.module';
import { SeedService } from './seed.service';

/** Loading the demo data in seeds/. */
@Module({ imports: [ImportModule, BoardsModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}

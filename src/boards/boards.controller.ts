import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPeriodAddress, PeriodAddress, PeriodAddressParam, YearPipe } from '../common/params';
import { BoardsService } from './boards.service';

@ApiTags('Nämnder och år')
@Controller('api/boards')
export class BoardsController {
  constructor(private readonly boards: BoardsService) {}

  @Get()
  @ApiOperation({ summary: 'Alla nämnder med sina planår och periodernas status (låst eller öppen)' })
  list() {
    return this.boards.list();
  }

  @Get(':board/years/:year')
  @ApiOperation({ summary: 'En nämnds planår med periodernas status' })
  year(@Param('board') board: string, @Param('year', YearPipe) year: number) {
    return this.boards.getYear(board, year);
  }

  @Post(':board/years/:year/periods/:period/lock')
  @HttpCode(200)
  @ApiPeriodAddress()
  @ApiOperation({ summary: 'Lås perioden när nämnden har beslutat rapporten; därefter kan inget ändras' })
  lock(@PeriodAddressParam() at: PeriodAddress) {
    return this.boards.setLocked(at.board, at.year, at.period, true);
  }

  @Delete(':board/years/:year/periods/:period/lock')
  @ApiPeriodAddress()
  @ApiOperation({ summary: 'Lås upp perioden för rättelser' })
  unlock(@PeriodAddressParam() at: PeriodAddress) {
    return this.boards.setLocked(at.board, at.year, at.period, false);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor } from '../audit/audit-actor';
import { ApiActor, CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { ApiPeriodAddress, PeriodAddress, PeriodAddressParam, YearPipe } from '../common/params';
import { BoardsService } from './boards.service';
import { ReopenDto } from './dto/reopen.dto';

@ApiTags('Nämnder, år och periodernas arbetsflöde')
@ApiBearerAuth()
@Controller('api/boards')
export class BoardsController {
  constructor(private readonly boards: BoardsService) {}

  @Get()
  @Requires('signedIn')
  @ApiOperation({ summary: 'De nämnder du har en roll i, med planår och varje periods status' })
  async list(@CurrentPrincipal() principal: Principal) {
    const visible = principal.visibleBoards();
    const boards = await this.boards.list();
    return visible === null ? boards : boards.filter((b) => visible.has(b.code.toUpperCase()));
  }

  @Get(':board/years/:year')
  @Requires('read')
  @ApiOperation({ summary: 'En nämnds planår med periodernas status' })
  year(@Param('board') board: string, @Param('year', YearPipe) year: number) {
    return this.boards.getYear(board, year);
  }

  @Post(':board/years/:year/periods/:period')
  @Requires('write')
  @ApiPeriodAddress()
  @ApiOperation({ summary: 'Skapa perioden (öppen och tom) så att uppgifter kan registreras; 201 när den skapas, 200 om den fanns' })
  async create(@PeriodAddressParam() at: PeriodAddress, @ApiActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const result = await this.boards.createPeriod(at.board, at.year, at.period, actor);
    res.status(result.created ? 201 : 200);
    return result.period;
  }

  @Post(':board/years/:year/periods/:period/submit')
  @Requires('submit')
  @HttpCode(200)
  @ApiPeriodAddress()
  @ApiOperation({ summary: 'Lämna in perioden för godkännande (öppen → inlämnad)' })
  submit(@PeriodAddressParam() at: PeriodAddress, @ApiActor() actor: Actor) {
    return this.boards.transition(at.board, at.year, at.period, 'submit', actor);
  }

  @Post(':board/years/:year/periods/:period/approve')
  @Requires('approve')
  @HttpCode(200)
  @ApiPeriodAddress()
  @ApiOperation({ summary: 'Godkänn perioden: därefter avvisas varje ändring (409) tills en administratör öppnar den igen' })
  approve(@PeriodAddressParam() at: PeriodAddress, @ApiActor() actor: Actor) {
    return this.boards.transition(at.board, at.year, at.period, 'approve', actor);
  }

  @Post(':board/years/:year/periods/:period/reopen')
  @Requires('admin')
  @HttpCode(200)
  @ApiPeriodAddress()
  @ApiOperation({ summary: 'Öppna perioden igen (administratör); skälet krävs och sparas i ändringsloggen' })
  reopen(@PeriodAddressParam() at: PeriodAddress, @ApiActor() actor: Actor, @Body() body: ReopenDto) {
    return this.boards.transition(at.board, at.year, at.period, 'reopen', actor, body.reason);
  }

  @Post(':board/years/:year/periods/:period/lock')
  @Requires('approve')
  @HttpCode(200)
  @ApiPeriodAddress()
  @ApiOperation({ summary: 'Lås perioden: samma som att godkänna den' })
  lock(@PeriodAddressParam() at: PeriodAddress, @ApiActor() actor: Actor) {
    return this.boards.transition(at.board, at.year, at.period, 'approve', actor);
  }

  @Delete(':board/years/:year/periods/:period/lock')
  @Requires('admin')
  @ApiPeriodAddress()
  @ApiOperation({ summary: 'Lås upp perioden: samma som att öppna den igen, med { "reason": "..." }' })
  unlock(@PeriodAddressParam() at: PeriodAddress, @ApiActor() actor: Actor, @Body() body: ReopenDto) {
    return this.boards.transition(at.board, at.year, at.period, 'reopen', actor, body.reason);
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires } from '../auth/permission.decorator';
import { Principal } from '../auth/principal';
import { ImportService } from './import.service';

@ApiTags('Import')
@Controller('api/import')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  /** The body is read as text (see main setup), so that malformed JSON gets the import's own message. */
  @Post()
  @HttpCode(200)
  // Signed in here; which board the document concerns is only known from its body, so the
  // import itself checks the role: a plan needs an administrator, a follow-up write on its board.
  @Requires('signedIn')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Importera en plan eller en periods uppföljning (importformat v1)',
    description:
      'Hela dokumentet sparas i en transaktion, eller ingenting. Vid fel svarar tjänsten 400 med alla fel, ' +
      'vart och ett med fältets sökväg och ett meddelande på svenska. Samma dokument två gånger ändrar ingenting.',
  })
  @ApiConsumes('application/json')
  @ApiBody({ description: 'Ett dokument av typen "plan" eller "followup"', schema: { type: 'object' } })
  async import(@Body() body: string, @CurrentPrincipal() principal: Principal) {
    const text = typeof body === 'string' ? body : '';
    const summary = await this.imports.importText(text, { username: principal.username, source: 'import' }, principal);
    return summary;
  }
}

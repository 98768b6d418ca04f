import { ApiProperty } from '@nestjs/swagger';
import { NameField } from '../../common/validation-decorators';

/** POST …/reopen: why an approved (or submitted) period is opened again; kept in the audit trail. */
export class ReopenDto {
  @ApiProperty({ example: 'Rättelse av prognosen för Barn och ungdom efter nämndens beslut' })
  @NameField(2000)
  reason: string;
}

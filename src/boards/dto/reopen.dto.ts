import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SV } from '../../common/validation';

/** POST …/reopen: why an approved (or submitted) period is opened again; kept in the audit trail. */
export class ReopenDto {
  @ApiProperty({ example: 'Rättelse av prognosen för Barn och ungdom efter nämndens beslut' })
  @IsDefined({ message: SV.required })
  @IsString({ message: SV.text })
  @IsNotEmpty({ message: SV.notEmpty })
  @MaxLength(2000, { message: SV.maxLength(2000) })
  reason: string;
}

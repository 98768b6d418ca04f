import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REPORT_FORMATS, ReportFormat } from '../report-job.entity';

/** POST /api/years/{year}/periods/{period}/report-jobs: which files, and optionally which boards (default every board one may read). */
export class CreateReportJobDto {
  @ApiProperty({ enum: REPORT_FORMATS, isArray: true, example: ['xlsx', 'docx'] })
  @IsArray({ message: 'formats ska vara en lista, t.ex. ["xlsx", "docx"].' })
  @ArrayMinSize(1, { message: 'formats ska ha minst ett format: xlsx eller docx.' })
  @ArrayUnique({ message: 'formats får inte ha samma format två gånger.' })
  @IsIn(REPORT_FORMATS, { each: true, message: 'formats får bara innehålla xlsx och docx.' })
  formats: ReportFormat[];

  @ApiPropertyOptional({ type: [String], example: ['SON', 'ÄLN'], description: 'Nämndernas koder; utan listan alla nämnder du kan läsa som har perioden.' })
  @IsOptional()
  @IsArray({ message: 'boards ska vara en lista med nämndkoder.' })
  @ArrayMaxSize(1000, { message: 'boards får ha högst 1000 nämnder.' })
  @ArrayUnique({ message: 'boards får inte nämna samma nämnd två gånger.' })
  @IsString({ each: true, message: 'boards ska vara nämndkoder (text).' })
  @MaxLength(50, { each: true, message: 'En nämndkod i boards är för lång (högst 50 tecken).' })
  boards?: string[];
}

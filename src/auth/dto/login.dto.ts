import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SV } from '../../common/validation';

/** POST /api/auth/login. */
export class LoginDto {
  @ApiProperty({ example: 'anna.controller' })
  @IsDefined({ message: SV.required })
  @IsString({ message: SV.text })
  @IsNotEmpty({ message: SV.notEmpty })
  @MaxLength(100, { message: SV.maxLength(100) })
  username: string;

  @ApiProperty({ format: 'password' })
  @IsDefined({ message: SV.required })
  @IsString({ message: SV.text })
  @IsNotEmpty({ message: SV.notEmpty })
  @MaxLength(1000, { message: SV.maxLength(1000) })
  password: string;
}

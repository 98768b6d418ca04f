import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SV } from '../../common/validation';

function RequiredText(maxLength: number) {
  return applyDecorators(
    IsDefined({ message: SV.required }),
    IsString({ message: SV.text }),
    IsNotEmpty({ message: SV.notEmpty }),
    MaxLength(maxLength, { message: SV.maxLength(maxLength) }),
  );
}

/** POST /api/auth/login. */
export class LoginDto {
  @ApiProperty({ example: 'anna.controller' })
  @RequiredText(100)
  username: string;

  @ApiProperty({ format: 'password' })
  @RequiredText(1000)
  password: string;

  /** For the web pages: keep the sign-in in an HttpOnly session cookie (with a CSRF token) instead of answering the token. */
  @ApiProperty({ required: false, default: false })
  @IsOptional()
  @IsBoolean({ message: SV.boolean })
  cookie?: boolean;
}

import { Module } from '@nestjs/common';
import { RenderPool } from './render-pool';

/** The worker threads that draw charts and write report files off the server's event loop. */
@Module({ providers: [RenderPool], exports: [RenderPool] })
export class RenderingModule {}

import { Module } from '@nestjs/common';
import { BoardsModule } from '../boards/boards.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit trail's reading side; rows are written by syncRows and the workflow, in their own transactions. */
@Module({
  imports: [BoardsModule],
  controllers: [AuditController],
  providers: [AuditService],
})
export class AuditModule {}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One finished file of a run: a board's workbook or Word document, kept until the run is removed. */
@Entity('report_job_file')
@Index(['jobId'])
export class ReportJobFile {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  jobId: string;

  @Column({ type: 'varchar', length: 50 })
  boardCode: string;

  @Column({ type: 'varchar', length: 4 })
  format: string;

  /** The Swedish file name, e.g. "Tertialrapport 1 2017 – Socialnämnden.xlsx". */
  @Column({ type: 'varchar', length: 300 })
  fileName: string;

  @Column({ type: 'varchar', length: 200 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;
}

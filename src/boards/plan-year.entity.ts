import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Board } from './board.entity';

/** One board's verksamhetsplan for one year: the root of that year's goal tree and budget. */
@Entity('plan_year')
@Unique(['boardId', 'year'])
export class PlanYear {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => Board, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn()
  board: Board;

  @Column()
  boardId: number;

  @Column({ type: 'int' })
  year: number;

  /** The board's municipality in Kolada (e.g. "0180", Stockholm), for `import-kolada`. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  koladaMunicipality: string | null;

  /** Or the board's organisational unit in Kolada (e.g. "V15E144001301"). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  koladaOu: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

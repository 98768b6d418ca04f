import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A nämnd (board) of the city, such as Socialnämnden (SON). */
@Entity('board')
export class Board {
  @PrimaryGeneratedColumn()
  id: number;

  /** Short code that documents and commands use, e.g. "SON". */
  @Column({ type: 'varchar', length: 50, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;
}

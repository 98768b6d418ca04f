import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { ReportTexts1763990000000 } from './1763990000000-report-texts';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [InitialSchema1763900000000, ReportTexts1763990000000];

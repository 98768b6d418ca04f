/** Units that a document's amounts may be written in; every amount in one document uses the same. */
export const AMOUNT_UNITS = ['mnkr', 'tkr'] as const;

import { describeDatabaseError } from './database-errors';

describe('describeDatabaseError (the driver\'s English, in Swedish)', () => {
  it.each([
    [{ code: '3D000', message: 'database "x" does not exist' }, 'databasen finns inte'],
    [{ code: '28P01', message: 'password authentication failed' }, 'inloggningen nekades (fel användare eller lösenord)'],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'databasservern svarar inte (anslutningen nekades)'],
    [{ code: '40P01', message: 'deadlock detected' }, 'krock med en annan samtidig ändring (låsning); försök igen'],
    [{ message: 'Connection terminated unexpectedly' }, 'förbindelsen med databasen bröts'],
    [{ message: 'Client has encountered a connection error and is not queryable' }, 'förbindelsen med databasen bröts'],
    [{ code: '25P03', message: 'Transaktionen var öppen längre än 30 s.' }, 'Transaktionen var öppen längre än 30 s.'],
    [{ code: '22P02', message: 'invalid input syntax' }, 'databasen svarade med fel 22P02'],
    [Object.assign(new Error('Query runner already released.'), { name: 'QueryRunnerAlreadyReleasedError' }),
      'förbindelsen med databasen bröts mitt i transaktionen (till exempel för att den varade längre än TRANSACTION_TIMEOUT)'],
    [new Error('something else'), null],
    [null, null],
  ])('%j', (error, expected) => {
    expect(describeDatabaseError(error)).toBe(expected);
  });
});

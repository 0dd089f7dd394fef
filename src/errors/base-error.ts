/** Root of every error joinery throws; `name` values match Sequelize's so `err.name === 'Sequelize…'` checks keep working. */
export class BaseError extends Error {
  constructor(message?: string) {
    // Always an own (non-enumerable) message, as Error gives one: a message set later stays out of JSON.stringify.
    super(message ?? '');
    this.name = 'SequelizeBaseError';
  }
}

/** Root of every error joinery throws; `name` values match Sequelize's so `err.name === 'Sequelize…'` checks keep working. */
export class BaseError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = 'SequelizeBaseError';
  }
}

import type { Sequelize } from '../sequelize.js';
import type { DataTypeLike } from '../types/attributes.js';
import type { Model, ModelStatic } from '../model/model.js';

/**
 * The table recording which migrations (or seeders) have run: one `name` column holding the file name,
 * as sequelize-cli's umzug storage keeps it, so a project switching from sequelize-cli keeps its history.
 */
export class MigrationStorage {
  private readonly model: ModelStatic<Model>;
  private ensured = false;

  constructor(sequelize: Sequelize, readonly tableName: string, schema: string | undefined, stringType: unknown) {
    this.model = sequelize.define(
      tableName,
      // The library's own STRING (joinery's or an app's sequelize), as sequelize-cli uses the app's.
      { name: { type: stringType as DataTypeLike, allowNull: false, unique: true, primaryKey: true } },
      { tableName, timestamps: false, ...(schema ? { schema } : {}) },
    );
  }

  private async ensureTable(): Promise<void> {
    if (this.ensured) return;
    await this.model.sync({ logging: false });
    this.ensured = true;
  }

  /** Names of the files run so far, in name order (the order sequelize-cli undoes them in, last first). */
  async executed(): Promise<string[]> {
    await this.ensureTable();
    const rows = (await this.model.findAll({ attributes: ['name'], order: [['name', 'ASC']], raw: true })) as unknown as Array<{ name: string }>;
    return rows.map((row) => row.name);
  }

  async record(name: string): Promise<void> {
    await this.ensureTable();
    await this.model.create({ name });
  }

  async forget(name: string): Promise<void> {
    await this.ensureTable();
    await this.model.destroy({ where: { name } });
  }
}

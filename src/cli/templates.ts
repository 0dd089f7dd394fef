/** The skeletons `migration:generate`, `seed:generate` and `init` write. */

export function migrationTemplate(): string {
  return `'use strict';

/** A migration: up applies the change, down undoes it. Sequelize carries the data types (Sequelize.STRING …). */
module.exports = {
  async up(queryInterface, Sequelize) {
    // e.g. await queryInterface.createTable('users', {
    //   id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    //   name: { type: Sequelize.STRING, allowNull: false },
    // });
  },

  async down(queryInterface, Sequelize) {
    // e.g. await queryInterface.dropTable('users');
  },
};
`;
}

export function seederTemplate(): string {
  return `'use strict';

/** A seeder: up inserts rows, down removes them. */
module.exports = {
  async up(queryInterface, Sequelize) {
    // e.g. await queryInterface.bulkInsert('users', [{ name: 'Cody', createdAt: new Date(), updatedAt: new Date() }]);
  },

  async down(queryInterface, Sequelize) {
    // e.g. await queryInterface.bulkDelete('users', { name: 'Cody' });
  },
};
`;
}

export function configTemplate(): string {
  const config = {
    development: { dialect: 'sqlite', storage: './database.sqlite' },
    test: { dialect: 'sqlite', storage: './database.test.sqlite' },
    production: { use_env_variable: 'DATABASE_URL' },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Loads every model file of the folder (each exporting `(sequelize, DataTypes) => Model`) and wires associations. */
export function modelsIndexTemplate(configPathFromModels: string): string {
  return `'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Sequelize = require('joinery');

const env = process.env.NODE_ENV || 'development';
const config = require(${JSON.stringify(configPathFromModels)})[env];
const sequelize = config.use_env_variable
  ? new Sequelize(process.env[config.use_env_variable], config)
  : config.url ? new Sequelize(config.url, config) : new Sequelize(config);

const db = {};
for (const file of fs.readdirSync(__dirname)) {
  if (file === path.basename(__filename) || !/\\.c?js$/.test(file) || file.endsWith('.test.js')) continue;
  const model = require(path.join(__dirname, file))(sequelize, Sequelize.DataTypes);
  db[model.name] = model;
}
for (const model of Object.values(db)) {
  if (typeof model.associate === 'function') model.associate(db);
}

db.sequelize = sequelize;
db.Sequelize = Sequelize;
module.exports = db;
`;
}

import type { ModelClass } from './model-internals.js';

/** The models of one Sequelize instance, and the order their tables can be created in. */
export class ModelManager {
  constructor(private readonly registry: () => Record<string, ModelClass>) {}

  addModel(model: ModelClass): void {
    this.registry()[model.name] = model;
  }

  removeModel(model: ModelClass): void {
    delete this.registry()[model.name];
  }

  getModel(name: string): ModelClass | undefined {
    return this.registry()[name];
  }

  all(): ModelClass[] {
    return Object.values(this.registry());
  }

  /** Referenced tables first (a depth-first topological sort; cycles are broken where they close). */
  inCreationOrder(): ModelClass[] {
    const models = this.all();
    const byTable = new Map(models.map((model) => [model.definition.tableName, model]));
    const ordered: ModelClass[] = [];
    const state = new Map<ModelClass, 'visiting' | 'done'>();
    const visit = (model: ModelClass): void => {
      if (state.get(model)) return;
      state.set(model, 'visiting');
      for (const attribute of Object.values(model.definition.attributes)) {
        const reference = attribute.references?.model;
        const tableName = typeof reference === 'string' ? reference : reference && typeof reference.getTableName === 'function' ? String(reference.getTableName()) : undefined;
        const dependency = tableName ? byTable.get(tableName) : undefined;
        if (dependency && dependency !== model) visit(dependency);
      }
      state.set(model, 'done');
      ordered.push(model);
    };
    for (const model of models) visit(model);
    return ordered;
  }
}

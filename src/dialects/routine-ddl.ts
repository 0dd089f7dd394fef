/** A function parameter as v6's createFunction takes it: `{ type, name?, direction? }`. */
export interface FunctionParam {
  readonly type: string;
  readonly name?: string;
  readonly direction?: string;
}

/** Which events fire a trigger: `{ insert: true, update: ['col'], delete: true, truncate: true }`. */
export type TriggerSpec = Readonly<Record<string, boolean | readonly string[]>>;

/** Functions and triggers (`queryInterface.createFunction` …), where the dialect has them as v6 writes them. */
export interface RoutineDdl {
  createFunction(spec: { functionName: string; params: readonly FunctionParam[]; returnType: string; language: string; body: string; optionsArray: readonly string[]; force: boolean; variables: readonly { name: string; type: string; default?: string }[] }): string;
  dropFunction(functionName: string, params: readonly FunctionParam[]): string;
  renameFunction(oldName: string, params: readonly FunctionParam[], newName: string): string;
  createTrigger(quotedTable: string, spec: { triggerName: string; timingType: string; fireOnSpec: TriggerSpec; functionName: string; functionParams: readonly FunctionParam[]; optionsArray: readonly string[] }): string;
  dropTrigger(quotedTable: string, triggerName: string): string;
  renameTrigger(quotedTable: string, oldName: string, newName: string): string;
}

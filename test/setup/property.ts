import fc from 'fast-check';

/** How many cases each property runs: `JOINERY_PROPERTY_RUNS` raises it for a deeper search. */
export const propertyRuns = Number(process.env['JOINERY_PROPERTY_RUNS'] ?? 25);

// CI replays one fixed search so a landing is never decided by chance; elsewhere each run explores anew.
// `JOINERY_PROPERTY_SEED` replays the seed a failure printed.
const seed = process.env['JOINERY_PROPERTY_SEED'] ?? (process.env['CI'] ? '20261201' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });

export { fc };

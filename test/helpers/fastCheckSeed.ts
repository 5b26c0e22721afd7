// Seeds every fast-check property of a run. Locally the seed is random (each run explores new
// cases, and a failure prints its seed and path to replay); in CI (CI=true) it is fixed, so a
// landing run is reproducible and cannot fail on a case no developer has seen. FC_SEED=<n>
// replays or pins a seed anywhere.
import fc from 'fast-check';

const pinned = process.env.FC_SEED ?? (process.env.CI === 'true' ? '20261202' : undefined);
if (pinned !== undefined) {
  const seed = Number(pinned);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be a whole number, got ${JSON.stringify(pinned)}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}

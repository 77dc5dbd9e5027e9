export { type AppDependencies, createApp } from './create-app.js';
export {
  createFhirRouter,
  type FhirRouterDependencies,
  type FhirToolOutcome,
} from './fhir/create-fhir-router.js';
export type { ReadinessCheck, ReadinessProbe } from './readiness.js';

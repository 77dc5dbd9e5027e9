export { type AppDependencies, createApp } from './create-app.js';
export type { ReadinessCheck, ReadinessProbe } from './readiness.js';

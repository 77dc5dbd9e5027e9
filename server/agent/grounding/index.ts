export { checkGrounding } from './check-grounding.js';
export type {
  ClaimKind,
  GroundingEvidence,
  GroundingVerdict,
  KnownEntities,
  UngroundedClaim,
} from './grounding-verdict.js';

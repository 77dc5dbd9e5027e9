import type { SemanticLayer } from '../../semantic-layer/index.js';
import { type GovernancePolicy, tableAccessFor, type WarehouseCatalog } from '../governance/index.js';
import type { TableDocumentation } from '../tools/table-documentation.js';
import { metricDocuments } from './metric-documents.js';
import { roleDocuments } from './role-documents.js';
import type { SourceDocument } from './source-document.js';
import { tableDocuments } from './table-documents.js';

/**
 * The documents Hale writes about itself, regenerated from their sources at every start so they
 * never drift: one per metric, one per table (per access variant) and one per role. Ingesting them
 * as one collection updates what changed and removes what disappeared.
 */
export function generatedDocuments({
  layer,
  policy,
  catalog,
  documentation,
}: {
  layer: SemanticLayer;
  policy: GovernancePolicy;
  catalog: WarehouseCatalog;
  documentation: TableDocumentation;
}): SourceDocument[] {
  // A metric's definition is readable by the roles that may query every table it reads.
  const rolesOfRelations = (relations: readonly string[]) =>
    [...policy.roles.keys()].filter((role) =>
      relations.every((relation) => {
        const table = catalog.tables.get(relation);
        return (
          table !== undefined &&
          tableAccessFor(policy, { user: '', role, attributes: {} }, table).access !== 'none'
        );
      }),
    );
  const metrics = metricDocuments(layer, rolesOfRelations).filter(
    (document) => document.allowedRoles.length > 0,
  );
  return [
    ...metrics,
    ...tableDocuments({ catalog, policy, documentation }),
    ...roleDocuments({ catalog, policy }),
  ];
}

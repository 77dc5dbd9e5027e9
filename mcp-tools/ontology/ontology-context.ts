import type { ToolContext } from '../tools/tool-definition.js';

/** What an ontology operation needs: who asks (for the gate), through which channel, and the ports. */
export type OntologyContext = Pick<ToolContext, 'principal' | 'channel' | 'signal' | 'ports'>;

import type { GroundingVerdict } from '../api/hale-types.js';
import { splitClaims } from './split-claims.js';

interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
  data?: { hName?: string; hProperties?: Record<string, unknown> };
}

// Text inside these is not a claim Hale makes in prose (or cannot hold marks).
const skipped = new Set(['link', 'inlineCode', 'code', 'html']);

function claimNodes(
  text: string,
  options: { ungrounded: GroundingVerdict['ungrounded']; markNumbers: boolean },
): MarkdownNode[] {
  return splitClaims(text, options).map((segment): MarkdownNode => {
    if (segment.kind === 'plain') return { type: 'text', value: segment.text };
    if (segment.kind === 'verified')
      return {
        type: 'claim',
        data: {
          hName: 'span',
          hProperties: { className: ['claim-verified'], title: 'Checked against the query results' },
        },
        children: [{ type: 'text', value: segment.text }],
      };
    return {
      type: 'claim',
      data: { hName: 'mark', hProperties: { className: ['claim-ungrounded'], title: segment.reason } },
      children: [
        { type: 'text', value: segment.text },
        {
          type: 'claim-reason',
          data: { hName: 'span', hProperties: { className: ['visually-hidden'] } },
          children: [{ type: 'text', value: ` (not verified: ${segment.reason})` }],
        },
      ],
    };
  });
}

/**
 * A remark plugin that marks the answer's claims: numbers the grounding check verified, and the
 * claims it could not verify with the reason (a title, and words for screen readers).
 */
export function remarkClaims(grounding: GroundingVerdict | undefined) {
  return () => (tree: MarkdownNode) => {
    if (!grounding) return;
    const options = { ungrounded: grounding.ungrounded, markNumbers: grounding.checkedClaims > 0 };
    const visit = (node: MarkdownNode) => {
      if (!node.children || skipped.has(node.type)) return;
      node.children = node.children.flatMap((child) => {
        if (child.type === 'text' && child.value) return claimNodes(child.value, options);
        visit(child);
        return [child];
      });
    };
    visit(tree);
  };
}

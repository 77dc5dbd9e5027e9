import { memo, useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { GroundingVerdict } from '../api/hale-types.js';
import { remarkClaims } from './remark-claims.js';

const components: Components = {
  // Links from a model open elsewhere and never carry the page's context.
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
  // Headings inside an answer stay below the page's own.
  h1: ({ node: _node, ...props }) => <h3 {...props} />,
  h2: ({ node: _node, ...props }) => <h3 {...props} />,
};

/**
 * The answer as markdown. Raw HTML from the model is never rendered (no rehype-raw: react-markdown
 * drops it), and link URLs go through react-markdown's safe-protocol filter.
 */
export const AnswerMarkdown = memo(function AnswerMarkdown({
  text,
  grounding,
}: {
  text: string;
  grounding: GroundingVerdict | undefined;
}) {
  const plugins = useMemo(() => [remarkGfm, remarkClaims(grounding)], [grounding]);
  if (!text) return null;
  return (
    <div className="answer-text">
      <Markdown remarkPlugins={plugins} skipHtml components={components}>
        {text}
      </Markdown>
    </div>
  );
});

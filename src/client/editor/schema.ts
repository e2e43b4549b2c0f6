import { Mark, Node, type Extensions } from '@tiptap/core';
import Blockquote from '@tiptap/extension-blockquote';
import Heading from '@tiptap/extension-heading';
import { ListItem } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { hrefProblem } from '../../domain/body/parse-body.js';
import { formatExtensions } from './format-nodes.js';

/**
 * The editor's schema: exactly the nodes and marks of src/domain/body/editor-document.ts, so
 * what can be typed can be saved. Everything renders with classes and data attributes only
 * (no style attributes: the CSP allows no inline style).
 */

/** Card templates ("Media: {label}") from the page, in its language. */
export interface CardTexts {
  readonly media: string;
  readonly profile: string;
  readonly related: string;
  readonly embed: string;
  readonly gallery: string;
}

/** Every heading level pasted from a document or a web page becomes a subheading (the body's one level), not a paragraph. */
const Subheading = Heading.extend({
  marks: '',
  parseHTML: () => [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level: 2 } })),
}).configure({ levels: [2] });

/** A quote is one paragraph, with who said it. */
const Quote = Blockquote.extend({
  content: 'paragraph',
  addAttributes() {
    return {
      attribution: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-attribution'),
        renderHTML: (attributes: Record<string, unknown>) =>
          typeof attributes.attribution === 'string' && attributes.attribution ? { 'data-attribution': attributes.attribution } : {},
      },
    };
  },
});

/** A list item is one paragraph: no nested lists in a story body. */
const Item = ListItem.extend({ content: 'paragraph' });

/** An inline link to a profile page: plain text, no other mark with it. */
const ProfileLink = Mark.create({
  name: 'profileLink',
  inclusive: false,
  excludes: '_',
  addAttributes() {
    return {
      profileId: {
        default: null,
        parseHTML: (element: HTMLElement) => Number(element.getAttribute('data-profile-id')) || null,
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-profile-id': String(attributes.profileId) }),
      },
    };
  },
  parseHTML: () => [{ tag: 'span[data-profile-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', { ...HTMLAttributes, class: 'editor-profile-link' }, 0],
});

function card(name: string, idAttribute: string, dataAttribute: string, template: (texts: CardTexts) => string, texts: CardTexts) {
  return Node.create({
    name,
    group: 'block',
    atom: true,
    selectable: true,
    draggable: false,
    addAttributes() {
      return {
        [idAttribute]: {
          default: null,
          parseHTML: (element: HTMLElement) => Number(element.getAttribute(dataAttribute)) || null,
          renderHTML: (attributes: Record<string, unknown>) => ({ [dataAttribute]: String(attributes[idAttribute]) }),
        },
        label: { default: null, rendered: false },
      };
    },
    parseHTML: () => [{ tag: `div[${dataAttribute}]` }],
    renderHTML: ({ node, HTMLAttributes }) => {
      const id = String(node.attrs[idAttribute]);
      const label = typeof node.attrs.label === 'string' && node.attrs.label ? node.attrs.label : `#${id}`;
      return ['div', { ...HTMLAttributes, class: `editor-card editor-card-${name}` }, template(texts).replace('{label}', label)];
    },
  });
}

export function editorExtensions(texts: CardTexts): Extensions {
  return [
    StarterKit.configure({
      heading: false,
      blockquote: false,
      listItem: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      hardBreak: false,
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: false,
        HTMLAttributes: { target: null, rel: null },
        isAllowedUri: (url: string) => hrefProblem(url) === null,
      },
    }),
    Subheading,
    Quote,
    Item,
    ProfileLink,
    card('mediaEmbed', 'mediaId', 'data-media-id', (t) => t.media, texts),
    card('profileCard', 'profileId', 'data-profile-card-id', (t) => t.profile, texts),
    card('relatedStory', 'storyId', 'data-related-story-id', (t) => t.related, texts),
    ...formatExtensions(texts),
  ];
}

/** What a chat app shows for a shared link: Open Graph and the page's own title and description. */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute address of the picture, or none. */
  image?: string;
  /** Absolute address of the page. */
  url: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Text on one line, cut at `max` characters with an ellipsis (a preview shows two lines at most). */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The console's index.html with the page's title, description and Open Graph tags: the app still starts as
 * before, and a crawler that runs no script (WeChat, QQ, DingTalk) finds what to show. Every value is escaped.
 */
export function withPageMeta(indexHtml: string, meta: PageMeta): string {
  const tags = [
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:type" content="product" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    ...(meta.image ? [`<meta property="og:image" content="${escapeHtml(meta.image)}" />`] : []),
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
  ].join('\n    ');
  const titled = indexHtml.replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeHtml(meta.title)}</title>`);
  return titled.replace('</head>', () => `    ${tags}\n  </head>`);
}

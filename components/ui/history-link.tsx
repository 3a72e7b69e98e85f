'use client';

import type { AnchorHTMLAttributes, MouseEvent } from 'react';

/** A click the browser should handle itself: a new tab or window, a download, not the main button. */
const opensElsewhere = (event: MouseEvent) =>
  event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

/**
 * A link to another state of the same page (another version, another pair to compare): a real `href`
 * for new tabs and the keyboard, followed through the History API like lib/url-state views, so Next's
 * router shows it without asking the server for the page again.
 */
export function HistoryLink({
  href,
  replace = false,
  onClick,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; replace?: boolean }) {
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || opensElsewhere(event)) return;
        event.preventDefault();
        if (replace) window.history.replaceState(null, '', href);
        else window.history.pushState(null, '', href);
      }}
      {...props}
    />
  );
}

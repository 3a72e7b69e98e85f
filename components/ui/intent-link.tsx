'use client';

import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * A link prefetched once the user shows intent (pointer over it, focus, touch) rather than when it
 * scrolls into view: a page full of links would otherwise send one request per link to the one
 * console process while the page itself is still loading (Next's hover-prefetch pattern). Table rows
 * use plain `prefetch={false}` links instead: a pointer crossing a table would prefetch every row.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof Link>) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}

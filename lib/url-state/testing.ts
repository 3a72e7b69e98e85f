import { parseUrlState, serializeUrlState, toSearch, type UrlView } from '@/lib/url-state/core';

/** For the tests: a view's state in an address written as `a=1&b=2`. */
export const read = <T>(view: UrlView<T>, search = '') => parseUrlState(view, new URLSearchParams(search));

/** For the tests: the address a whole state writes (defaults left out), without its `?`. */
export const write = <T>(view: UrlView<T>, state: Partial<NoInfer<T>>) =>
  toSearch(serializeUrlState(view, state)).slice(1);

/** For the tests: a state written to an address and read back. */
export const roundTrip = <T>(view: UrlView<T>, state: NoInfer<T>) => read(view, write(view, state));

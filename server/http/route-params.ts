import 'server-only';
/**
 * The params of an App Router path, read from the path itself:
 * `RouteParams<'/api/clusters/[clusterId]/topics/[topic]'>` is `{ clusterId: string; topic: string }`.
 * The shape of Next's generated `RouteContext<…>['params']`, without needing its types generated
 * first (they exist only after `next typegen` or a build, and the type-check runs before either);
 * the build still checks each route's exports against its file's real params. Plain `[name]`
 * segments only: no route with params uses a catch-all.
 */
type ParamNames<Path extends string> = Path extends `${string}[${infer Name}]${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

export type RouteParams<Path extends string> = { [Name in ParamNames<Path>]: string };

// Any method on /api/* that no route serves — the JSON 404 instead of Next's HTML page
import { AppError } from '@/server/http/app-error';
import { handler } from '@/server/http/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Answers every method with the same 404 and changes nothing, so it needs no mutation() action.
const unknownRoute = handler(async ({ request }) => {
  throw new AppError('not_found', `No API route at ${request.nextUrl.pathname.slice(0, 300)}`);
});

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;

// Loaded first by the standalone server (scripts/postbuild.mjs puts it in front of Next's server.js).
// Next answers some requests before any of our code runs, and not in the API's JSON error shape:
//   - a path that is not valid percent-encoding (`%zz`, a lone `%`, `%ff%fe`): Next fails to decode
//     it and sends a plain-text 500, with no log line;
//   - a method a route does not export: an empty 405;
//   - headers larger than Node's limit, or a request Node cannot parse: Node's bare 431 or 400.
// This file stays plain CommonJS outside the bundle, as it has to run before Next is loaded.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS, loaded by server.js before Next
const http = require('node:http');

/** handler() refuses a request carrying this header (set only here; a client's own copy is dropped). */
const MALFORMED_PATH_HEADER = 'x-kafkascope-malformed-path';

/** The headers of server/http/common-headers.ts (a unit test keeps the two alike). */
const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function isMalformedPath(url) {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * A request whose path Next cannot decode goes on with every `%` escaped, so that Next routes it and
 * our handler answers it (in the JSON shape, logged and audited like any other) with a 400.
 */
function markMalformedPath(req) {
  delete req.headers[MALFORMED_PATH_HEADER];
  if (typeof req.url !== 'string' || !isMalformedPath(req.url)) return;
  const q = req.url.indexOf('?');
  const path = q === -1 ? req.url : req.url.slice(0, q);
  req.url = path.replaceAll('%', '%25') + (q === -1 ? '' : req.url.slice(q));
  req.headers[MALFORMED_PATH_HEADER] = '1';
}

function errorBody(code, message) {
  return JSON.stringify({ error: { code, message } });
}

/**
 * Next's empty 405 for a method an API route does not export becomes the JSON error shape. Next may
 * flush the headers before it ends the empty body, so the answer is recognised at whichever comes first.
 */
function shapeMethodNotAllowed(req, res) {
  if (typeof req.url !== 'string' || !req.url.startsWith('/api/')) return;
  const original = {
    writeHead: res.writeHead,
    flushHeaders: res.flushHeaders,
    write: res.write,
    end: res.end,
  };
  const body = errorBody('method_not_allowed', `${req.method} is not allowed on this path`);
  let state = 'undecided';
  const decide = (status) => {
    if (state !== 'undecided') return;
    // Our own answers carry the common headers already; only Next's bare 405 is reshaped.
    state =
      status === 405 && !res.headersSent && !res.hasHeader('x-content-type-options') ? 'reshape' : 'pass';
    if (state !== 'reshape') return;
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    res.setHeader('content-length', req.method === 'HEAD' ? 0 : Buffer.byteLength(body));
  };
  res.writeHead = function writeHead(status, ...rest) {
    decide(status);
    return original.writeHead.call(this, status, ...rest);
  };
  res.flushHeaders = function flushHeaders() {
    decide(res.statusCode);
    return original.flushHeaders.call(this);
  };
  res.write = function write(...args) {
    decide(res.statusCode);
    if (state === 'reshape') return true; // Next's 405 has no body of its own
    return original.write.apply(this, args);
  };
  res.end = function end(...args) {
    decide(res.statusCode);
    if (state !== 'reshape') return original.end.apply(this, args);
    const callback = args.find((arg) => typeof arg === 'function');
    return original.end.call(this, req.method === 'HEAD' ? undefined : body, callback);
  };
}

/** The one access-log line for a request Node refused before there was a request (pino's JSON shape). */
function logRefused(status, error) {
  process.stdout.write(
    `${JSON.stringify({
      level: 'info',
      time: new Date().toISOString(),
      method: null,
      route: 'unparsed',
      status,
      error,
      msg: 'request',
    })}\n`,
  );
}

/** Node's own answer to a request it cannot parse, in the JSON error shape (Node's default otherwise). */
function onClientError(error, socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
  // Part of an answer is already out: nothing sensible can follow it.
  if (socket._httpMessage && socket._httpMessage.headersSent) return socket.destroy();
  const [status, reason, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'timeout', 'The request took too long to arrive']
        : [400, 'Bad Request', 'validation_failed', 'The request is not valid HTTP'];
  const body = errorBody(code, message);
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...COMMON_HEADERS,
    connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n${body}`);
  logRefused(status, error.code ?? 'unknown');
}

function guard(listener) {
  return function guardedListener(req, res) {
    markMalformedPath(req);
    shapeMethodNotAllowed(req, res);
    return listener.call(this, req, res);
  };
}

// Next's start-server makes its one server with http.createServer(listener): wrap that listener.
const createServer = http.createServer;
http.createServer = function guardedCreateServer(...args) {
  const i = args.findIndex((arg) => typeof arg === 'function');
  if (i !== -1) args[i] = guard(args[i]);
  const server = createServer.apply(this, args);
  server.on('clientError', onClientError);
  return server;
};

module.exports = { MALFORMED_PATH_HEADER, COMMON_HEADERS, isMalformedPath, markMalformedPath };

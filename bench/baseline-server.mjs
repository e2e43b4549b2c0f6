// The page-speed baseline: a bare node:http server that answers every request with the
// exact status, headers and body bytes recorded from Dateline. Plain JS on purpose, so it
// runs on plain `node` with no loader in the way.
//
//   node bench/baseline-server.mjs <response.json> <port> [host]
//
// response.json: { "status": 200, "statusMessage": "OK",
//                  "rawHeaders": ["Content-Type", "text/html", ...],  (flat name/value list)
//                  "bodyBase64": "..." }
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [file, portArg, host = '127.0.0.1'] = process.argv.slice(2);
if (!file || !portArg) {
  console.error('usage: node bench/baseline-server.mjs <response.json> <port> [host]');
  process.exit(2);
}

const recorded = JSON.parse(readFileSync(file, 'utf8'));
const status = recorded.status;
const statusMessage = recorded.statusMessage || http.STATUS_CODES[status] || '';
const headers = recorded.rawHeaders;
const body = Buffer.from(recorded.bodyBase64, 'base64');

const server = http.createServer((request, response) => {
  response.writeHead(status, statusMessage, headers);
  response.end(body);
});

server.listen(Number(portArg), host);

const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

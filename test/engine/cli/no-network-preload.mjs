/**
 * Loaded with `node --import` before the CLI: records every attempt to reach the network (and refuses
 * it), then writes the attempts as JSON lines to $MESHLENS_NET_LOG when the process exits.
 */
import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';

const attempts = [];
function record(kind, detail) {
  attempts.push({ kind, detail: String(detail).slice(0, 200) });
}
function refuse(kind) {
  return new Error(`network access refused in tests (${kind})`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect() passes its arguments already normalised, as [options, callback].
  const opts = Array.isArray(args[0]) ? args[0][0] : args[0];
  // Local IPC (pipes and unix sockets) is not the network.
  if (typeof opts === 'object' && opts !== null && opts.path) return connect.apply(this, args);
  if (typeof opts === 'string' && Number.isNaN(Number(opts))) return connect.apply(this, args);
  record('net.connect', typeof opts === 'object' && opts !== null ? JSON.stringify({ host: opts.host, port: opts.port, path: opts.path }) : `${args[1] ?? ''}:${opts}`);
  throw refuse('net.connect');
};
for (const [name, mod] of [
  ['http', http],
  ['https', https],
]) {
  for (const fn of ['request', 'get']) {
    mod[fn] = (...args) => {
      record(`${name}.${fn}`, typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]));
      throw refuse(`${name}.${fn}`);
    };
  }
}
tls.connect = (...args) => {
  record('tls.connect', JSON.stringify(args[0]));
  throw refuse('tls.connect');
};
dns.lookup = (host, ...rest) => {
  record('dns.lookup', host);
  const cb = rest[rest.length - 1];
  if (typeof cb === 'function') process.nextTick(cb, refuse('dns.lookup'));
};
dns.promises.lookup = async (host) => {
  record('dns.promises.lookup', host);
  throw refuse('dns.promises.lookup');
};
globalThis.fetch = async (input) => {
  record('fetch', typeof input === 'string' ? input : input && input.url);
  throw refuse('fetch');
};
if (typeof globalThis.WebSocket === 'function') {
  globalThis.WebSocket = function (url) {
    record('WebSocket', url);
    throw refuse('WebSocket');
  };
}
syncBuiltinESMExports();

process.on('exit', () => {
  if (process.env.MESHLENS_NET_LOG) fs.writeFileSync(process.env.MESHLENS_NET_LOG, attempts.map((a) => JSON.stringify(a)).join('\n'));
});

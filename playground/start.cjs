/**
 * Starts the Microsoft 365 Agents Playground (a local Teams-like web client) on 127.0.0.1 only.
 *
 * The Playground (0.2.28) has no host option, environment variable or config key: its server calls
 * `server.listen(port, callback)`, which listens on every interface, so anyone on the network could chat with the bot
 * as a Playground user. This launcher runs in its place: it makes every `listen` that names no host bind to loopback,
 * then loads the Playground's own `cli.js` with the same arguments (`--help` lists them). Unless already set, it also
 *   - reads the people, team and chats from `aiko.m365agentsplayground.yml` beside this file
 *     (M365_AGENTS_PLAYGROUND_CONFIG_PATH),
 *   - opens no browser (TEAMSAPPTESTER_BROWSER=none): open the printed address yourself,
 *   - writes its log to `data/m365agentsplayground.log` (git-ignored) instead of `./devTools/`,
 *   - turns its telemetry off (`--disable-telemetry`).
 */
'use strict';
const net = require('node:net');
const path = require('node:path');

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;
/** `listen({ port })` with neither a host nor a socket path. */
const portOnly = (options) => options && typeof options === 'object' && options.port !== undefined && !options.host && !options.path;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, LOOPBACK);
  } else if (portOnly(first)) {
    args[0] = { ...first, host: LOOPBACK };
  } else if (first === undefined || typeof first === 'function') {
    args.unshift(0, LOOPBACK);
  }
  return listen.apply(this, args);
};

process.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH ??= path.join(__dirname, 'aiko.m365agentsplayground.yml');
process.env.TEAMSAPPTESTER_BROWSER ??= 'none';
process.env.M365_AGENTS_PLAYGROUND_LOGFILE ??= path.resolve(__dirname, '..', 'data', 'm365agentsplayground.log');
if (!process.argv.some((arg) => /^--(disable-telemetry|dt)\b/.test(arg))) process.argv.push('--disable-telemetry');

require('@microsoft/m365agentsplayground/cli.js');

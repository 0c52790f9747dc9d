/**
 * A dead-end proxy for Firefox: every request that would leave the machine (any context: pages,
 * the extension's background, Firefox itself) is sent to it, recorded, and refused. Loopback
 * (the test server on 127.0.0.1 and localhost) bypasses it. This is the Firefox counterpart of
 * the route that aborts and records outbound requests in tests/e2e/fixtures.ts.
 */
import { createServer, type Server } from 'node:http';

export interface OutboundRecorder {
  /** Requests that tried to leave: "GET http://…" or "CONNECT host:443". */
  readonly requests: string[];
  /** Firefox prefs that send every non-loopback request here. */
  readonly prefs: Record<string, unknown>;
  close(): Promise<void>;
}

export async function recordOutbound(): Promise<OutboundRecorder> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by the test: no network');
  });
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    requests,
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      // Firefox never proxies loopback unless told to; say so explicitly anyway.
      'network.proxy.allow_hijacking_localhost': false,
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// The listener a hostile page would phone home to: HTTP (fetch, images, beacons, stylesheets), the
// WebSocket upgrade, and a UDP socket for WebRTC's STUN. It counts every TCP connection, not just the
// requests that complete, and every UDP datagram.
import { createServer, type Server } from 'node:http';
import { createSocket, type Socket } from 'node:dgram';

export interface Listener {
  tcp: number;
  udp: number;
  /** What reached the listener: `tcp`, `http GET /x`, `upgrade /x`, `udp 20 bytes`. */
  seen: string[];
  close(): Promise<void>;
}

export async function listen(): Promise<Listener> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => { seen.push(`http ${req.method} ${req.url}`); res.end('ok'); });
  server.on('connection', () => seen.push('tcp'));
  server.on('upgrade', (req, socket) => { seen.push(`upgrade ${req.url}`); socket.destroy(); });
  const udp: Socket = createSocket('udp4');
  udp.on('message', (msg) => seen.push(`udp ${msg.length} bytes`));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  await new Promise<void>((r) => udp.bind(0, '127.0.0.1', () => r()));
  return {
    tcp: (server.address() as { port: number }).port,
    udp: udp.address().port,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await new Promise<void>((r) => udp.close(() => r()));
    },
  };
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** A test app listening on a free loopback port. Used only by this folder's tests. */
export interface TestServer {
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Listens on 127.0.0.1, port 0, so tests drive the app over real HTTP without clashing. */
export async function startTestServer(app: Express): Promise<TestServer> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

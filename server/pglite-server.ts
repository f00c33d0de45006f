import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/** Messages after which a client waits for the server: the end of one unit of work. */
const UNIT_END = new Set(["S", "Q", "H"]);

type Unit = { connection: Connection; messages: Uint8Array[] };

type Connection = { socket: Socket; started: boolean; buffer: Buffer; pending: Uint8Array[] };

/**
 * Serves one PGlite database to many PostgreSQL clients over TCP.
 *
 * PGlite runs one backend, so clients must take turns. They take turns per unit of work
 * (a simple query, or the Parse/Bind/Execute messages up to Sync), never per message: two
 * clients' extended-protocol messages interleaved would share the unnamed portal. While a
 * client has a transaction open, only that client's units run, so no client ever sees
 * another's uncommitted writes.
 */
export class PGliteServer {
  private readonly queue: Unit[] = [];
  private owner: Connection | null = null;
  private running = false;
  private server: Server | null = null;
  private readonly connections = new Set<Connection>();

  constructor(private readonly db: PGlite) {}

  async listen(port: number, host = "127.0.0.1"): Promise<number> {
    this.server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, host, resolve);
    });
    const address = this.server.address();
    if (!address || typeof address !== "object") throw new Error("no address");
    return address.port;
  }

  async close() {
    for (const c of this.connections) c.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket) {
    socket.setNoDelay(true);
    const connection: Connection = { socket, started: false, buffer: Buffer.alloc(0), pending: [] };
    this.connections.add(connection);
    socket.on("data", (chunk) => this.receive(connection, chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => void this.disconnect(connection));
  }

  private receive(connection: Connection, chunk: Buffer) {
    connection.buffer = Buffer.concat([connection.buffer, chunk]);
    for (;;) {
      const { buffer } = connection;
      if (!connection.started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const message = buffer.subarray(0, length);
        connection.buffer = buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          connection.socket.write("N");
        } else if (code === CANCEL_REQUEST) {
          connection.socket.end();
          return;
        } else if (code === PROTOCOL_3) {
          connection.started = true;
          this.enqueue({ connection, messages: [new Uint8Array(message)] });
        } else {
          connection.socket.destroy();
          return;
        }
        continue;
      }
      if (buffer.length < 5) return;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const type = String.fromCharCode(buffer[0]!);
      const message = new Uint8Array(buffer.subarray(0, length));
      connection.buffer = buffer.subarray(length);
      if (type === "X") {
        connection.socket.end();
        return;
      }
      connection.pending.push(message);
      if (UNIT_END.has(type)) {
        this.enqueue({ connection, messages: connection.pending });
        connection.pending = [];
      }
    }
  }

  private enqueue(unit: Unit) {
    this.queue.push(unit);
    void this.drain();
  }

  private async drain() {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner ? this.queue.findIndex((u) => u.connection === this.owner) : 0;
        if (index < 0 || this.queue.length === 0) return;
        const [unit] = this.queue.splice(index, 1);
        await this.run(unit!);
      }
    } finally {
      this.running = false;
    }
  }

  private async run({ connection, messages }: Unit) {
    await this.db.runExclusive(async () => {
      for (const message of messages) {
        await this.db.execProtocolRawStream(message, {
          onRawData: (data) => {
            if (!connection.socket.destroyed) connection.socket.write(data);
          },
        });
      }
    });
    this.owner = this.db.isInTransaction() ? connection : null;
  }

  private async disconnect(connection: Connection) {
    this.connections.delete(connection);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i]!.connection === connection) this.queue.splice(i, 1);
    }
    if (this.owner === connection) {
      // a client that went away mid-transaction must not leave it open for everyone else
      await this.db.runExclusive(() => this.db.exec("ROLLBACK"));
      this.owner = null;
      void this.drain();
    }
  }
}

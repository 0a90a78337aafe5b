package io.streamhub.persistence;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.MVStore;

/**
 * The embedded MongoDB-wire store: a mongo-java-server running in this JVM, so that a single node (or a few nodes
 * sharing one {@code streamhub store} process) needs no MongoDB installation.
 *
 * <p>Without a data directory the data lives in memory and is gone when the store closes. With one, it lives in
 * the H2 MVStore file {@value #DATA_FILE_NAME} inside that directory (created if absent) and survives restarts; only
 * one store can open a directory at a time (the file is locked).
 *
 * <p>Durability: an MVStore on its own keeps up to about a second of changes in memory before its background
 * auto-commit writes them. This class therefore commits the MVStore after every command that changed it, before
 * the reply leaves the server, so an acknowledged write is already in the file; the file is written through the
 * operating system but not fsync'ed per write, so it survives a crash of the process (even {@code kill -9}), not
 * necessarily a power loss. {@link #close()} commits and closes the file.
 *
 * <p>All methods block (file and socket work): call them from a worker thread, never from an event loop.
 */
public final class EmbeddedStore implements AutoCloseable {

  /** Name of the H2 file inside the data directory. */
  public static final String DATA_FILE_NAME = "streamhub.mv.db";

  private final MongoServer server;
  private final CommittingH2Backend h2;
  private final String connectionString;
  private final int port;
  private final String description;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedStore(MongoServer server, CommittingH2Backend h2, InetSocketAddress bound, String description) {
    this.server = server;
    this.h2 = h2;
    this.port = bound.getPort();
    this.connectionString = "mongodb://" + clientHost(bound) + ":" + port;
    this.description = description;
  }

  /**
   * Starts a store listening on {@code host:port}.
   *
   * @param host interface to bind, e.g. {@code 127.0.0.1}
   * @param port TCP port; 0 picks a free one (see {@link #port()})
   * @param dataDir empty or null keeps the data in memory; otherwise the directory of the H2 file
   * @throws IllegalStateException when the data file cannot be opened (e.g. another store holds it) or the
   *     address cannot be bound; the message names the file or the address
   */
  public static EmbeddedStore start(String host, int port, String dataDir) {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    boolean inMemory = dataDir == null || dataDir.isBlank();
    Path dataFile = inMemory ? null : Path.of(dataDir).toAbsolutePath().resolve(DATA_FILE_NAME);
    CommittingH2Backend h2 = inMemory ? null : openH2(dataFile);
    MongoBackend backend = inMemory ? new MemoryBackend() : h2;
    MongoServer server = new MongoServer(backend);
    try {
      server.bind(host, port);
    } catch (Exception e) { // netty rethrows a checked BindException undeclared
      server.shutdown(); // also closes the backend, which releases the H2 file
      throw new IllegalStateException("embedded store cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    String description = inMemory ? "in memory" : "data in " + dataFile;
    return new EmbeddedStore(server, h2, server.getLocalAddress(), description);
  }

  private static CommittingH2Backend openH2(Path dataFile) {
    try {
      Files.createDirectories(dataFile.getParent());
    } catch (IOException e) {
      throw new IllegalStateException("embedded store cannot create its data directory " + dataFile.getParent() + ": " + e, e);
    }
    MVStore mvStore;
    try {
      mvStore = new MVStore.Builder().fileName(dataFile.toString()).open();
    } catch (RuntimeException e) {
      throw new IllegalStateException("embedded store cannot open its data file " + dataFile + ": " + e.getMessage(), e);
    }
    return new CommittingH2Backend(mvStore);
  }

  /** A wildcard bind address is not something to connect to: clients use loopback then. */
  private static String clientHost(InetSocketAddress bound) {
    InetAddress address = bound.getAddress();
    InetAddress target = address == null || address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
    String literal = target.getHostAddress();
    return literal.contains(":") ? "[" + literal + "]" : literal;
  }

  /** {@code mongodb://host:port} of the listening store, with the actual port when 0 was asked for. */
  public String connectionString() {
    return connectionString;
  }

  /** The port the store listens on. */
  public int port() {
    return port;
  }

  /** "in memory" or "data in /path/streamhub.mv.db", for logs. */
  public String description() {
    return description;
  }

  /** True when an H2 store holds changes not yet written to its file (always false in memory); for tests. */
  boolean hasUncommittedChanges() {
    return h2 != null && h2.getMvStore().hasUnsavedChanges();
  }

  /**
   * Stops listening, disconnects the clients and, with a data directory, commits and closes the H2 file. Safe to
   * call more than once.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.shutdown(); // closes every client connection, waits for the I/O threads, then closes the backend
    }
  }

  @Override
  public String toString() {
    return "EmbeddedStore[" + connectionString + ", " + description + "]";
  }

  /** An H2 backend that commits the MVStore after every command that changed it, before the reply is sent. */
  private static final class CommittingH2Backend extends H2Backend {

    CommittingH2Backend(MVStore mvStore) {
      super(mvStore);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
      try {
        return super.handleCommand(channel, database, command, query);
      } finally {
        MVStore mvStore = getMvStore();
        if (!mvStore.isClosed() && mvStore.hasUnsavedChanges()) {
          commit();
        }
      }
    }
  }
}

package io.emms.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.link.LinkListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Link} over a serial port, through jSerialComm.
 *
 * <p>While open, a reader thread blocks in the port's read and hands what arrives to the listener as pooled
 * buffers, one call per read; all listener calls, {@link LinkListener#onOpen()} and
 * {@link LinkListener#onClosed(Throwable)} included, come from that thread. Writes go through a writer thread, in
 * the order they were called, so a caller never blocks on a slow line.
 *
 * <p>A pseudo-terminal ({@code /dev/pts/N}, as {@code socat} and serial-over-IP drivers make them) is opened with
 * 8 data bits and no parity whatever the config says: the Linux pty driver has neither (it clears the bits) and
 * glibc's {@code tcsetattr} reports EINVAL when the only change it was asked for was one the driver dropped. That
 * is why a pty that still holds a previous open's settings failed to open again ("error 22") with even parity.
 *
 * <pre>{@code
 * SerialLink link = new SerialLink(SerialConfig.of("/dev/ttyUSB0"));   // 2400 8E1
 * link.setListener(assembler);
 * link.open().join();
 * }</pre>
 */
public final class SerialLink implements Link {

  private static final Logger log = LoggerFactory.getLogger(SerialLink.class);
  private static final LinkListener NO_LISTENER = data -> {};

  private final SerialConfig config;
  private final ByteBufAllocator allocator;
  private final String name;
  private volatile LinkListener listener = NO_LISTENER;
  private Session session;
  private Session closing;

  public SerialLink(SerialConfig config) {
    this(config, ByteBufAllocator.DEFAULT);
  }

  /** @param allocator allocates the buffers handed to the listener */
  public SerialLink(SerialConfig config, ByteBufAllocator allocator) {
    this.config = Objects.requireNonNull(config, "config");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
    this.name = "serial:" + config.port() + "@" + config.framing();
  }

  public SerialConfig config() {
    return config;
  }

  @Override
  public String name() {
    return name;
  }

  /** Opens the port at once; the returned future is already complete, or failed with a {@link LinkException}. */
  @Override
  public CompletableFuture<Void> open() {
    awaitPreviousClose();
    synchronized (this) {
      if (session != null) {
        return CompletableFuture.completedFuture(null);
      }
      try {
        session = new Session(openPort());
      } catch (LinkException e) {
        return CompletableFuture.failedFuture(e);
      }
      closing = null;
      session.start();
      return CompletableFuture.completedFuture(null);
    }
  }

  /**
   * A port cannot be opened twice, so a re-open waits until the reader of the last session has closed it. Waits
   * outside the lock, which that reader may need on its way out; a re-open from the listener's
   * {@code onClosed} runs after the port is closed and must not wait for itself.
   */
  private void awaitPreviousClose() {
    Session previous;
    synchronized (this) {
      previous = closing;
    }
    if (previous != null && Thread.currentThread() != previous.reader) {
      previous.closed.join();
    }
  }

  private SerialPort openPort() {
    SerialPort port;
    try {
      port = SerialPort.getCommPort(config.port());
    } catch (SerialPortInvalidPortException e) {
      throw new LinkException(name + ": no such port", e);
    }
    boolean pty = isPseudoTerminal(config.port());
    port.setComPortParameters(
        config.baudRate(),
        pty ? 8 : config.dataBits(),
        config.stopBits().jSerialComm(),
        pty ? Parity.NONE.jSerialComm() : config.parity().jSerialComm());
    port.setFlowControl(config.flowControl().jSerialComm());
    port.setComPortTimeouts(
        SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
        (int) config.readTimeout().toMillis(),
        (int) config.writeTimeout().toMillis());
    config.rs485().ifPresent(rs485 -> port.setRs485ModeParameters(
        true, rs485.rtsActiveHigh(), rs485.terminationEnabled(), rs485.receiveDuringTransmit(),
        rs485.delayBeforeSendMicros(), rs485.delayAfterSendMicros()));
    if (!port.openPort()) {
      throw new LinkException(name + ": cannot open port: " + openFailure(port.getLastErrorCode(), port.getLastErrorLocation()));
    }
    return port;
  }

  /** What an errno from jSerialComm's open means to a user; the raw code stays for the rest. */
  static String openFailure(int errno, int location) {
    return switch (errno) {
      case 2 -> "no such device";
      case 13 -> "permission denied (is the user in the dialout group?)";
      case 11, 16 -> "in use by another program";
      default -> "error " + errno + " at " + location;
    };
  }

  /** Whether the path leads to a Unix98 pseudo-terminal, which carries bytes without data-bit or parity framing. */
  static boolean isPseudoTerminal(String port) {
    try {
      return Path.of(port).toRealPath().startsWith("/dev/pts/");
    } catch (IOException | InvalidPathException e) {
      return false;
    }
  }

  @Override
  public synchronized boolean isOpen() {
    return session != null && session.running;
  }

  /**
   * Queues the bytes for the writer thread. The future completes once the port has accepted all of them, and
   * fails with a {@link LinkException} if the link is closed or the port fails or times out.
   */
  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    Session current;
    synchronized (this) {
      current = session;
    }
    if (current == null) {
      data.release();
      return CompletableFuture.failedFuture(new LinkException(name + " is closed"));
    }
    return current.write(data);
  }

  @Override
  public void setListener(LinkListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Stops the reader and writer and closes the port. Completes after the port is closed and the listener has
   * been told: within about one {@link SerialConfig#readTimeout()}, or one write timeout if a write is stuck.
   */
  @Override
  public synchronized CompletableFuture<Void> closeAsync() {
    if (session != null) {
      closing = session;
      session = null;
      closing.running = false;
    }
    return closing == null ? CompletableFuture.completedFuture(null) : closing.closed;
  }

  /** The reader fails on its own (a USB adapter pulled out): forget the session so the link can be re-opened. */
  private synchronized void failed(Session failed) {
    if (session == failed) {
      closing = session;
      session = null;
    }
  }

  /** One open period of the port, with its own threads, so that a re-open never meets a stale reader. */
  private final class Session {
    private final SerialPort port;
    private final Thread reader;
    private final ExecutorService writer;
    private final byte[] readBuffer = new byte[config.readBufferSize()];
    private final byte[] writeBuffer = new byte[config.readBufferSize()];
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean running = true;

    Session(SerialPort port) {
      this.port = port;
      this.reader = new Thread(this::readLoop, "emms-serial-reader " + config.port());
      this.reader.setDaemon(true);
      this.writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "emms-serial-writer " + config.port());
        t.setDaemon(true);
        return t;
      });
    }

    void start() {
      reader.start();
    }

    private void readLoop() {
      Throwable cause = null;
      try {
        listener.onOpen();
      } catch (RuntimeException e) {
        log.warn("{}: listener failed on open", name, e);
      }
      while (running) {
        int n = port.readBytes(readBuffer, readBuffer.length);
        if (n < 0) {
          if (running) {
            cause = new LinkException(name + ": read failed (error " + port.getLastErrorCode() + ")");
            failed(this);
          }
          break;
        }
        if (n > 0) {
          deliver(n);
        }
      }
      shutDown(cause);
    }

    private void deliver(int n) {
      ByteBuf data = allocator.buffer(n);
      try {
        data.writeBytes(readBuffer, 0, n);
        listener.onData(data);
      } catch (RuntimeException e) {
        log.warn("{}: listener failed on {} bytes", name, n, e);
      } finally {
        data.release();
      }
    }

    /** Runs on the reader thread, so the port is never closed under a read in progress. */
    private void shutDown(Throwable cause) {
      running = false;
      writer.shutdown();
      try {
        writer.awaitTermination(config.writeTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      port.closePort();
      try {
        listener.onClosed(cause);
      } catch (RuntimeException e) {
        log.warn("{}: listener failed on close", name, e);
      } finally {
        closed.complete(null);
      }
    }

    CompletableFuture<Void> write(ByteBuf data) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      try {
        writer.execute(() -> writeNow(data, done));
      } catch (RejectedExecutionException e) {
        data.release();
        done.completeExceptionally(new LinkException(name + " is closed"));
      }
      return done;
    }

    private void writeNow(ByteBuf data, CompletableFuture<Void> done) {
      try {
        if (!running) {
          throw new LinkException(name + " is closed");
        }
        while (data.isReadable()) {
          data.skipBytes(writeSome(data));
        }
        done.complete(null);
      } catch (LinkException e) {
        done.completeExceptionally(e);
      } finally {
        data.release();
      }
    }

    /** Writes from the buffer's own array when it has one, else through a reused array: no garbage per write. */
    private int writeSome(ByteBuf data) {
      int written;
      if (data.hasArray()) {
        written = port.writeBytes(data.array(), data.readableBytes(), data.arrayOffset() + data.readerIndex());
      } else {
        int n = Math.min(data.readableBytes(), writeBuffer.length);
        data.getBytes(data.readerIndex(), writeBuffer, 0, n);
        written = port.writeBytes(writeBuffer, n);
      }
      if (written < 0) {
        throw new LinkException(name + ": write failed (error " + port.getLastErrorCode() + ")");
      }
      if (written == 0) {
        throw new LinkException(name + ": write timed out after " + config.writeTimeout());
      }
      return written;
    }
  }
}

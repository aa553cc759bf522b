package io.emms.core.link;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;

/**
 * A byte link to one or more meters: a serial port, a TCP connection, an MQTT topic pair, an NB-IoT session.
 * This is where protocols and transports meet: protocol modules talk to a {@code Link} and never to a transport
 * class, and transports move bytes without knowing the protocol.
 *
 * <p>Stream links (serial, TCP) may deliver a frame in several pieces or several frames in one piece; message
 * links (MQTT, UDP) deliver whole messages. Protocols that read a {@code Link} through a {@link FrameAssembler}
 * work over both.
 */
public interface Link extends AutoCloseable {

  /** A short human-readable description such as {@code serial:/dev/ttyUSB0@2400-8E1} or {@code tcp:10.0.0.5:502}. */
  String name();

  /** Opens the link; completes once bytes can be written. Opening an open link completes at once. */
  CompletableFuture<Void> open();

  /** Whether the link is open and can write now. */
  boolean isOpen();

  /**
   * Writes bytes. The link takes ownership of {@code data} and releases it, also when the write fails.
   *
   * @return completes when the bytes have been handed to the medium; fails with {@link LinkException}
   */
  CompletableFuture<Void> write(ByteBuf data);

  /** Sets the one listener that receives bytes and state changes; replaces any earlier listener. */
  void setListener(LinkListener listener);

  /** Closes the link and releases its resources. A closed link may be opened again. */
  CompletableFuture<Void> closeAsync();

  /** Closes the link and waits for it to be closed. */
  @Override
  default void close() {
    closeAsync().join();
  }
}

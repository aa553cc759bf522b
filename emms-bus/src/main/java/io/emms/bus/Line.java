package io.emms.bus;

import io.emms.bus.internal.HalfDuplexEngine;
import io.emms.bus.internal.LineEngine;
import io.emms.bus.internal.PipelinedEngine;
import io.emms.core.link.Link;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The one listener of a {@link Link} and the one engine of every protocol on it: transactions of DL/T 645 and
 * Modbus clients (and any other {@link Transaction}) share the link, and the line feeds received bytes only to the
 * decoder of the transaction on the wire.
 *
 * <p>A {@linkplain #halfDuplex half-duplex} line (RS-485, a DTU in front of one) has one transaction on the wire,
 * keeps the quiet gap, sends commands before on-demand reads before polls, serves meters round-robin within a
 * priority and backs off a meter that stopped answering. A {@linkplain #pipelined pipelined} line (Modbus TCP) has
 * up to {@link LineConfig#maxInFlight()} transactions on the wire, told apart by transaction id.
 *
 * <p>When the link drops, the transactions on the wire and in the queue fail with {@link
 * io.emms.core.link.LinkException}; once the link reopens (the link reconnects, or its owner opens it) later
 * transactions work again.
 *
 * <p>Ownership: whoever creates a link closes it. Closing a line fails its transactions and detaches it from the
 * link, but leaves the link open; a client created on a line leaves the line open.
 */
public final class Line implements Scheduler, AutoCloseable {

  private final Link link;
  private final LineConfig config;
  private final LineEngine engine;

  private Line(Link link, LineConfig config, LineEngine engine) {
    this.link = link;
    this.config = config;
    this.engine = engine;
    link.setListener(engine);
  }

  /** A half-duplex line on {@code link}; it becomes the link's listener. */
  public static Line halfDuplex(Link link, LineConfig config) {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(config, "config");
    return new Line(link, config, new HalfDuplexEngine(link, config));
  }

  /** A pipelined line on {@code link}, with up to {@code config.maxInFlight()} transactions on the wire. */
  public static Line pipelined(Link link, LineConfig config) {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(config, "config");
    return new Line(link, config, new PipelinedEngine(link, config));
  }

  @Override
  public <R> CompletableFuture<R> submit(Transaction<R> transaction) {
    return engine.submit(Objects.requireNonNull(transaction, "transaction"));
  }

  public Link link() {
    return link;
  }

  public LineConfig config() {
    return config;
  }

  /** The counters of the whole line so far. */
  public Counters counters() {
    return engine.counters(null);
  }

  /** The counters of one meter so far (all zero for a meter the line has not seen). */
  public Counters counters(String meterId) {
    return engine.counters(Objects.requireNonNull(meterId, "meterId"));
  }

  /**
   * Fails every transaction on the wire or queued with {@link io.emms.core.link.LinkException}, releases the
   * line's buffers and detaches it from the link; the link stays open. Later submits fail at once.
   */
  @Override
  public void close() {
    engine.close();
  }
}

package io.emms.dlt645.client;

import io.emms.dlt645.request.RelayRequest;
import io.emms.dlt645.codec.Dlt645Bcd;
import io.emms.bus.Counters;
import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.bus.Priority;
import io.emms.bus.RetryPolicy;
import io.emms.core.link.Link;
import io.emms.core.link.LinkException;
import io.emms.core.meter.MeterControl;
import io.emms.core.meter.MeterException;
import io.emms.core.meter.MeterReader;
import io.emms.core.meter.MeterTimeoutException;
import io.emms.core.meter.RelayCommand;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.dlt645.catalogue.DataItem;
import io.emms.dlt645.catalogue.Dlt645ValueCodec;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645DataId;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645ErrorReason;
import io.emms.dlt645.codec.Dlt645ErrorReplyException;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645Function;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * An asynchronous DL/T 645 master on one bus. It talks to a {@link Link} and never knows the transport: a serial
 * port, a TCP tunnel through a DTU, or an in-memory {@code PipeLink} to a simulator.
 *
 * <p>The client is a facade over an {@code emms-bus} {@link Line}: requests queue and go out one at a time (the
 * bus is half-duplex); each returns a {@link CompletableFuture} completed on the configured executor. A client
 * {@linkplain #create(Link, Dlt645ClientConfig) created on a link} runs a line of its own; several clients (DL/T
 * 645 and Modbus alike) share one RS-485 line when {@linkplain #create(Line, Dlt645ClientConfig) created on the
 * same line}. Whoever creates a link (or a line) closes it: {@link #close()} never closes the link. A reply from another address or with another function is ignored while
 * the response timer keeps running; garbage on the line is skipped by the decoder and counted in
 * {@link #stats()}. Reads are repeated after a timeout per {@link Dlt645RetryPolicy}; commands that change the
 * meter only when the policy says so. Error replies fail the future with {@link Dlt645ErrorReplyException}, an
 * exhausted timeout with {@link io.emms.core.meter.MeterTimeoutException}.
 *
 * <p>As a core {@link MeterReader} it maps quantities to data identifiers through the catalogue and never fails
 * a read for one quantity: a timeout, error reply or undecodable value becomes a reading with quality
 * {@code TIMEOUT}, {@code ERROR}, {@code NO_DATA} or {@code INVALID}. As a {@link MeterControl} it sends relay
 * commands and clock writes.
 *
 * <p>Many meters may share the bus, each with its own edition and credentials ({@link #register}); unregistered
 * meters get the configuration's defaults.
 *
 * <pre>{@code
 * try (Dlt645Client client = Dlt645Client.create(link, Dlt645ClientConfig.builder().build())) {
 *   client.connect().join();
 *   Dlt645ReadResult energy = client.read(Dlt645Address.of("000102030425"), 0x00010000).join();
 * }
 * link.close();
 * }</pre>
 */
public final class Dlt645Client implements MeterReader, MeterControl, AutoCloseable {

  /** 2007 DI of the communication address, read when probing for meters. */
  static final int ADDRESS_DI_2007 = 0x04000401;
  /** 1997 DI of forward active energy, which every 1997 meter has. */
  static final int ENERGY_DI_1997 = 0x9010;
  private static final int DATE_DI_2007 = 0x04000101;
  private static final int TIME_DI_2007 = 0x04000102;
  private static final int DATE_DI_1997 = 0xC010;
  private static final int TIME_DI_1997 = 0xC011;
  private static final long MAX_DISCOVERY_RANGE = 100_000;

  private final Line line;
  private final boolean ownsLine;
  private final Dlt645ClientConfig config;
  private final Dlt645Wire wire;
  private final Map<Dlt645Address, MeterSettings> meters = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private record MeterSettings(Dlt645Edition edition, Dlt645Credentials credentials) {}

  private Dlt645Client(Line line, boolean ownsLine, Dlt645ClientConfig config) {
    this.line = line;
    this.ownsLine = ownsLine;
    this.config = config;
    this.wire = new Dlt645Wire(config);
  }

  /**
   * A client on {@code link}, with a half-duplex line of its own that becomes the link's listener. Call {@link
   * #connect()} before the first request. Closing the client closes that line but not the link: whoever created
   * the link closes it.
   */
  public static Dlt645Client create(Link link, Dlt645ClientConfig config) {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(config, "config");
    return new Dlt645Client(Line.halfDuplex(link, lineConfig(config)), true, config);
  }

  /**
   * A client on a line that other clients (other protocols, too) may share. The line's configuration decides the
   * quiet gap, the queue bound and back-off; {@code config} the timeout, retries, editions and credentials.
   * Closing the client leaves the line and its link open.
   */
  public static Dlt645Client create(Line line, Dlt645ClientConfig config) {
    return new Dlt645Client(Objects.requireNonNull(line, "line"), false, Objects.requireNonNull(config, "config"));
  }

  /** The line a client of its own runs on: the old single-client behaviour, no bound and no back-off. */
  private static LineConfig lineConfig(Dlt645ClientConfig config) {
    LineConfig.Builder line = LineConfig.builder().responseTimeout(config.responseTimeout())
        .retryPolicy(config.retry().asRetryPolicy()).quietGap(config.interFrameDelay())
        .queueCapacity(Integer.MAX_VALUE).backOffAfter(0);
    if (config.scheduler() != null) {
      line.timer(new SchedulerTimer(config.scheduler()));
    }
    return line.build();
  }

  /** Opens the link. */
  public CompletableFuture<Void> connect() {
    return line.link().open();
  }

  /** The line this client's requests go through. */
  public Line line() {
    return line;
  }

  public Dlt645ClientConfig config() {
    return config;
  }

  /** Tells the client which edition a meter speaks; its credentials stay the default ones. */
  public Dlt645Client register(Dlt645Address meter, Dlt645Edition edition) {
    return register(meter, edition, config.defaultCredentials());
  }

  /** Tells the client which edition a meter speaks and which password and operator code it takes. */
  public Dlt645Client register(Dlt645Address meter, Dlt645Edition edition, Dlt645Credentials credentials) {
    meters.put(meter, new MeterSettings(Objects.requireNonNull(edition), Objects.requireNonNull(credentials)));
    return this;
  }

  /** The edition used for a meter: registered, or the default. */
  public Dlt645Edition editionOf(Dlt645Address meter) {
    MeterSettings settings = meters.get(meter);
    return settings == null ? config.defaultEdition() : settings.edition();
  }

  private Dlt645Credentials credentialsOf(Dlt645Address meter) {
    MeterSettings settings = meters.get(meter);
    return settings == null ? config.defaultCredentials() : settings.credentials();
  }

  /**
   * Counters of requests, retries, timeouts and ignored frames of the client's line (on a shared line, of every
   * client on it), and the garbage this client's decoder skipped.
   */
  public Dlt645ClientStats stats() {
    Counters line = this.line.counters();
    return new Dlt645ClientStats(line.requests(), line.retries(), line.timeouts(), line.unmatchedFrames(),
        wire.decoder.droppedBytes(), wire.decoder.badFrames());
  }

  // ---- reads ----

  /** Reads one data identifier, following up until the meter has sent all of it. */
  public CompletableFuture<Dlt645ReadResult> read(Dlt645Address meter, int dataId) {
    return read(meter, dataId, null);
  }

  /**
   * Reads one data identifier whose request carries parameters after the DI (load records: {@code NN} and a
   * start time). Use {@link #readLoadRecords} for those.
   */
  public CompletableFuture<Dlt645ReadResult> read(Dlt645Address meter, int dataId, byte[] parameters) {
    return read(meter, dataId, parameters, Priority.ON_DEMAND);
  }

  /**
   * Reads one data identifier as a periodic poll ({@link Priority#POLL}): on a shared line it waits behind
   * commands and on-demand reads of every client.
   */
  public CompletableFuture<Dlt645ReadResult> poll(Dlt645Address meter, int dataId) {
    return read(meter, dataId, null, Priority.POLL);
  }

  private CompletableFuture<Dlt645ReadResult> read(
      Dlt645Address meter, int dataId, byte[] parameters, Priority priority) {
    Dlt645Edition edition = editionOf(meter);
    return submit(new ReadExchange(wire, meter, edition, dataId,
        parameters == null ? null : parameters.clone(), config.maxFollowUps()).priority(priority));
  }

  /**
   * Reads several data identifiers of one meter, in order. Fails with the first failure; use {@link #read}
   * per DI to get every outcome.
   */
  public CompletableFuture<List<Dlt645ReadResult>> readAll(Dlt645Address meter, List<Integer> dataIds) {
    List<CompletableFuture<Dlt645ReadResult>> reads = new ArrayList<>(dataIds.size());
    for (int dataId : dataIds) {
      reads.add(read(meter, dataId));
    }
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
        .thenApply(done -> reads.stream().map(CompletableFuture::join).toList());
  }

  /**
   * Reads up to {@code count} load records (2007 {@code 06000001}) starting at {@code from} (meter local time,
   * minute resolution): the request carries {@code NN mm hh DD MM YY}.
   */
  public CompletableFuture<Dlt645ReadResult> readLoadRecords(Dlt645Address meter, int count, ZonedDateTime from) {
    checkCount(count);
    ZonedDateTime local = from.withZoneSameInstant(config.zone());
    ByteBuf params = Unpooled.buffer(6);
    params.writeByte(Dlt645Bcd.toByte(count));
    writeTime(local, params, false);
    return read(meter, 0x06000001, ByteBufUtil.getBytes(params));
  }

  /** Reads the latest {@code count} load records (2007 {@code 06000002 NN}). */
  public CompletableFuture<Dlt645ReadResult> readLatestLoadRecords(Dlt645Address meter, int count) {
    checkCount(count);
    return read(meter, 0x06000002, new byte[] {(byte) Dlt645Bcd.toByte(count)});
  }

  private static void checkCount(int count) {
    if (count < 1 || count > 99) {
      throw new IllegalArgumentException("record count must be 1..99, got " + count);
    }
  }

  // ---- addresses ----

  /** Reads the address of the only meter on the bus (2007, 13H to {@code AAAAAAAAAAAA}). */
  public CompletableFuture<Dlt645Address> readAddress() {
    Dlt645Edition edition = Dlt645Edition.V2007;
    return command(Dlt645Address.WILDCARD, edition, Dlt645Function.READ_ADDRESS, new byte[0], false,
        reply -> addressIn(reply, 0));
  }

  /** Sets the address of the only meter on the bus, in the default edition (2007 15H, 1997 0AH). */
  public CompletableFuture<Void> writeAddress(Dlt645Address newAddress) {
    return writeAddress(config.defaultEdition(), newAddress);
  }

  /** Sets the address of the only meter on the bus, speaking {@code edition}. */
  public CompletableFuture<Void> writeAddress(Dlt645Edition edition, Dlt645Address newAddress) {
    byte[] data = new byte[Dlt645Address.LENGTH];
    newAddress.writeTo(Unpooled.wrappedBuffer(data).clear());
    return command(Dlt645Address.WILDCARD, edition, Dlt645Function.WRITE_ADDRESS, data, true, reply -> null);
  }

  /**
   * Finds the meters on a shared bus by probing every address from {@code first} to {@code last} (as 12-digit
   * decimal numbers) once, without retries. A meter that answers, even with an error reply, is present.
   *
   * @return the addresses that answered, in ascending order
   */
  public CompletableFuture<List<Dlt645Address>> discover(
      Dlt645Address first, Dlt645Address last, Duration probeTimeout) {
    long from = Long.parseLong(first.toString());
    long to = Long.parseLong(last.toString());
    if (to < from || to - from >= MAX_DISCOVERY_RANGE) {
      throw new IllegalArgumentException("discovery range must hold 1.." + MAX_DISCOVERY_RANGE + " addresses");
    }
    List<CompletableFuture<Dlt645Address>> probes = new ArrayList<>();
    for (long n = from; n <= to; n++) {
      Dlt645Address candidate = Dlt645Address.of(String.format("%012d", n));
      Dlt645Edition edition = editionOf(candidate);
      ReadExchange probe = new ReadExchange(wire, candidate, edition,
          edition == Dlt645Edition.V2007 ? ADDRESS_DI_2007 : ENERGY_DI_1997, null, 0);
      probe.patience(RetryPolicy.NONE, probeTimeout);
      probes.add(submit(probe).handle((result, error) -> present(error) ? candidate : null));
    }
    return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
        .thenApply(done -> probes.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
  }

  private static boolean present(Throwable error) {
    return error == null || unwrap(error) instanceof Dlt645ErrorReplyException;
  }

  // ---- writes and commands ----

  /** Writes a data item with the meter's credentials (2007 14H: DI, password, operator code, value; 1997 04H). */
  public CompletableFuture<Void> write(Dlt645Address meter, int dataId, byte[] value) {
    return write(meter, dataId, value, credentialsOf(meter));
  }

  /** Writes a data item with explicit credentials. */
  public CompletableFuture<Void> write(
      Dlt645Address meter, int dataId, byte[] value, Dlt645Credentials credentials) {
    Dlt645Edition edition = editionOf(meter);
    byte[] data = build(out -> {
      Dlt645DataId.write(dataId, edition, out);
      credentials.writePasswordTo(out);
      if (edition == Dlt645Edition.V2007) {
        credentials.writeOperatorTo(out);
      }
      out.writeBytes(value);
    });
    return command(meter, edition, Dlt645Function.WRITE_DATA, data, true, reply -> null);
  }

  /** Sets the clock of every meter on the bus (08H to {@code 999999999999}); meters do not reply. */
  public CompletableFuture<Void> broadcastTimeSync(Instant time) {
    byte[] data = build(out -> writeTime(time.atZone(config.zone()), out, true));
    return command(Dlt645Address.BROADCAST, config.defaultEdition(), Dlt645Function.BROADCAST_TIME_SYNC, data,
        false, reply -> null);
  }

  /**
   * Freezes the registers of a meter (2007 16H), or of all meters when {@code meter} is
   * {@link Dlt645Address#BROADCAST} (no reply then).
   */
  public CompletableFuture<Void> freeze(Dlt645Address meter, Dlt645FreezeTime when) {
    Dlt645Edition edition = meter.isBroadcast() ? Dlt645Edition.V2007 : editionOf(meter);
    return command(meter, edition, Dlt645Function.FREEZE, build(when::writeTo), true, reply -> null);
  }

  /** Asks a meter to change its baud rate; completes with the rate it confirmed. Switch the link afterwards. */
  public CompletableFuture<Dlt645BaudRate> changeBaud(Dlt645Address meter, Dlt645BaudRate rate) {
    return command(meter, editionOf(meter), Dlt645Function.CHANGE_BAUD, new byte[] {(byte) rate.z()}, true,
        reply -> {
          requireLength(reply, 1);
          return Dlt645BaudRate.ofZ(reply.dataByte(0));
        });
  }

  /**
   * Sets the password of {@code newLevel} using the meter's current credentials for authority. In 2007 the
   * request is {@code DI 04000C(level+1)}, old {@code PA P0 P1 P2}, new {@code PA P0 P1 P2}; in 1997 old and new
   * password only (layouts unverified against the standard text). Register the new credentials afterwards.
   */
  public CompletableFuture<Void> changePassword(Dlt645Address meter, int newLevel, String newPassword) {
    Dlt645Edition edition = editionOf(meter);
    Dlt645Credentials current = credentialsOf(meter);
    Dlt645Credentials next = new Dlt645Credentials(newLevel, newPassword, current.operatorCode());
    byte[] data = build(out -> {
      if (edition == Dlt645Edition.V2007) {
        Dlt645DataId.write(0x04000C00 | (newLevel + 1), edition, out);
      }
      current.writePasswordTo(out);
      next.writePasswordTo(out);
    });
    return command(meter, edition, Dlt645Function.CHANGE_PASSWORD, data, true, reply -> null);
  }

  /** Clears the maximum-demand registers (2007 19H with password and operator code; 1997 10H with password). */
  public CompletableFuture<Void> clearMaxDemand(Dlt645Address meter) {
    Dlt645Edition edition = editionOf(meter);
    Dlt645Credentials credentials = credentialsOf(meter);
    byte[] data = build(edition == Dlt645Edition.V2007 ? credentials::writeTo : credentials::writePasswordTo);
    return command(meter, edition, Dlt645Function.CLEAR_MAX_DEMAND, data, true, reply -> null);
  }

  /**
   * Clears all energy, demand, event and load registers of a 2007 meter (1AH). Irreversible. With credentials at
   * level {@code 98H} the {@link SecurityProvider}'s ciphertext follows the password and operator code.
   */
  public CompletableFuture<Void> clearMeter(Dlt645Address meter) {
    Dlt645Credentials credentials = credentialsOf(meter);
    Dlt645Edition edition = editionOf(meter);
    if (credentials.level() != Dlt645Credentials.ESAM_LEVEL) {
      return command(meter, edition, Dlt645Function.CLEAR_METER, build(credentials::writeTo), true, reply -> null);
    }
    if (config.securityProvider() == null) {
      return noSecurityProvider();
    }
    return config.securityProvider().meterClearCiphertext(meter).thenCompose(ciphertext -> {
      byte[] data = build(out -> {
        credentials.writeTo(out);
        out.writeBytes(ciphertext);
      });
      return command(meter, edition, Dlt645Function.CLEAR_METER, data, true, reply -> null);
    });
  }

  /** Clears one event log of a 2007 meter (1BH), or all of them with {@code 0xFFFFFFFF}. */
  public CompletableFuture<Void> clearEvents(Dlt645Address meter, int eventDataId) {
    Dlt645Edition edition = editionOf(meter);
    Dlt645Credentials credentials = credentialsOf(meter);
    byte[] data = build(out -> {
      credentials.writeTo(out);
      Dlt645DataId.write(eventDataId, Dlt645Edition.V2007, out);
    });
    return command(meter, edition, Dlt645Function.CLEAR_EVENTS, data, true, reply -> null);
  }

  /** Selects what the multi-function output terminal emits (2007 1DH). */
  public CompletableFuture<Void> terminalOutput(Dlt645Address meter, Dlt645TerminalOutput output) {
    return command(meter, editionOf(meter), Dlt645Function.MULTI_FUNCTION_OUTPUT, new byte[] {(byte) output.code()},
        true, reply -> null);
  }

  /**
   * Sends a relay, alarm or keep-power command (2007 1CH) with a validity deadline: the meter refuses it once
   * {@code validUntil} has passed, so a command delayed in a queue cannot act late. A deadline that has already
   * passed by the client's clock fails at once, without sending.
   *
   * <p>With credentials at level {@code 98H} the configured {@link SecurityProvider} encrypts
   * {@code N1..N8}; otherwise they go in plain text after the password and operator code.
   */
  public CompletableFuture<Void> relay(Dlt645Address meter, RelayCommand command, Instant validUntil) {
    Objects.requireNonNull(command, "command");
    if (!validUntil.isAfter(config.clock().instant())) {
      return CompletableFuture.failedFuture(new IllegalArgumentException(
          "relay deadline " + validUntil + " has passed; a relay command needs a future validity deadline"));
    }
    Dlt645Edition edition = editionOf(meter);
    Dlt645Credentials credentials = credentialsOf(meter);
    RelayRequest request = new RelayRequest(command, validUntil.atZone(config.zone()).toLocalDateTime());
    byte[] plainCommand = build(out -> request.writeData(Dlt645Edition.V2007, out));
    if (credentials.level() != Dlt645Credentials.ESAM_LEVEL) {
      byte[] data = build(out -> {
        credentials.writeTo(out);
        out.writeBytes(plainCommand);
      });
      return command(meter, edition, Dlt645Function.RELAY_CONTROL, data, true, reply -> null);
    }
    if (config.securityProvider() == null) {
      return noSecurityProvider();
    }
    return config.securityProvider().relayCiphertext(meter, plainCommand).thenCompose(ciphertext -> {
      byte[] data = build(out -> {
        credentials.writeTo(out);
        out.writeBytes(ciphertext);
      });
      return command(meter, edition, Dlt645Function.RELAY_CONTROL, data, true, reply -> null);
    });
  }

  /**
   * Runs a security authentication (2007 03H): the {@link SecurityProvider} produces the payload, the meter's
   * ESAM answers, and the provider verifies the answer.
   *
   * @return the meter's answer after the DI (e.g. random number and ESAM serial number)
   */
  public CompletableFuture<byte[]> authenticate(Dlt645Address meter, int dataId) {
    SecurityProvider provider = config.securityProvider();
    if (provider == null) {
      return noSecurityProvider();
    }
    Dlt645Credentials credentials = credentialsOf(meter);
    Dlt645Edition edition = editionOf(meter);
    return provider.authenticationPayload(meter, dataId).thenCompose(payload -> {
      byte[] data = build(out -> {
        Dlt645DataId.write(dataId, Dlt645Edition.V2007, out);
        credentials.writeOperatorTo(out);
        out.writeBytes(payload);
      });
      return command(meter, edition, Dlt645Function.SECURITY_AUTHENTICATION, data, false, reply -> {
        requireLength(reply, 4);
        if (Dlt645DataId.read(reply.data(), 0, Dlt645Edition.V2007) != dataId) {
          throw new MeterException(meter.toString(), "authentication reply for another DI");
        }
        return ByteBufUtil.getBytes(reply.data(), 4, reply.dataLength() - 4);
      });
    }).thenCompose(answer -> provider.verifyAuthentication(meter, dataId, answer).thenApply(ok -> answer));
  }

  private static <T> CompletableFuture<T> noSecurityProvider() {
    return CompletableFuture.failedFuture(
        new IllegalStateException("no SecurityProvider configured for ESAM commands"));
  }

  // ---- core MeterReader ----

  /**
   * {@inheritDoc} The meter id is the 12-digit address. Quantities the edition's catalogue has no data item for
   * come back as {@code NO_DATA} without a request.
   */
  @Override
  public CompletableFuture<List<Reading>> read(String meterId, List<Quantity> quantities) {
    Dlt645Address meter;
    try {
      meter = Dlt645Address.of(meterId);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    QuantityIndex index = QuantityIndex.of(editionOf(meter));
    List<CompletableFuture<Reading>> readings = new ArrayList<>(quantities.size());
    for (Quantity quantity : quantities) {
      readings.add(index.itemFor(quantity)
          .map(item -> read(meter, item.di()).handle((result, error) -> reading(index, meterId, quantity, item,
              result, error)))
          .orElseGet(() -> CompletableFuture.completedFuture(
              Reading.missing(meterId, quantity, config.clock().instant(), Quality.NO_DATA))));
    }
    return CompletableFuture.allOf(readings.toArray(CompletableFuture[]::new))
        .thenApply(done -> readings.stream().map(CompletableFuture::join).toList());
  }

  private Reading reading(QuantityIndex index, String meterId, Quantity quantity, DataItem item,
      Dlt645ReadResult result, Throwable error) {
    Instant now = config.clock().instant();
    if (error != null) {
      return Reading.missing(meterId, quantity, now, qualityOf(unwrap(error)));
    }
    Dlt645ValueCodec.Decoded decoded = Dlt645ValueCodec.decode(item, result.valueBuffer());
    List<Reading> readings = Dlt645ValueCodec.toReadings(index.catalogue(), meterId, item, decoded.value(), now);
    return readings.isEmpty() ? Reading.missing(meterId, quantity, now, Quality.INVALID) : readings.get(0);
  }

  private static Quality qualityOf(Throwable error) {
    if (error instanceof MeterTimeoutException) {
      return Quality.TIMEOUT;
    }
    if (error instanceof Dlt645ErrorReplyException reply
        && (reply.reasons().contains(Dlt645ErrorReason.NO_REQUESTED_DATA)
            || reply.reasons().contains(Dlt645ErrorReason.WRONG_DATA_IDENTIFIER))) {
      return Quality.NO_DATA;
    }
    return Quality.ERROR;
  }

  // ---- core MeterControl ----

  /** {@inheritDoc} The meter id is the 12-digit address. */
  @Override
  public CompletableFuture<Void> relay(String meterId, RelayCommand command, Instant validUntil) {
    return relay(Dlt645Address.of(meterId), command, validUntil);
  }

  /**
   * {@inheritDoc} Writes date then time (2007 04000101 and 04000102; 1997 C010 and C011) with the meter's
   * credentials, so the meter acknowledges, unlike a broadcast time sync.
   */
  @Override
  public CompletableFuture<Void> setClock(String meterId, Instant time) {
    Dlt645Address meter = Dlt645Address.of(meterId);
    ZonedDateTime local = time.atZone(config.zone());
    boolean v2007 = editionOf(meter) == Dlt645Edition.V2007;
    byte[] date = build(out -> out.writeByte(Dlt645Bcd.toByte(local.getDayOfWeek().getValue() % 7))
        .writeByte(Dlt645Bcd.toByte(local.getDayOfMonth())).writeByte(Dlt645Bcd.toByte(local.getMonthValue()))
        .writeByte(Dlt645Bcd.toByte(local.getYear() % 100)));
    byte[] clock = build(out -> out.writeByte(Dlt645Bcd.toByte(local.getSecond())).writeByte(Dlt645Bcd.toByte(local.getMinute()))
        .writeByte(Dlt645Bcd.toByte(local.getHour())));
    return write(meter, v2007 ? DATE_DI_2007 : DATE_DI_1997, date)
        .thenCompose(ok -> write(meter, v2007 ? TIME_DI_2007 : TIME_DI_1997, clock));
  }

  // ---- plumbing ----

  private <T> CompletableFuture<T> command(Dlt645Address meter, Dlt645Edition edition, Dlt645Function function,
      byte[] data, boolean changesMeter, CommandExchange.ReplyParser<T> parser) {
    if (!function.supportedBy(edition)) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException(
          function + " does not exist in DL/T 645-" + edition.name().substring(1)));
    }
    CommandExchange<T> exchange = new CommandExchange<>(wire, meter, edition, function, data, changesMeter, parser);
    return submit(changesMeter ? exchange.priority(Priority.COMMAND) : exchange);
  }

  /** Runs {@code exchange} on the line and completes the caller's future on the configured executor. */
  private <T> CompletableFuture<T> submit(Exchange<T> exchange) {
    CompletableFuture<T> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new LinkException(exchange.meterId(), "DL/T 645 client is closed", null));
      return result;
    }
    Executor executor = config.executor();
    line.submit(exchange).whenComplete((value, error) -> executor.execute(() -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(value);
      }
    }));
    return result;
  }

  private static byte[] build(Consumer<ByteBuf> writer) {
    ByteBuf out = Unpooled.buffer(32);
    writer.accept(out);
    return ByteBufUtil.getBytes(out);
  }

  /** {@code ss mm hh DD MM YY} (or without seconds: {@code mm hh DD MM YY}). */
  private static void writeTime(ZonedDateTime t, ByteBuf out, boolean seconds) {
    if (seconds) {
      out.writeByte(Dlt645Bcd.toByte(t.getSecond()));
    }
    out.writeByte(Dlt645Bcd.toByte(t.getMinute())).writeByte(Dlt645Bcd.toByte(t.getHour())).writeByte(Dlt645Bcd.toByte(t.getDayOfMonth()))
        .writeByte(Dlt645Bcd.toByte(t.getMonthValue())).writeByte(Dlt645Bcd.toByte(t.getYear() % 100));
  }


  private static Dlt645Address addressIn(Dlt645Frame reply, int index) {
    requireLength(reply, index + Dlt645Address.LENGTH);
    return Dlt645Address.readFrom(reply.data(), index);
  }

  private static void requireLength(Dlt645Frame reply, int length) {
    if (reply.dataLength() < length) {
      throw new MeterException(reply.address().toString(),
          "reply too short: " + reply.dataLength() + " bytes, expected at least " + length);
    }
  }

  static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
  }

  /**
   * Ends the client: later requests fail at once. A client created on a link closes its own line, failing what is
   * queued or in flight, and leaves the link open; a client created on a shared line leaves the line as it is.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsLine) {
      line.close();
    }
  }
}

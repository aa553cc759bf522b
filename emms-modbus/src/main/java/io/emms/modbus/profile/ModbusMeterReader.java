package io.emms.modbus.profile;

import io.emms.core.meter.MeterException;
import io.emms.core.meter.MeterReader;
import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusExceptionResponseException;
import io.emms.modbus.client.ModbusTimeoutException;
import io.emms.modbus.client.RegisterRange;
import io.emms.modbus.pdu.ExceptionCode;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads profiled meters over a {@link ModbusClient} into core {@link Reading}s.
 *
 * <p>The meter id is the Modbus unit id in decimal ({@code "1"} .. {@code "247"}). The registers of all requested
 * quantities are fetched in as few block reads as the profile's {@link io.emms.modbus.client.ReadOptimizer} allows,
 * all sent at once (pipelined on TCP, queued on a serial bus); a merged block the meter refuses with exception 02
 * is read again point by point. A quantity the profile does not map reads as
 * {@link Quality#NO_DATA}; a NaN or infinite float as {@link Quality#INVALID}; a block that timed out as
 * {@link Quality#TIMEOUT}; a refused block or a failed link as {@link Quality#ERROR}.
 */
public final class ModbusMeterReader implements MeterReader {

  private final ModbusClient client;
  private final MeterProfile profile;
  private final Clock clock;

  public ModbusMeterReader(ModbusClient client, MeterProfile profile) {
    this(client, profile, Clock.systemUTC());
  }

  /** With a clock for the readings' timestamps (the moment each block's response arrived). */
  public ModbusMeterReader(ModbusClient client, MeterProfile profile, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public MeterProfile profile() {
    return profile;
  }

  /** Reads every quantity the profile maps. */
  public CompletableFuture<List<Reading>> readAll(String meterId) {
    return read(meterId, profile.quantities());
  }

  @Override
  public CompletableFuture<List<Reading>> read(String meterId, List<Quantity> quantities) {
    int unitId;
    try {
      unitId = Integer.parseInt(meterId.strip());
    } catch (NumberFormatException e) {
      return CompletableFuture.failedFuture(
          new MeterException(meterId, "a Modbus meter id is its unit id 1..247, got '" + meterId + "'"));
    }
    if (unitId < 1 || unitId > 247) {
      return CompletableFuture.failedFuture(new MeterException(meterId, "unit id " + unitId + " is not 1..247"));
    }
    List<RegisterPoint> points = new ArrayList<>();
    for (Quantity q : quantities) {
      points.add(profile.point(q).orElse(null));
    }
    List<RegisterRange> blocks = profile.optimizer().plan(
        points.stream().filter(Objects::nonNull).map(RegisterPoint::range).toList());
    List<CompletableFuture<List<Block>>> reads = new ArrayList<>();
    for (RegisterRange block : blocks) {
      reads.add(readBlock(unitId, block, points.stream()
          .filter(p -> p != null && block.contains(p.range())).map(RegisterPoint::range).distinct().toList()));
    }
    return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<Block> done = reads.stream().flatMap(r -> r.join().stream()).toList();
      List<Reading> readings = new ArrayList<>(quantities.size());
      for (int i = 0; i < quantities.size(); i++) {
        readings.add(reading(meterId, quantities.get(i), points.get(i), done));
      }
      return readings;
    });
  }

  /**
   * Reads one planned block. A meter that refuses a merged block with exception 02 (it spans registers the meter
   * does not define) is asked again point by point, so a gap that the profile allowed to bridge costs round trips,
   * not values.
   */
  private CompletableFuture<List<Block>> readBlock(int unitId, RegisterRange block, List<RegisterRange> wanted) {
    return client.readRegisters(unitId, block).handle((data, failure) -> {
      if (failure == null || wanted.size() < 2 || !refusedAddress(failure)) {
        return CompletableFuture.completedFuture(List.of(new Block(block, data, failure, clock.instant())));
      }
      List<CompletableFuture<Block>> singles = wanted.stream()
          .map(range -> client.readRegisters(unitId, range)
              .handle((d, f) -> new Block(range, d, f, clock.instant())))
          .toList();
      return CompletableFuture.allOf(singles.toArray(CompletableFuture[]::new))
          .thenApply(v -> singles.stream().map(CompletableFuture::join).toList());
    }).thenCompose(blocks -> blocks);
  }

  private static boolean refusedAddress(Throwable failure) {
    Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
    return cause instanceof ModbusExceptionResponseException refused
        && refused.exceptionCode() == ExceptionCode.ILLEGAL_DATA_ADDRESS;
  }

  private Reading reading(String meterId, Quantity quantity, RegisterPoint point, List<Block> blocks) {
    if (point == null) {
      return Reading.missing(meterId, quantity, clock.instant(), Quality.NO_DATA);
    }
    Block block = blocks.stream().filter(b -> b.range.contains(point.range())).findFirst().orElseThrow();
    if (block.failure != null) {
      Throwable cause = block.failure instanceof CompletionException c ? c.getCause() : block.failure;
      Quality quality = cause instanceof ModbusTimeoutException ? Quality.TIMEOUT : Quality.ERROR;
      return Reading.missing(meterId, quantity, block.at, quality);
    }
    BigDecimal value = point.format().decode(block.data, 2 * (point.address() - block.range.address()));
    return value == null
        ? Reading.missing(meterId, quantity, block.at, Quality.INVALID)
        : Reading.valid(meterId, quantity, value, block.at);
  }

  private record Block(RegisterRange range, ByteBuf data, Throwable failure, Instant at) {}
}

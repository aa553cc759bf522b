package io.emms.dlt645.simulator;

import io.emms.dlt645.request.RelayRequest;
import static io.emms.dlt645.simulator.internal.BcdWriter.decimal;
import static io.emms.dlt645.simulator.internal.BcdWriter.energy;
import static io.emms.dlt645.simulator.internal.BcdWriter.time;
import static io.emms.dlt645.simulator.internal.BcdWriter.unsigned;

import io.emms.core.meter.RelayCommand;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Control;
import io.emms.dlt645.codec.Dlt645ErrorReason;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645Function;
import io.emms.dlt645.simulator.SimulatedMeter.EventRecord;
import io.emms.dlt645.simulator.SimulatedMeter.Frozen;
import io.emms.dlt645.simulator.SimulatedMeter.LoadRecord;
import io.emms.dlt645.simulator.SimulatedMeter.Snapshot;
import io.emms.dlt645.simulator.internal.BcdReader;
import io.emms.dlt645.simulator.internal.BcdWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** DL/T 645-2007 rules of a simulated meter. */
final class Responder2007 extends MeterResponder {

  /** Error word of a failed security authentication (the bit ESAMs commonly use for "authentication failed"). */
  static final int SECURITY_AUTH_FAILED = 0x0004;
  private static final int PROGRAMMING_PREFIX = 8;

  // Scratch for energy reads; a responder serves one link, from its I/O thread.
  private final double[] forward = new double[SimulatedMeterConfig.TARIFFS + 1];
  private final double[] reverse = new double[SimulatedMeterConfig.TARIFFS + 1];
  private final double[] quadrant = new double[4];

  Responder2007(SimulatedMeter meter) {
    super(meter);
  }

  @Override
  Dlt645ErrorReason noData() {
    return Dlt645ErrorReason.NO_REQUESTED_DATA;
  }

  @Override
  int respond(Dlt645Frame request, boolean broadcast, boolean wildcard, ByteBuf out) {
    ByteBuf data = request.data();
    int at = data.readerIndex();
    int length = data.readableBytes();
    Optional<Dlt645Function> known = Dlt645Function.of(request.functionBits(), edition);
    if (known.isEmpty()) {
      return broadcast ? NO_REPLY : errorBits(request.functionBits(), out);
    }
    Dlt645Function function = known.get();
    if (broadcast) {
      actOnBroadcast(function, data, at, length);
      return NO_REPLY;
    }
    return switch (function) {
      case READ_DATA -> length < 4 ? error(function, out, Dlt645ErrorReason.OTHER) : read(data, at, length, out);
      case READ_FOLLOW_UP -> length < 5
          ? error(function, out, Dlt645ErrorReason.OTHER)
          : followUpReply(readDi(data, at, 4), data.getUnsignedByte(at + 4), out);
      case READ_ADDRESS -> readAddress(wildcard, out);
      case WRITE_DATA -> write(data, at, length, out);
      case WRITE_ADDRESS -> writeAddress(data, at, length, out, Dlt645ErrorReason.OTHER);
      case BROADCAST_TIME_SYNC -> timeSync(data, at, length);
      case FREEZE -> freeze(data, at, length, out);
      case CHANGE_BAUD -> changeBaud(data, at, length, out, Dlt645ErrorReason.BAUD_RATE_UNCHANGEABLE);
      case CHANGE_PASSWORD -> changePassword(data, at, length, out);
      case CLEAR_MAX_DEMAND -> authorised(function, data, at, length, out, meter::clearMaxDemand);
      case CLEAR_METER -> clearMeter(data, at, length, out);
      case CLEAR_EVENTS -> clearEvents(data, at, length, out);
      case RELAY_CONTROL -> relay(data, at, length, out);
      case MULTI_FUNCTION_OUTPUT -> terminalOutput(data, at, length, out);
      case SECURITY_AUTHENTICATION -> security(data, at, length, out);
      default -> error(function, out, Dlt645ErrorReason.OTHER);
    };
  }

  private int errorBits(int functionBits, ByteBuf out) {
    out.writeByte(1 << Dlt645ErrorReason.OTHER.bit(edition));
    return Dlt645Control.RESPONSE | Dlt645Control.ERROR | functionBits;
  }

  private void actOnBroadcast(Dlt645Function function, ByteBuf data, int at, int length) {
    if (function == Dlt645Function.BROADCAST_TIME_SYNC) {
      timeSync(data, at, length);
    } else if (function == Dlt645Function.FREEZE && length == 4) {
      meter.freeze(BcdReader.digits(data, at, 4));
    }
  }

  private int timeSync(ByteBuf data, int at, int length) {
    ZonedDateTime time = length == 6 ? readTime(data, at) : null;
    if (time != null) {
      meter.setMeterTime(time);
    }
    return NO_REPLY;
  }

  // ---- read ----

  private int read(ByteBuf data, int at, int length, ByteBuf out) {
    int di = readDi(data, at, 4);
    ByteBuf value = valueScratch();
    if (!value(di, data, at + 4, length - 4, value)) {
      return error(Dlt645Function.READ_DATA, out, Dlt645ErrorReason.NO_REQUESTED_DATA);
    }
    return readReply(Dlt645Function.READ_DATA, di, value, out);
  }

  /** Writes the value of {@code di}; false when the meter has no such item. */
  private boolean value(int di, ByteBuf request, int paramsAt, int paramsLength, ByteBuf out) {
    return switch (di >>> 24) {
      case 0x00 -> energyValue(di, out);
      case 0x01 -> di == 0x01010000 && demand(out);
      case 0x02 -> instantaneous(di, out);
      case 0x03 -> event(di, out);
      case 0x04 -> parameter(di, out);
      case 0x05 -> frozen(di, out);
      case 0x06 -> loadRecords(di, request, paramsAt, paramsLength, out);
      default -> false;
    };
  }

  private boolean energyValue(int di, ByteBuf out) {
    int quantity = (di >>> 16) & 0xFF;
    int tariff = (di >>> 8) & 0xFF;
    if ((di & 0xFF) != 0 || (tariff > SimulatedMeterConfig.TARIFFS && tariff != 0xFF)) {
      return false;
    }
    meter.copyEnergy(forward, reverse, quadrant);
    double[] register = switch (quantity) {
      case 0x00 -> combined(forward, reverse);
      case 0x01 -> forward;
      case 0x02 -> reverse;
      default -> null;
    };
    if (register != null) {
      boolean signed = quantity == 0x00;
      int from = tariff == 0xFF ? 0 : tariff;
      int to = tariff == 0xFF ? SimulatedMeterConfig.TARIFFS : tariff;
      for (int t = from; t <= to; t++) {
        double v = t == 0 ? SimulatedMeter.sum(register) : register[t];
        if (signed) {
          BcdWriter.signed(out, (long) (v * 100), 4);
        } else {
          energy(out, v);
        }
      }
      return true;
    }
    // Reactive registers are kept as totals only.
    if (tariff != 0) {
      return false;
    }
    double[] q = quadrant;
    switch (quantity) {
      case 0x03 -> BcdWriter.signed(out, (long) ((q[0] + q[1]) * 100), 4);
      case 0x04 -> BcdWriter.signed(out, (long) ((q[2] + q[3]) * 100), 4);
      case 0x05, 0x06, 0x07, 0x08 -> energy(out, q[quantity - 0x05]);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static double[] combined(double[] forward, double[] reverse) {
    double[] c = new double[forward.length];
    for (int t = 1; t < c.length; t++) {
      c[t] = forward[t] - reverse[t];
    }
    return c;
  }

  private boolean demand(ByteBuf out) {
    Snapshot s = meter.snapshot();
    decimal(out, s.maxDemandKw(), 4, 3, true);
    if (s.maxDemandTime() == null) {
      out.writeZero(5);
    } else {
      time(out, s.maxDemandTime(), "mhDMY");
    }
    return true;
  }

  private boolean instantaneous(int di, ByteBuf out) {
    int item = (di >>> 16) & 0xFF;
    int phase = (di >>> 8) & 0xFF;
    Snapshot s = meter.snapshot();
    if (item == 0x80) {
      return di == 0x02800001 ? writeDecimal(out, 0, 3, 3, true)
          : di == 0x02800002 ? writeDecimal(out, s.frequency(), 2, 2, false)
          : di == 0x02800007 && writeDecimal(out, s.temperature(), 1, 2, true);
    }
    if ((di & 0xFF) != 0) {
      return false;
    }
    boolean perPhaseOnly = item == 0x01 || item == 0x02;
    int first = phase == 0xFF ? (perPhaseOnly ? 1 : 0) : phase;
    int last = phase == 0xFF ? 3 : phase;
    if (first > 3 || (perPhaseOnly && first == 0)) {
      return false;
    }
    for (int p = first; p <= last; p++) {
      boolean ok = switch (item) {
        case 0x01 -> writeDecimal(out, s.volts()[p - 1], 1, 2, false);
        case 0x02 -> writeDecimal(out, s.amps()[p - 1], 3, 3, true);
        case 0x03 -> writeDecimal(out, p == 0 ? s.kw() : s.kwPhase()[p - 1], 4, 3, true);
        case 0x04 -> writeDecimal(out, (p == 0 ? s.kw() : s.kwPhase()[p - 1]) * s.tanPhi(), 4, 3, true);
        case 0x05 -> writeDecimal(out, Math.abs(p == 0 ? s.kw() : s.kwPhase()[p - 1]) * Math.hypot(1, s.tanPhi()),
            4, 3, true);
        case 0x06 -> writeDecimal(out, s.powerFactor(), 3, 2, true);
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean writeDecimal(ByteBuf out, double value, int decimals, int bytes, boolean signed) {
    decimal(out, value, decimals, bytes, signed);
    return true;
  }

  private boolean event(int di, ByteBuf out) {
    List<EventRecord> records;
    long count;
    if ((di & 0xFFFFFF00) == 0x03110000) {
      records = meter.powerDowns();
      count = meter.powerDownCount();
    } else if ((di & 0xFFFFFF00) == 0x03300D00) {
      records = meter.coverOpenings();
      count = meter.coverOpenCount();
    } else {
      return false;
    }
    int n = di & 0xFF;
    if (n == 0) {
      unsigned(out, count, 3);
      return true;
    }
    if (n > 10) {
      return false;
    }
    boolean cover = (di & 0xFFFFFF00) == 0x03300D00;
    if (n > records.size()) {
      // The meter has the item, but not that many records: a zero-filled record, as meters send.
      out.writeZero(cover ? 60 : 12);
      return true;
    }
    EventRecord r = records.get(records.size() - n);
    time(out, r.start(), "smhDMY");
    time(out, r.end(), "smhDMY");
    if (cover) {
      for (double v : r.energyAtStart()) {
        energy(out, v);
      }
      for (double v : r.energyAtEnd()) {
        energy(out, v);
      }
    }
    return true;
  }

  private boolean parameter(int di, ByteBuf out) {
    switch (di) {
      case 0x04000101 -> time(out, meter.meterTime(), "WDMY");
      case 0x04000102 -> time(out, meter.meterTime(), "smh");
      case 0x04000401 -> meter.address().writeTo(out);
      case 0x04000402 -> Dlt645Address.of(meter.config().meterNumber()).writeTo(out);
      case 0x04000501, 0x04000502, 0x04000504, 0x04000505, 0x04000506, 0x04000507 -> out.writeZero(2);
      case 0x04000503 -> out.writeShortLE(meter.snapshot().statusWord3());
      default -> {
        return false;
      }
    }
    return true;
  }

  /** 0506xx01 the last daily freeze, 0501xx01 the last instant freeze; xx = 00 time, 01 forward active block. */
  private boolean frozen(int di, ByteBuf out) {
    int kind = (di >>> 16) & 0xFF;
    if (kind != 0x06 && kind != 0x01) {
      return false;
    }
    Frozen f = kind == 0x06 ? meter.lastDailyFreeze() : meter.lastInstantFreeze();
    int item = di & 0xFF00;
    if ((di & 0xFF) != 0x01) {
      return false;
    }
    if (item == 0x0000) {
      if (f == null) {
        out.writeZero(5);
      } else {
        time(out, f.time(), "mhDMY");
      }
      return true;
    }
    if (item != 0x0100) {
      return false;
    }
    for (int t = 0; t <= SimulatedMeterConfig.TARIFFS; t++) {
      energy(out, f == null ? 0 : t == 0 ? SimulatedMeter.sum(f.forward()) : f.forward()[t]);
    }
    return true;
  }

  // ---- load records ----

  private boolean loadRecords(int di, ByteBuf request, int at, int length, ByteBuf out) {
    if (di != 0x06000000 && di != 0x06000001 && di != 0x06000002) {
      return false;
    }
    int wanted = length >= 1 ? (int) BcdReader.unsigned(request, at, 1) : 1;
    if (wanted <= 0) {
      return false;
    }
    List<LoadRecord> all = meter.loadRecords();
    List<LoadRecord> chosen;
    if (di == 0x06000000) {
      chosen = all.subList(0, Math.min(wanted, all.size()));
    } else if (di == 0x06000002) {
      chosen = all.subList(Math.max(0, all.size() - wanted), all.size());
    } else {
      ZonedDateTime from = length >= 6 ? readMinuteTime(request, at + 1) : null;
      if (from == null) {
        return false;
      }
      int first = 0;
      while (first < all.size() && all.get(first).time().isBefore(from)) {
        first++;
      }
      chosen = all.subList(first, Math.min(all.size(), first + wanted));
    }
    if (chosen.isEmpty()) {
      return false;
    }
    for (LoadRecord r : chosen) {
      writeLoadRecord(r, out);
    }
    return true;
  }

  private ZonedDateTime readMinuteTime(ByteBuf data, int index) {
    ByteBuf withSeconds = Unpooled.buffer(6).writeByte(0).writeBytes(data, index, 5);
    try {
      return readTime(withSeconds, 0);
    } finally {
      withSeconds.release();
    }
  }

  /**
   * {@code A0 A0 | len | YYMMDDhhmm | class1 | AA | class2 | AA | class3 | AA | class4 | AA | class5 | AA |
   * class6 | AA | CS | E5}; {@code len} counts the bytes from the time through the last {@code AA}, and CS sums
   * the bytes from the first {@code A0} through the last {@code AA}.
   */
  static void writeLoadRecord(LoadRecord r, ByteBuf out) {
    int start = out.writerIndex();
    out.writeByte(0xA0).writeByte(0xA0);
    int lengthIndex = out.writerIndex();
    out.writeByte(0);
    time(out, r.time(), "mhDMY");
    for (int p = 0; p < 3; p++) {
      decimal(out, r.volts(), 1, 2, false);
    }
    for (int p = 0; p < 3; p++) {
      decimal(out, r.amps(), 3, 3, true);
    }
    decimal(out, 50.0, 2, 2, false);
    out.writeByte(0xAA);
    decimal(out, r.kw(), 4, 3, true);
    for (int p = 0; p < 3; p++) {
      decimal(out, r.kw() / 3, 4, 3, true);
    }
    decimal(out, r.kvar(), 4, 3, true);
    for (int p = 0; p < 3; p++) {
      decimal(out, r.kvar() / 3, 4, 3, true);
    }
    out.writeByte(0xAA);
    for (int p = 0; p < 4; p++) {
      decimal(out, r.powerFactor(), 3, 2, true);
    }
    out.writeByte(0xAA);
    energy(out, r.forwardKwh());
    energy(out, r.reverseKwh());
    BcdWriter.signed(out, (long) ((r.quadrant()[0] + r.quadrant()[1]) * 100), 4);
    BcdWriter.signed(out, (long) ((r.quadrant()[2] + r.quadrant()[3]) * 100), 4);
    out.writeByte(0xAA);
    for (double q : r.quadrant()) {
      energy(out, q);
    }
    out.writeByte(0xAA);
    decimal(out, r.demandKw(), 4, 3, true);
    decimal(out, r.demandKw() * Math.tan(Math.acos(r.powerFactor())), 4, 3, true);
    out.writeByte(0xAA);
    out.setByte(lengthIndex, out.writerIndex() - lengthIndex - 1);
    int sum = 0;
    for (int i = start; i < out.writerIndex(); i++) {
      sum += out.getUnsignedByte(i);
    }
    out.writeByte(sum);
    out.writeByte(0xE5);
  }

  // ---- commands ----

  private int readAddress(boolean wildcard, ByteBuf out) {
    if (!wildcard) {
      return error(Dlt645Function.READ_ADDRESS, out, Dlt645ErrorReason.OTHER);
    }
    meter.address().writeTo(out);
    return ok(Dlt645Function.READ_ADDRESS);
  }

  private int write(ByteBuf data, int at, int length, ByteBuf out) {
    Dlt645Function function = Dlt645Function.WRITE_DATA;
    if (length < 4 + PROGRAMMING_PREFIX) {
      return error(function, out, Dlt645ErrorReason.OTHER);
    }
    if (!passwordOk(data, at + 4)) {
      return error(function, out, Dlt645ErrorReason.PASSWORD_ERROR);
    }
    int di = readDi(data, at, 4);
    int valueAt = at + 4 + PROGRAMMING_PREFIX;
    int valueLength = length - 4 - PROGRAMMING_PREFIX;
    ZonedDateTime now = meter.meterTime();
    if (di == 0x04000101 && valueLength == 4) {
      long[] f = fields(data, valueAt, 4);
      ZonedDateTime t = f == null ? null : safeTime(2000 + (int) f[3], (int) f[2], (int) f[1],
          now.getHour(), now.getMinute(), now.getSecond());
      return t == null ? error(function, out, Dlt645ErrorReason.OTHER) : setTime(t);
    }
    if (di == 0x04000102 && valueLength == 3) {
      long[] f = fields(data, valueAt, 3);
      ZonedDateTime t = f == null ? null : safeTime(now.getYear(), now.getMonthValue(), now.getDayOfMonth(),
          (int) f[2], (int) f[1], (int) f[0]);
      return t == null ? error(function, out, Dlt645ErrorReason.OTHER) : setTime(t);
    }
    return error(function, out, Dlt645ErrorReason.NO_REQUESTED_DATA);
  }

  private int setTime(ZonedDateTime t) {
    meter.setMeterTime(t);
    return ok(Dlt645Function.WRITE_DATA);
  }

  private ZonedDateTime safeTime(int y, int mo, int d, int h, int mi, int s) {
    try {
      return ZonedDateTime.of(y, mo, d, h, mi, s, 0, meter.config().zone());
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static long[] fields(ByteBuf data, int at, int n) {
    long[] f = new long[n];
    for (int i = 0; i < n; i++) {
      f[i] = BcdReader.unsigned(data, at + i, 1);
      if (f[i] < 0) {
        return null;
      }
    }
    return f;
  }

  private int freeze(ByteBuf data, int at, int length, ByteBuf out) {
    if (length != 4) {
      return error(Dlt645Function.FREEZE, out, Dlt645ErrorReason.OTHER);
    }
    meter.freeze(BcdReader.digits(data, at, 4));
    return ok(Dlt645Function.FREEZE);
  }

  /** DI (04000C01..0A) + old PA P0 P1 P2 + new PA P0 P1 P2; the reply echoes the new password. */
  private int changePassword(ByteBuf data, int at, int length, ByteBuf out) {
    Dlt645Function function = Dlt645Function.CHANGE_PASSWORD;
    if (length != 12) {
      return error(function, out, Dlt645ErrorReason.OTHER);
    }
    int di = readDi(data, at, 4);
    int newLevel = data.getUnsignedByte(at + 8);
    if ((di & 0xFFFFFF00) != 0x04000C00 || (di & 0xFF) != newLevel + 1) {
      return error(function, out, Dlt645ErrorReason.OTHER);
    }
    String newPassword = BcdReader.digits(data, at + 9, 3);
    if (!newPassword.matches("[0-9]{6}")) {
      return error(function, out, Dlt645ErrorReason.OTHER);
    }
    if (!meter.changePassword(data.getUnsignedByte(at + 4), BcdReader.digits(data, at + 5, 3), newLevel,
        newPassword)) {
      return error(function, out, Dlt645ErrorReason.PASSWORD_ERROR);
    }
    out.writeBytes(data, at + 8, 4);
    return ok(function);
  }

  private int authorised(Dlt645Function function, ByteBuf data, int at, int length, ByteBuf out, Runnable act) {
    if (length < PROGRAMMING_PREFIX) {
      return error(function, out, Dlt645ErrorReason.OTHER);
    }
    if (!passwordOk(data, at)) {
      return error(function, out, Dlt645ErrorReason.PASSWORD_ERROR);
    }
    act.run();
    return ok(function);
  }

  /** Password + operator code; at {@code PA = 98H} the ESAM must verify the ciphertext that follows. */
  private int clearMeter(ByteBuf data, int at, int length, ByteBuf out) {
    Dlt645Function function = Dlt645Function.CLEAR_METER;
    if (length < PROGRAMMING_PREFIX || data.getUnsignedByte(at) != 0x98) {
      return authorised(function, data, at, length, out, meter::clearMeter);
    }
    SimulatedEsam esam = meter.config().esam();
    byte[] ciphertext = ByteBufUtil.getBytes(data, at + PROGRAMMING_PREFIX, length - PROGRAMMING_PREFIX);
    if (esam == null || !esam.verifyMeterClear(ciphertext)) {
      return error(function, out, Dlt645ErrorReason.PASSWORD_ERROR);
    }
    meter.clearMeter();
    return ok(function);
  }

  private int clearEvents(ByteBuf data, int at, int length, ByteBuf out) {
    Dlt645Function function = Dlt645Function.CLEAR_EVENTS;
    if (length != PROGRAMMING_PREFIX + 4) {
      return error(function, out, Dlt645ErrorReason.OTHER);
    }
    if (!passwordOk(data, at)) {
      return error(function, out, Dlt645ErrorReason.PASSWORD_ERROR);
    }
    int di = readDi(data, at + PROGRAMMING_PREFIX, 4);
    boolean all = di == 0xFFFFFFFF;
    boolean powerDown = (di & 0xFFFF0000) == 0x03110000;
    boolean cover = (di & 0xFFFFFF00) == 0x03300D00;
    if (!all && !powerDown && !cover) {
      return error(function, out, Dlt645ErrorReason.NO_REQUESTED_DATA);
    }
    meter.clearEvents(all || powerDown, all || cover);
    return ok(function);
  }

  /** Password (4) + operator (4) + N1 N2 + deadline ssmmhhDDMMYY; or PA = 98H + operator + ciphertext. */
  private int relay(ByteBuf data, int at, int length, ByteBuf out) {
    Dlt645Function function = Dlt645Function.RELAY_CONTROL;
    if (length < PROGRAMMING_PREFIX) {
      return error(function, out, Dlt645ErrorReason.OTHER);
    }
    ByteBuf command;
    if (data.getUnsignedByte(at) == 0x98) {
      SimulatedEsam esam = meter.config().esam();
      Optional<byte[]> plain = esam == null ? Optional.empty()
          : esam.decryptRelay(ByteBufUtil.getBytes(data, at + PROGRAMMING_PREFIX, length - PROGRAMMING_PREFIX));
      if (plain.isEmpty() || plain.get().length != 8) {
        return error(function, out, Dlt645ErrorReason.PASSWORD_ERROR);
      }
      command = Unpooled.wrappedBuffer(plain.get());
    } else {
      if (!passwordOk(data, at)) {
        return error(function, out, Dlt645ErrorReason.PASSWORD_ERROR);
      }
      if (length != PROGRAMMING_PREFIX + 8) {
        return error(function, out, Dlt645ErrorReason.OTHER);
      }
      command = data.retainedSlice(at + PROGRAMMING_PREFIX, 8);
    }
    try {
      return relayCommand(command, out);
    } finally {
      command.release();
    }
  }

  private int relayCommand(ByteBuf command, ByteBuf out) {
    Dlt645Function function = Dlt645Function.RELAY_CONTROL;
    int base = command.readerIndex();
    Optional<RelayRequest> request = RelayRequest.parse(command, base);
    RelayCommand relay = request.map(RelayRequest::command).orElse(null);
    ZonedDateTime deadline = request.map(r -> r.validUntil().atZone(meter.config().zone())).orElse(null);
    // A command past its validity deadline (or without a readable one) is refused: it may be a replay.
    if (relay == null || deadline == null || deadline.isBefore(meter.meterTime()) || !meter.relay(relay)) {
      return error(function, out, Dlt645ErrorReason.OTHER);
    }
    return ok(function);
  }

  private int terminalOutput(ByteBuf data, int at, int length, ByteBuf out) {
    int output = length == 1 ? data.getUnsignedByte(at) : -1;
    if (output < 0 || output > 2) {
      return error(Dlt645Function.MULTI_FUNCTION_OUTPUT, out, Dlt645ErrorReason.OTHER);
    }
    meter.setTerminalOutput(output);
    out.writeByte(output);
    return ok(Dlt645Function.MULTI_FUNCTION_OUTPUT);
  }

  /** DI (4) + operator code (4) + payload; the reply carries DI + the ESAM's answer. */
  private int security(ByteBuf data, int at, int length, ByteBuf out) {
    Dlt645Function function = Dlt645Function.SECURITY_AUTHENTICATION;
    SimulatedEsam esam = meter.config().esam();
    Optional<byte[]> answer = Optional.empty();
    int di = length >= 8 ? readDi(data, at, 4) : 0;
    if (esam != null && length >= 8) {
      answer = esam.authenticate(di, ByteBufUtil.getBytes(data, at + 8, length - 8));
    }
    if (answer.isEmpty()) {
      out.writeShortLE(SECURITY_AUTH_FAILED);
      return Dlt645Control.errorReply(function, edition);
    }
    writeDi(di, out);
    out.writeBytes(answer.get());
    return ok(function);
  }
}

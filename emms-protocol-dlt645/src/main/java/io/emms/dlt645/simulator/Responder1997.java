package io.emms.dlt645.simulator;

import static io.emms.dlt645.simulator.internal.BcdWriter.decimal;
import static io.emms.dlt645.simulator.internal.BcdWriter.energy;
import static io.emms.dlt645.simulator.internal.BcdWriter.time;
import static io.emms.dlt645.simulator.internal.BcdWriter.unsigned;

import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Control;
import io.emms.dlt645.codec.Dlt645ErrorReason;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645Function;
import io.emms.dlt645.simulator.SimulatedMeter.Snapshot;
import io.emms.dlt645.simulator.internal.BcdReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.util.Optional;

/** DL/T 645-1997 rules of a simulated meter: 2-byte DIs, no operator code, fewer functions. */
final class Responder1997 extends MeterResponder {

  /** Impulses per kWh reported as the meter constant (C030). */
  static final int METER_CONSTANT = 1600;
  private static final int PASSWORD_LENGTH = 4;

  // The DATA and control byte of the last reply, kept for a re-read (control 03); heap, nothing to release.
  private final ByteBuf lastReply = Unpooled.buffer(256);
  private int lastControl = NO_REPLY;

  Responder1997(SimulatedMeter meter) {
    super(meter);
  }

  @Override
  Dlt645ErrorReason noData() {
    return Dlt645ErrorReason.WRONG_DATA_IDENTIFIER;
  }

  /**
   * Answers a re-read (03) with the last reply again, its function bits those of 03 (83, or A3 when it had a
   * follow-up; an error reply is repeated as C3); every other request as its function says, remembering the reply.
   */
  @Override
  int respond(Dlt645Frame request, boolean broadcast, boolean wildcard, ByteBuf out) {
    int functionBits = request.functionBits() & Dlt645Control.FUNCTION_MASK;
    if (functionBits == Dlt645Function.RE_READ.code(edition) && !broadcast) {
      return reRead(out);
    }
    int start = out.writerIndex();
    int control = answer(request, broadcast, out);
    if (control != NO_REPLY) {
      lastControl = control;
      lastReply.clear().writeBytes(out, start, out.writerIndex() - start);
    }
    return control;
  }

  private int reRead(ByteBuf out) {
    if (lastControl == NO_REPLY) {
      return error(Dlt645Function.RE_READ, out, Dlt645ErrorReason.ILLEGAL_DATA);
    }
    out.writeBytes(lastReply, lastReply.readerIndex(), lastReply.readableBytes());
    return (lastControl & ~Dlt645Control.FUNCTION_MASK) | Dlt645Function.RE_READ.code(edition);
  }

  private int answer(Dlt645Frame request, boolean broadcast, ByteBuf out) {
    ByteBuf data = request.data();
    int at = data.readerIndex();
    int length = data.readableBytes();
    Optional<Dlt645Function> known = Dlt645Function.of(request.functionBits(), edition);
    if (broadcast) {
      if (known.isPresent() && known.get() == Dlt645Function.BROADCAST_TIME_SYNC && length == 6) {
        setTime(readTime(data, at));
      }
      return NO_REPLY;
    }
    if (known.isEmpty()) {
      out.writeByte(1 << Dlt645ErrorReason.ILLEGAL_DATA.bit(edition));
      return Dlt645Control.RESPONSE | Dlt645Control.ERROR | request.functionBits();
    }
    Dlt645Function function = known.get();
    return switch (function) {
      case READ_DATA -> length < 2 ? error(function, out, Dlt645ErrorReason.ILLEGAL_DATA) : read(data, at, out);
      case READ_FOLLOW_UP -> length < 2
          ? error(function, out, Dlt645ErrorReason.ILLEGAL_DATA)
          : followUpReply(readDi(data, at, 2), -1, out);
      case WRITE_DATA -> write(data, at, length, out);
      case WRITE_ADDRESS -> writeAddress(data, at, length, out, Dlt645ErrorReason.ILLEGAL_DATA);
      case BROADCAST_TIME_SYNC -> {
        setTime(length == 6 ? readTime(data, at) : null);
        yield NO_REPLY;
      }
      case CHANGE_BAUD -> changeBaud(data, at, length, out, Dlt645ErrorReason.ILLEGAL_DATA);
      case CHANGE_PASSWORD -> changePassword(data, at, length, out);
      case CLEAR_MAX_DEMAND -> {
        if (length < PASSWORD_LENGTH || !passwordOk(data, at)) {
          yield error(function, out, Dlt645ErrorReason.PASSWORD_ERROR);
        }
        meter.clearMaxDemand();
        yield ok(function);
      }
      default -> error(function, out, Dlt645ErrorReason.ILLEGAL_DATA);
    };
  }

  private void setTime(ZonedDateTime time) {
    if (time != null) {
      meter.setMeterTime(time);
    }
  }

  private int read(ByteBuf data, int at, ByteBuf out) {
    int di = readDi(data, at, 2);
    ByteBuf value = valueScratch();
    if (!value(di, value)) {
      return error(Dlt645Function.READ_DATA, out, Dlt645ErrorReason.WRONG_DATA_IDENTIFIER);
    }
    return readReply(Dlt645Function.READ_DATA, di, value, out);
  }

  private boolean value(int di, ByteBuf out) {
    Snapshot s = meter.snapshot();
    int group = di & 0xFFF0;
    int index = di & 0x0F;
    switch (group) {
      case 0x9010, 0x9020 -> {
        double[] register = group == 0x9010 ? s.forward() : s.reverse();
        if (index == 0x0F) {
          for (int t = 0; t <= SimulatedMeterConfig.TARIFFS; t++) {
            energy(out, t == 0 ? SimulatedMeter.sum(register) : register[t]);
          }
        } else if (index <= SimulatedMeterConfig.TARIFFS) {
          energy(out, index == 0 ? SimulatedMeter.sum(register) : register[index]);
        } else {
          return false;
        }
        return true;
      }
      case 0x9110, 0x9120 -> {
        if (index != 0) {
          return false;
        }
        double[] q = s.quadrant();
        energy(out, group == 0x9110 ? q[0] + q[1] : q[2] + q[3]);
        return true;
      }
      case 0xB610, 0xB620, 0xB630, 0xB650 -> {
        return instantaneous(group, index, s, out);
      }
      default -> {
        return single(di, s, out);
      }
    }
  }

  private static boolean instantaneous(int group, int index, Snapshot s, ByteBuf out) {
    boolean hasTotal = group == 0xB630 || group == 0xB650;
    int first = index == 0x0F ? (hasTotal ? 0 : 1) : index;
    int last = index == 0x0F ? 3 : index;
    if (last > 3 || (!hasTotal && first == 0)) {
      return false;
    }
    for (int p = first; p <= last; p++) {
      switch (group) {
        case 0xB610 -> decimal(out, s.volts()[p - 1], 0, 2, false);
        case 0xB620 -> decimal(out, Math.abs(s.amps()[p - 1]), 2, 2, false);
        case 0xB630 -> decimal(out, Math.abs(p == 0 ? s.kw() : s.kwPhase()[p - 1]), 4, 3, false);
        default -> decimal(out, Math.abs(s.powerFactor()), 3, 2, false);
      }
    }
    return true;
  }

  private boolean single(int di, Snapshot s, ByteBuf out) {
    switch (di) {
      case 0xB640 -> decimal(out, Math.abs(s.kvar()), 2, 2, false);
      case 0xA010 -> decimal(out, s.maxDemandKw(), 4, 3, false);
      case 0xB010 -> {
        if (s.maxDemandTime() == null) {
          out.writeZero(4);
        } else {
          time(out, s.maxDemandTime(), "mhDM");
        }
      }
      case 0xC010 -> time(out, s.time(), "WDMY");
      case 0xC011 -> time(out, s.time(), "smh");
      case 0xC030 -> unsigned(out, METER_CONSTANT, 3);
      case 0xC032 -> Dlt645Address.of(meter.config().meterNumber()).writeTo(out);
      case 0xC034 -> meter.address().writeTo(out);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** DI (2) + PA P0 P1 P2 + value: C010 date (WW DD MM YY) or C011 time (ss mm hh). */
  private int write(ByteBuf data, int at, int length, ByteBuf out) {
    Dlt645Function function = Dlt645Function.WRITE_DATA;
    if (length < 2 + PASSWORD_LENGTH) {
      return error(function, out, Dlt645ErrorReason.ILLEGAL_DATA);
    }
    if (!passwordOk(data, at + 2)) {
      return error(function, out, Dlt645ErrorReason.PASSWORD_ERROR);
    }
    int di = readDi(data, at, 2);
    int valueAt = at + 2 + PASSWORD_LENGTH;
    int valueLength = length - 2 - PASSWORD_LENGTH;
    ZonedDateTime now = meter.meterTime();
    ZonedDateTime t;
    if (di == 0xC010 && valueLength == 4) {
      t = localTime(bcd(data, valueAt + 3) + 2000, bcd(data, valueAt + 2), bcd(data, valueAt + 1),
          now.getHour(), now.getMinute(), now.getSecond());
    } else if (di == 0xC011 && valueLength == 3) {
      t = localTime(now.getYear(), now.getMonthValue(), now.getDayOfMonth(),
          bcd(data, valueAt + 2), bcd(data, valueAt + 1), bcd(data, valueAt));
    } else {
      return error(function, out, Dlt645ErrorReason.WRONG_DATA_IDENTIFIER);
    }
    if (t == null) {
      return error(function, out, Dlt645ErrorReason.ILLEGAL_DATA);
    }
    meter.setMeterTime(t);
    return ok(function);
  }

  private static int bcd(ByteBuf data, int index) {
    return (int) BcdReader.unsigned(data, index, 1);
  }

  private ZonedDateTime localTime(int y, int mo, int d, int h, int mi, int s) {
    try {
      return ZonedDateTime.of(y, mo, d, h, mi, s, 0, meter.config().zone());
    } catch (DateTimeException invalid) {
      return null;
    }
  }

  /** Old PA P0 P1 P2 + new PA P0 P1 P2; the reply echoes the new password. */
  private int changePassword(ByteBuf data, int at, int length, ByteBuf out) {
    Dlt645Function function = Dlt645Function.CHANGE_PASSWORD;
    if (length != 2 * PASSWORD_LENGTH) {
      return error(function, out, Dlt645ErrorReason.ILLEGAL_DATA);
    }
    String newPassword = BcdReader.digits(data, at + 5, 3);
    if (!newPassword.matches("[0-9]{6}")) {
      return error(function, out, Dlt645ErrorReason.ILLEGAL_DATA);
    }
    if (!meter.changePassword(data.getUnsignedByte(at), BcdReader.digits(data, at + 1, 3),
        data.getUnsignedByte(at + 4), newPassword)) {
      return error(function, out, Dlt645ErrorReason.PASSWORD_ERROR);
    }
    out.writeBytes(data, at + 4, 4);
    return ok(function);
  }
}

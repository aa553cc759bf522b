package io.emms.dlt645.simulator;

import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Control;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Dlt645ErrorReason;
import io.emms.dlt645.codec.Dlt645Frame;
import io.emms.dlt645.codec.Dlt645Function;
import io.emms.dlt645.simulator.internal.BcdReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Turns requests into a meter's replies, one edition's rules per subclass. Holds the pending rest of a long reply
 * between its follow-up frames. One responder per meter and link; used from the link's thread only.
 */
abstract sealed class MeterResponder permits Responder2007, Responder1997 {

  /** {@link #respond} returns this when the meter stays silent. */
  static final int NO_REPLY = -1;

  final SimulatedMeter meter;
  final Dlt645Edition edition;
  private byte[] pending;
  private int pendingDi;
  private int partStart;
  private int partEnd;
  private int served;

  // Heap scratch for a value before it is split into frames; unpooled, so nothing to release.
  private final ByteBuf value = Unpooled.buffer(256);

  MeterResponder(SimulatedMeter meter) {
    this.meter = meter;
    this.edition = meter.edition();
  }

  static MeterResponder of(SimulatedMeter meter) {
    return meter.edition() == Dlt645Edition.V2007 ? new Responder2007(meter) : new Responder1997(meter);
  }

  /**
   * Handles one request.
   *
   * @param broadcast whether it was sent to {@code 999999999999} (act, never reply)
   * @param wildcard whether it was sent to an address with {@code AA} bytes
   * @param out receives the plain reply DATA
   * @return the reply's control byte, or {@link #NO_REPLY}
   */
  abstract int respond(Dlt645Frame request, boolean broadcast, boolean wildcard, ByteBuf out);

  // ---- replies ----

  final int ok(Dlt645Function function) {
    return Dlt645Control.normalReply(function, edition);
  }

  final int error(Dlt645Function function, ByteBuf out, Dlt645ErrorReason reason) {
    out.writeByte(Dlt645ErrorReason.encode(Set.of(reason), edition));
    return Dlt645Control.errorReply(function, edition);
  }

  /** Sets a new address (6 BCD bytes); anything else is refused with the edition's {@code refusal}. */
  final int writeAddress(ByteBuf data, int at, int length, ByteBuf out, Dlt645ErrorReason refusal) {
    if (length != 6 || BcdReader.unsigned(data, at, 6) < 0) {
      return error(Dlt645Function.WRITE_ADDRESS, out, refusal);
    }
    meter.setAddress(Dlt645Address.readFrom(data, at));
    return ok(Dlt645Function.WRITE_ADDRESS);
  }

  /**
   * Changes the baud rate: one byte with exactly one of bits 1..6 (600..19200 bps) in both editions (2007 Annex C);
   * anything else is refused with the edition's {@code refusal}. The reply echoes the byte.
   */
  final int changeBaud(ByteBuf data, int at, int length, ByteBuf out, Dlt645ErrorReason refusal) {
    int z = length == 1 ? data.getUnsignedByte(at) : 0;
    if (Integer.bitCount(z) != 1 || (z & 0x7E) == 0) {
      return error(Dlt645Function.CHANGE_BAUD, out, refusal);
    }
    meter.setBaudBit(Integer.numberOfTrailingZeros(z));
    out.writeByte(z);
    return ok(Dlt645Function.CHANGE_BAUD);
  }

  /**
   * Replies to a read with DI + value, keeping what does not fit for follow-up frames.
   *
   * @param value the whole value, from its reader index
   */
  final int readReply(Dlt645Function function, int di, ByteBuf value, ByteBuf out) {
    int room = meter.config().maxReplyData() - edition.diLength();
    writeDi(di, out);
    if (value.readableBytes() <= room) {
      out.writeBytes(value);
      pending = null;
      return ok(function);
    }
    out.writeBytes(value, value.readerIndex(), room);
    pending = ByteBufUtil.getBytes(value);
    pendingDi = di;
    partStart = 0;
    partEnd = room;
    served = 0;
    return Dlt645Control.followUpReply(function, edition);
  }

  /**
   * Replies to a follow-up request with the next part of the pending value.
   *
   * @param seq the 2007 frame sequence number the master asks for (1 = first follow-up), or -1 in 1997; asking
   *     again for the last number repeats that part, for a master whose reply was lost
   */
  final int followUpReply(int di, int seq, ByteBuf out) {
    Dlt645Function function = Dlt645Function.READ_FOLLOW_UP;
    boolean repeat = seq >= 0 && seq == served && served > 0;
    boolean next = seq < 0 || seq == served + 1;
    if (pending == null || di != pendingDi || (!repeat && !next)) {
      return error(function, out, noData());
    }
    if (next) {
      served++;
      partStart = partEnd;
      int room = meter.config().maxReplyData() - edition.diLength() - (seq >= 0 ? 1 : 0);
      partEnd = Math.min(pending.length, partStart + room);
    }
    writeDi(di, out);
    out.writeBytes(pending, partStart, partEnd - partStart);
    if (seq >= 0) {
      out.writeByte(seq);
    }
    return partEnd < pending.length ? Dlt645Control.followUpReply(function, edition) : ok(function);
  }

  abstract Dlt645ErrorReason noData();

  /** The cleared value scratch buffer. */
  final ByteBuf valueScratch() {
    return value.clear();
  }

  final void writeDi(int di, ByteBuf out) {
    for (int i = 0; i < edition.diLength(); i++) {
      out.writeByte(di >>> (8 * i));
    }
  }

  static int readDi(ByteBuf data, int index, int length) {
    int di = 0;
    for (int i = length - 1; i >= 0; i--) {
      di = (di << 8) | data.getUnsignedByte(index + i);
    }
    return di;
  }

  /** A 6-byte {@code ss mm hh DD MM YY} time in the meter's zone, or null when the bytes are not a valid time. */
  final ZonedDateTime readTime(ByteBuf data, int index) {
    long[] f = new long[6];
    for (int i = 0; i < 6; i++) {
      f[i] = BcdReader.unsigned(data, index + i, 1);
      if (f[i] < 0) {
        return null;
      }
    }
    try {
      return ZonedDateTime.of((int) (2000 + f[5]), (int) f[4], (int) f[3], (int) f[2], (int) f[1], (int) f[0], 0,
          meter.config().zone());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Checks {@code PA P0 P1 P2} at {@code index}. */
  final boolean passwordOk(ByteBuf data, int index) {
    int level = data.getUnsignedByte(index);
    return meter.authorised(level, BcdReader.digits(data, index + 1, 3));
  }
}

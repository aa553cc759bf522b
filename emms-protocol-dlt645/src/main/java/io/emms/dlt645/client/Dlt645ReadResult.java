package io.emms.dlt645.client;

import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645DataId;
import io.emms.dlt645.codec.Dlt645Edition;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Objects;

/**
 * What a meter answered to a read: the value bytes of one data identifier, with the DI echo (and, in 2007
 * follow-up frames, the SEQ byte) removed and the parts of a multi-frame reply joined in order.
 *
 * <p>The bytes are plain (the frame's 33H offset removed) and low byte first, as the standard writes them;
 * the catalogue's value codec turns them into numbers.
 *
 * @param meter the meter that answered
 * @param edition the edition it answered in
 * @param dataId the data identifier, e.g. {@code 0x00010000} or {@code 0x9010}
 * @param value the value bytes; the accessor returns a copy
 * @param frames how many frames the reply took (1 + follow-ups)
 */
public record Dlt645ReadResult(Dlt645Address meter, Dlt645Edition edition, int dataId, byte[] value, int frames) {

  public Dlt645ReadResult {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(edition, "edition");
    value = value.clone();
  }

  /** A copy of the value bytes. */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** Number of value bytes. */
  public int length() {
    return value.length;
  }

  /** Value byte {@code i}, 0..255. */
  public int valueByte(int i) {
    return value[i] & 0xFF;
  }

  /** The value as a read-only buffer (no copy, nothing to release). */
  public ByteBuf valueBuffer() {
    return Unpooled.wrappedBuffer(value).asReadOnly();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dlt645ReadResult r && meter.equals(r.meter) && edition == r.edition && dataId == r.dataId
        && frames == r.frames && java.util.Arrays.equals(value, r.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meter, edition, dataId, frames) * 31 + java.util.Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Dlt645ReadResult[meter=" + meter + ", di=" + Dlt645DataId.format(dataId, edition) + ", value="
        + ByteBufUtil.hexDump(value) + ", frames=" + frames + "]";
  }
}

package io.emms.transport.dtu;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/** A registration of a fixed length: a constant head (possibly empty), the id, a constant tail (possibly empty). */
final class FixedLengthRegistration implements RegistrationMatcher {

  private final byte[] head;
  private final int idLength;
  private final byte[] tail;
  private final DtuIdFormat format;

  FixedLengthRegistration(byte[] head, int idLength, byte[] tail, DtuIdFormat format) {
    if (idLength < 1) {
      throw new IllegalArgumentException("the id needs at least one byte: " + idLength);
    }
    this.head = head.clone();
    this.idLength = idLength;
    this.tail = tail.clone();
    this.format = Objects.requireNonNull(format, "format");
  }

  @Override
  public int match(ByteBuf in) {
    int start = in.readerIndex();
    int available = Math.min(in.readableBytes(), maxLength());
    for (int i = 0; i < available; i++) {
      if (!fits(i, in.getByte(start + i))) {
        return NO_MATCH;
      }
    }
    return available == maxLength() ? maxLength() : NEED_MORE;
  }

  private boolean fits(int position, byte b) {
    if (position < head.length) {
      return b == head[position];
    }
    if (position >= head.length + idLength) {
      return b == tail[position - head.length - idLength];
    }
    return format == DtuIdFormat.HEX || (b >= 0x20 && b <= 0x7E);
  }

  @Override
  public String id(ByteBuf in, int length) {
    return format.decode(in, in.readerIndex() + head.length, idLength);
  }

  @Override
  public int maxLength() {
    return head.length + idLength + tail.length;
  }

  /** The packet a DTU with {@code id} sends. */
  byte[] packet(String id) {
    byte[] idBytes = format.encode(id);
    if (idBytes.length != idLength) {
      throw new IllegalArgumentException("id " + id + " must take " + idLength + " bytes, not " + idBytes.length);
    }
    byte[] packet = new byte[maxLength()];
    System.arraycopy(head, 0, packet, 0, head.length);
    System.arraycopy(idBytes, 0, packet, head.length, idLength);
    System.arraycopy(tail, 0, packet, head.length + idLength, tail.length);
    return packet;
  }
}

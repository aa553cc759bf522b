package io.emms.transport.dtu;

import io.netty.buffer.ByteBuf;

/** Printable ASCII id text ended by a delimiter. */
final class DelimitedRegistration implements RegistrationMatcher {

  private final byte[] delimiter;
  private final int maxLength;

  DelimitedRegistration(byte[] delimiter, int maxLength) {
    if (delimiter.length == 0 || maxLength <= delimiter.length) {
      throw new IllegalArgumentException("need a delimiter and a maxLength longer than it");
    }
    this.delimiter = delimiter.clone();
    this.maxLength = maxLength;
  }

  @Override
  public int match(ByteBuf in) {
    int start = in.readerIndex();
    int end = Math.min(in.writerIndex(), start + maxLength);
    for (int i = start; i < end; i++) {
      if (delimiterAt(in, i, end)) {
        return i == start ? NO_MATCH : i - start + delimiter.length;
      }
      byte b = in.getByte(i);
      if ((b < 0x20 || b > 0x7E) && b != delimiter[0]) {
        return NO_MATCH;
      }
    }
    return in.readableBytes() >= maxLength ? NO_MATCH : NEED_MORE;
  }

  private boolean delimiterAt(ByteBuf in, int index, int end) {
    if (index + delimiter.length > end) {
      return false;
    }
    for (int i = 0; i < delimiter.length; i++) {
      if (in.getByte(index + i) != delimiter[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String id(ByteBuf in, int length) {
    return DtuIdFormat.ASCII.decode(in, in.readerIndex(), length - delimiter.length);
  }

  @Override
  public int maxLength() {
    return maxLength;
  }
}

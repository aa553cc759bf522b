package io.emms.transport.dtu;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A registration the pattern matches from the first byte; the id is group 1, or the whole match. */
final class RegexRegistration implements RegistrationMatcher {

  private final Pattern pattern;
  private final int maxLength;

  RegexRegistration(Pattern pattern, int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
    }
    this.pattern = pattern;
    this.maxLength = maxLength;
  }

  @Override
  public int match(ByteBuf in) {
    Matcher m = matcher(in, Math.min(in.readableBytes(), maxLength));
    if (m.lookingAt() && m.end() > 0) {
      return m.end();
    }
    return m.hitEnd() && in.readableBytes() < maxLength ? NEED_MORE : NO_MATCH;
  }

  @Override
  public String id(ByteBuf in, int length) {
    Matcher m = matcher(in, length);
    if (!m.lookingAt()) {
      throw new IllegalStateException("id() called on bytes that do not match " + pattern);
    }
    return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
  }

  private Matcher matcher(ByteBuf in, int length) {
    return pattern.matcher(in.toString(in.readerIndex(), length, StandardCharsets.ISO_8859_1));
  }

  @Override
  public int maxLength() {
    return maxLength;
  }
}

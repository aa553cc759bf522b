package io.emms.dlt645.codec;

/**
 * Settings of the frame decoder and encoder.
 *
 * @param maxDataLength largest L the decoder accepts, 0..255; a longer L marks a false frame start. 2007 caps
 *     read replies at 200, but many meters send up to 255
 * @param wakeUpBytes {@code FE} bytes the encoder sends before each frame, 0..4
 */
public record Dlt645CodecConfig(int maxDataLength, int wakeUpBytes) {

  /** Accepts any L, sends no wake-up bytes. */
  public static final Dlt645CodecConfig DEFAULT = builder().build();

  public Dlt645CodecConfig {
    if (maxDataLength < 0 || maxDataLength > 255) {
      throw new IllegalArgumentException("maxDataLength must be 0..255, got " + maxDataLength);
    }
    if (wakeUpBytes < 0 || wakeUpBytes > 4) {
      throw new IllegalArgumentException("wakeUpBytes must be 0..4, got " + wakeUpBytes);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Dlt645CodecConfig}; unset values take their defaults (255, 0). */
  public static final class Builder {
    private int maxDataLength = 255;
    private int wakeUpBytes;

    private Builder() {}

    public Builder maxDataLength(int maxDataLength) {
      this.maxDataLength = maxDataLength;
      return this;
    }

    public Builder wakeUpBytes(int wakeUpBytes) {
      this.wakeUpBytes = wakeUpBytes;
      return this;
    }

    public Dlt645CodecConfig build() {
      return new Dlt645CodecConfig(maxDataLength, wakeUpBytes);
    }
  }
}

package io.emms.transport.serial;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open a serial port. The defaults are DL/T 645's: 2400 baud, 8 data bits, even parity, 1 stop bit, no
 * flow control.
 *
 * @param port the device path, such as {@code /dev/ttyUSB0}, {@code /dev/pts/3} or {@code COM3}; opened by path,
 *     so ports that the system does not enumerate (pseudo-terminals) work too
 * @param baudRate bits per second
 * @param dataBits 5 to 8
 * @param parity parity
 * @param stopBits stop bits
 * @param flowControl flow control
 * @param readTimeout how long one read waits for the first byte; it also bounds how long a close waits for the
 *     reader thread to notice
 * @param writeTimeout how long a write may block on a full output buffer before it fails
 * @param readBufferSize the most bytes handed to the listener in one call
 * @param rs485 kernel RS-485 mode, when the UART needs it
 */
public record SerialConfig(
    String port,
    int baudRate,
    int dataBits,
    Parity parity,
    StopBits stopBits,
    FlowControl flowControl,
    Duration readTimeout,
    Duration writeTimeout,
    int readBufferSize,
    Optional<Rs485Config> rs485) {

  public SerialConfig {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(parity, "parity");
    Objects.requireNonNull(stopBits, "stopBits");
    Objects.requireNonNull(flowControl, "flowControl");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(writeTimeout, "writeTimeout");
    Objects.requireNonNull(rs485, "rs485");
    if (port.isBlank()) {
      throw new IllegalArgumentException("port must not be blank");
    }
    if (baudRate <= 0) {
      throw new IllegalArgumentException("baudRate must be positive: " + baudRate);
    }
    if (dataBits < 5 || dataBits > 8) {
      throw new IllegalArgumentException("dataBits must be 5 to 8: " + dataBits);
    }
    if (readTimeout.isNegative() || readTimeout.isZero() || writeTimeout.isNegative() || writeTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (readBufferSize <= 0) {
      throw new IllegalArgumentException("readBufferSize must be positive: " + readBufferSize);
    }
  }

  /** A DL/T 645 (2400 8E1) configuration for {@code port}. */
  public static SerialConfig of(String port) {
    return builder(port).build();
  }

  public static Builder builder(String port) {
    return new Builder(port);
  }

  /** The short notation of the framing, such as {@code 2400-8E1}. */
  public String framing() {
    return baudRate + "-" + dataBits + parity.letter() + stopBits.notation();
  }

  /** Builds a {@link SerialConfig}; starts from the DL/T 645 defaults. */
  public static final class Builder {
    private final String port;
    private int baudRate = 2400;
    private int dataBits = 8;
    private Parity parity = Parity.EVEN;
    private StopBits stopBits = StopBits.ONE;
    private FlowControl flowControl = FlowControl.NONE;
    private Duration readTimeout = Duration.ofMillis(100);
    private Duration writeTimeout = Duration.ofSeconds(5);
    private int readBufferSize = 1024;
    private Rs485Config rs485;

    private Builder(String port) {
      this.port = port;
    }

    public Builder baudRate(int baudRate) {
      this.baudRate = baudRate;
      return this;
    }

    public Builder dataBits(int dataBits) {
      this.dataBits = dataBits;
      return this;
    }

    public Builder parity(Parity parity) {
      this.parity = parity;
      return this;
    }

    public Builder stopBits(StopBits stopBits) {
      this.stopBits = stopBits;
      return this;
    }

    public Builder flowControl(FlowControl flowControl) {
      this.flowControl = flowControl;
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    public Builder writeTimeout(Duration writeTimeout) {
      this.writeTimeout = writeTimeout;
      return this;
    }

    public Builder readBufferSize(int readBufferSize) {
      this.readBufferSize = readBufferSize;
      return this;
    }

    /** Enables kernel RS-485 mode; {@code null} leaves it off. */
    public Builder rs485(Rs485Config rs485) {
      this.rs485 = rs485;
      return this;
    }

    public SerialConfig build() {
      return new SerialConfig(
          port, baudRate, dataBits, parity, stopBits, flowControl, readTimeout, writeTimeout, readBufferSize,
          Optional.ofNullable(rs485));
    }
  }
}

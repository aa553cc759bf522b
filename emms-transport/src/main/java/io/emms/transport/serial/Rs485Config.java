package io.emms.transport.serial;

/**
 * Kernel RS-485 mode for UARTs that drive the transceiver's direction pin from RTS. Leave it unset for USB
 * adapters that switch direction on their own, which is most of them.
 *
 * @param rtsActiveHigh whether RTS is high while sending
 * @param terminationEnabled whether to enable the adapter's bus termination, where it has one
 * @param receiveDuringTransmit whether to keep receiving while sending (then the port reads its own echo)
 * @param delayBeforeSendMicros delay between raising RTS and the first bit
 * @param delayAfterSendMicros delay between the last bit and dropping RTS
 */
public record Rs485Config(
    boolean rtsActiveHigh,
    boolean terminationEnabled,
    boolean receiveDuringTransmit,
    int delayBeforeSendMicros,
    int delayAfterSendMicros) {

  public Rs485Config {
    if (delayBeforeSendMicros < 0 || delayAfterSendMicros < 0) {
      throw new IllegalArgumentException("RS-485 delays must not be negative");
    }
  }

  /** RTS high while sending, no termination, no echo, no delays. */
  public static Rs485Config defaults() {
    return new Rs485Config(true, false, false, 0, 0);
  }
}

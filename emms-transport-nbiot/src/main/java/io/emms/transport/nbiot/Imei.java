package io.emms.transport.nbiot;

import java.util.Objects;

/**
 * A device's IMEI: the 15 decimal digits that identify an NB-IoT meter to the endpoint. Devices are keyed by it,
 * never by their IP address and port, which cellular NAT changes every minute or two.
 *
 * @param digits exactly 15 decimal digits
 */
public record Imei(String digits) {

  public Imei {
    Objects.requireNonNull(digits, "digits");
    if (digits.length() != 15 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("an IMEI is 15 decimal digits, not \"" + digits + "\"");
    }
  }

  public static Imei of(String digits) {
    return new Imei(digits);
  }

  @Override
  public String toString() {
    return digits;
  }
}

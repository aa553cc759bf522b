package io.emms.dlt645.simulator;

import java.util.Optional;

/**
 * The security chip of a simulated meter: checks what a key holder encrypted. Tests and demos plug in a toy
 * cipher; the SDK holds no keys and implements no utility's scheme.
 */
public interface SimulatedEsam {

  /**
   * Recovers the plain relay command {@code N1 N2 N3..N8} (8 bytes) from the ciphertext of a {@code PA = 98H}
   * relay request.
   *
   * @return the plain command, or empty when the ciphertext does not verify (the meter answers "unauthorised")
   */
  Optional<byte[]> decryptRelay(byte[] ciphertext);

  /** Whether the ciphertext of a {@code PA = 98H} meter-clear (1AH) request verifies. */
  boolean verifyMeterClear(byte[] ciphertext);

  /**
   * Answers a security-authentication (03H) request.
   *
   * @param di the data identifier of the request, e.g. {@code 0x070000FF} for identity authentication
   * @param payload what followed the operator code
   * @return the reply data after the DI, or empty when authentication fails (the meter answers with an error word)
   */
  Optional<byte[]> authenticate(int di, byte[] payload);
}

package io.emms.dlt645.client;

import io.emms.dlt645.codec.Dlt645Address;
import java.util.concurrent.CompletableFuture;

/**
 * The key holder for meters with a security chip (ESAM): a hardware encryptor or a utility's signing service.
 * The SDK never sees keys; it sends what this provider produces and hands back what the meter answers.
 * Implementations may be remote, hence the futures.
 */
public interface SecurityProvider {

  /**
   * The ciphertext that replaces {@code N1..N8} of a relay command sent with {@code PA = 98H}.
   *
   * @param meter the meter the command is for (keys are usually diversified per meter)
   * @param plainCommand {@code N1 N2 N3..N8}: control type, 00, and the validity deadline {@code ssmmhhDDMMYY}
   */
  CompletableFuture<byte[]> relayCiphertext(Dlt645Address meter, byte[] plainCommand);

  /**
   * The ciphertext (commonly 20 bytes) that follows the password and operator code of a meter-clear command (1AH)
   * sent with {@code PA = 98H}. Its plain content is the key holder's business.
   */
  CompletableFuture<byte[]> meterClearCiphertext(Dlt645Address meter);

  /**
   * The payload of a security-authentication (03H) request after the DI and operator code, e.g. ciphertext,
   * random number and dispersion factor for identity authentication {@code 070000FF}.
   */
  CompletableFuture<byte[]> authenticationPayload(Dlt645Address meter, int dataId);

  /**
   * Checks the meter's answer to an authentication request (the reply data after the DI).
   *
   * @return completes normally when the answer verifies, exceptionally otherwise
   */
  CompletableFuture<Void> verifyAuthentication(Dlt645Address meter, int dataId, byte[] answer);
}

package io.emms.dlt645.client;

import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.simulator.SimulatedEsam;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A toy key holder and security chip sharing one byte key: ciphertext = plain XOR key, followed by a 12-byte tag
 * (each byte the sum of the plain bytes plus its index). Nothing like a real ESAM; it only proves that the SDK
 * passes the provider's bytes through and back.
 */
final class ToyEsam implements SecurityProvider, SimulatedEsam {

  private final int key;

  ToyEsam(int key) {
    this.key = key;
  }

  @Override
  public CompletableFuture<byte[]> relayCiphertext(Dlt645Address meter, byte[] plainCommand) {
    return CompletableFuture.completedFuture(encrypt(plainCommand));
  }

  byte[] encrypt(byte[] plain) {
    byte[] out = new byte[plain.length + 12];
    int sum = 0;
    for (int i = 0; i < plain.length; i++) {
      out[i] = (byte) (plain[i] ^ key);
      sum += plain[i];
    }
    for (int i = 0; i < 12; i++) {
      out[plain.length + i] = (byte) (sum + i);
    }
    return out;
  }

  @Override
  public Optional<byte[]> decryptRelay(byte[] ciphertext) {
    if (ciphertext.length != 20) {
      return Optional.empty();
    }
    byte[] plain = new byte[8];
    for (int i = 0; i < 8; i++) {
      plain[i] = (byte) (ciphertext[i] ^ key);
    }
    return Arrays.equals(encrypt(plain), ciphertext) ? Optional.of(plain) : Optional.empty();
  }

  @Override
  public CompletableFuture<byte[]> meterClearCiphertext(Dlt645Address meter) {
    return CompletableFuture.completedFuture(encrypt(clearToken(meter)));
  }

  @Override
  public boolean verifyMeterClear(byte[] ciphertext) {
    return ciphertext.length == 20 && decryptRelay(ciphertext).map(p -> p[0] == 0x1A && p[7] == 0x1A).orElse(false);
  }

  /** 8 plain bytes the toy scheme encrypts for a meter clear. */
  private static byte[] clearToken(Dlt645Address meter) {
    return new byte[] {0x1A, 1, 2, 3, 4, 5, 6, 0x1A};
  }

  @Override
  public CompletableFuture<byte[]> authenticationPayload(Dlt645Address meter, int dataId) {
    return CompletableFuture.completedFuture(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
  }

  @Override
  public Optional<byte[]> authenticate(int di, byte[] payload) {
    if (di != 0x070000FF || payload.length != 8) {
      return Optional.empty();
    }
    byte[] answer = payload.clone();
    for (int i = 0; i < answer.length; i++) {
      answer[i] ^= (byte) key;
    }
    return Optional.of(answer);
  }

  @Override
  public CompletableFuture<Void> verifyAuthentication(Dlt645Address meter, int dataId, byte[] answer) {
    byte[] expected = authenticate(dataId, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).orElseThrow();
    return Arrays.equals(expected, answer)
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.failedFuture(new SecurityException("ESAM answer does not verify"));
  }
}

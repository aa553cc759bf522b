package io.emms.server.command;

import java.util.concurrent.CompletableFuture;

/** Reads a meter's relay position back, to verify that a relay command took effect. */
@FunctionalInterface
public interface RelayStatusSource {

  /**
   * @param meterAddress the meter's protocol address
   * @return completes with the position; fails when the meter cannot be read
   */
  CompletableFuture<RelayState> read(String meterAddress);
}

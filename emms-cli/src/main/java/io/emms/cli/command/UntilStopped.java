package io.emms.cli.command;

import java.util.concurrent.CountDownLatch;

/** How a serving command waits: until the JVM is told to stop (Ctrl-C, SIGTERM) or its thread is interrupted. */
public final class UntilStopped {

  private UntilStopped() {}

  /** Blocks; returns when stopped, so that the caller's try-with-resources closes what it serves. */
  public static void await() {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(stopped::countDown, "emms-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // Stopped by an embedding program (or a test) rather than by a signal: the hook is no longer needed.
      Thread.currentThread().interrupt();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
  }
}

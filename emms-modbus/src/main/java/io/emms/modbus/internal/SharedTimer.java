package io.emms.modbus.internal;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import java.util.concurrent.TimeUnit;

/**
 * One hashed-wheel timer for all response timeouts and RTU line-idle checks in the JVM: arming and cancelling a
 * timeout is O(1) and takes no lock, which matters with thousands of pipelined requests. It ticks every 5 ms, so a
 * timeout fires between its deadline and one tick later. The thread is a daemon and lives as long as the JVM; tasks
 * must not block it.
 */
public final class SharedTimer {

  private static final Timer TIMER = new HashedWheelTimer(r -> {
    Thread t = new Thread(r, "emms-modbus-timer");
    t.setDaemon(true);
    return t;
  }, 5, TimeUnit.MILLISECONDS);

  private SharedTimer() {}

  public static Timer get() {
    return TIMER;
  }
}

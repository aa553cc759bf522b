package io.emms.bus.internal;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The default timer of every line: one hashed-wheel timer for the JVM, so that arming and cancelling a response
 * timer is O(1) without a lock. It ticks every 5 ms. Its thread is a daemon, and interrupting it stops the timer
 * (as {@code mvn exec:java} does to end a program's threads): the wheel alone would ignore the interrupt.
 */
public final class SharedWheelTimer {

  private static final Timer TIMER = create();

  private SharedWheelTimer() {}

  public static Timer get() {
    return TIMER;
  }

  private static Timer create() {
    Timer[] timer = new Timer[1];
    timer[0] = new HashedWheelTimer(r -> new StoppingThread(r, () -> timer[0]), 5, TimeUnit.MILLISECONDS);
    return timer[0];
  }

  /** The worker thread; an interrupt from another thread stops the wheel, which then lets the thread end. */
  private static final class StoppingThread extends Thread {
    private final Supplier<Timer> timer;
    private final AtomicBoolean stopping = new AtomicBoolean();

    StoppingThread(Runnable worker, Supplier<Timer> timer) {
      super(worker, "emms-line-timer");
      this.timer = timer;
      setDaemon(true);
    }

    @Override
    public void interrupt() {
      super.interrupt();
      if (Thread.currentThread() != this && stopping.compareAndSet(false, true)) {
        timer.get().stop();
      }
    }
  }
}

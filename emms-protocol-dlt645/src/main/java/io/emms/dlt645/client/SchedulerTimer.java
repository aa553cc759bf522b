package io.emms.dlt645.client;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A line timer on the scheduler a {@link Dlt645ClientConfig} names; the scheduler's owner shuts it down. */
final class SchedulerTimer implements Timer {

  private final ScheduledExecutorService scheduler;

  SchedulerTimer(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
    ScheduledTimeout timeout = new ScheduledTimeout(task);
    timeout.future = scheduler.schedule(timeout, delay, unit);
    return timeout;
  }

  @Override
  public Set<Timeout> stop() {
    return Set.of();
  }

  private final class ScheduledTimeout implements Timeout, Runnable {
    private final TimerTask task;
    private volatile ScheduledFuture<?> future;

    ScheduledTimeout(TimerTask task) {
      this.task = task;
    }

    @Override
    public void run() {
      try {
        task.run(this);
      } catch (Exception e) {
        throw new IllegalStateException("timer task failed", e);
      }
    }

    @Override
    public Timer timer() {
      return SchedulerTimer.this;
    }

    @Override
    public TimerTask task() {
      return task;
    }

    @Override
    public boolean isExpired() {
      return future.isDone() && !future.isCancelled();
    }

    @Override
    public boolean isCancelled() {
      return future.isCancelled();
    }

    @Override
    public boolean cancel() {
      return future.cancel(false);
    }
  }
}

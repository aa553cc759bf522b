package io.emms.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.Timer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The line timer's thread must let a program end: a daemon, and stopped by an interrupt (as exec:java sends). */
class SharedWheelTimerTest {

  @Test
  void itsWorkerIsADaemonThatAnInterruptEnds() throws Exception {
    Timer timer = SharedWheelTimer.create("line-timer-under-test");
    CountDownLatch ran = new CountDownLatch(1);
    Thread[] worker = new Thread[1];
    timer.newTimeout(t -> {
      worker[0] = Thread.currentThread();
      ran.countDown();
    }, 1, TimeUnit.MILLISECONDS);
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(worker[0].getName()).isEqualTo("line-timer-under-test");
    assertThat(worker[0].isDaemon()).isTrue();

    worker[0].interrupt();
    worker[0].join(5_000);
    assertThat(worker[0].isAlive()).isFalse();
  }
}

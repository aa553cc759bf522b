package io.emms.dlt645.client;

import io.emms.dlt645.codec.Dlt645Edition;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Settings of a {@link Dlt645Client}.
 *
 * @param responseTimeout how long to wait for a reply (or for each follow-up frame) before a retry or failure;
 *     at 1200 bps a 200-byte reply alone takes 1.8 s, so size this for the slowest meter on the bus
 * @param retry when to repeat a request whose reply did not come
 * @param feCount {@code FE} wake-up bytes sent before each request, 0..4
 * @param interFrameDelay the quiet time kept on the bus between a reply (or a broadcast) and the next request;
 *     RS-485 transceivers and some meters need 20–50 ms to turn the line around
 * @param defaultEdition the edition spoken to meters that were not registered with their own
 * @param defaultCredentials the password and operator code for meters registered without their own
 * @param zone the meters' local time zone: clock writes, time sync and relay deadlines are local times
 * @param clock the time source for relay deadlines and reading timestamps
 * @param scheduler runs the response timers and delayed sends of a client's own line; {@code null} = the line
 *     engine's shared timer ({@code LineConfig.sharedTimer()})
 * @param executor completes the futures the client returns, so that user callbacks never run on the link's I/O
 *     thread or the timer thread
 * @param maxFollowUps the most follow-up frames one read may take, a guard against a meter that never stops
 * @param securityProvider the key holder for ESAM meters (credentials at level {@code 98H}, security
 *     authentication), or {@code null} when no meter on the bus needs one
 */
public record Dlt645ClientConfig(
    Duration responseTimeout,
    Dlt645RetryPolicy retry,
    int feCount,
    Duration interFrameDelay,
    Dlt645Edition defaultEdition,
    Dlt645Credentials defaultCredentials,
    ZoneId zone,
    Clock clock,
    ScheduledExecutorService scheduler,
    Executor executor,
    int maxFollowUps,
    SecurityProvider securityProvider) {

  public Dlt645ClientConfig {
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(interFrameDelay, "interFrameDelay");
    Objects.requireNonNull(defaultEdition, "defaultEdition");
    Objects.requireNonNull(defaultCredentials, "defaultCredentials");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(executor, "executor");
    if (responseTimeout.isNegative() || responseTimeout.isZero()) {
      throw new IllegalArgumentException("responseTimeout must be positive");
    }
    if (interFrameDelay.isNegative()) {
      throw new IllegalArgumentException("interFrameDelay must not be negative");
    }
    if (feCount < 0 || feCount > 4) {
      throw new IllegalArgumentException("feCount must be 0..4, got " + feCount);
    }
    if (maxFollowUps < 0) {
      throw new IllegalArgumentException("maxFollowUps must be >= 0");
    }
  }

  /** Defaults: 2007, 1 s timeout, {@link Dlt645RetryPolicy#DEFAULT}, 4 {@code FE}, no inter-frame delay. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Dlt645ClientConfig}. */
  public static final class Builder {
    private Duration responseTimeout = Duration.ofSeconds(1);
    private Dlt645RetryPolicy retry = Dlt645RetryPolicy.DEFAULT;
    private int feCount = 4;
    private Duration interFrameDelay = Duration.ZERO;
    private Dlt645Edition defaultEdition = Dlt645Edition.V2007;
    private Dlt645Credentials defaultCredentials = Dlt645Credentials.factoryDefault();
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;
    private Executor executor = ForkJoinPool.commonPool();
    private int maxFollowUps = 255;
    private SecurityProvider securityProvider;

    private Builder() {}

    public Builder responseTimeout(Duration responseTimeout) {
      this.responseTimeout = responseTimeout;
      return this;
    }

    public Builder retry(Dlt645RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    public Builder feCount(int feCount) {
      this.feCount = feCount;
      return this;
    }

    public Builder interFrameDelay(Duration interFrameDelay) {
      this.interFrameDelay = interFrameDelay;
      return this;
    }

    public Builder defaultEdition(Dlt645Edition defaultEdition) {
      this.defaultEdition = defaultEdition;
      return this;
    }

    public Builder defaultCredentials(Dlt645Credentials defaultCredentials) {
      this.defaultCredentials = defaultCredentials;
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    public Builder maxFollowUps(int maxFollowUps) {
      this.maxFollowUps = maxFollowUps;
      return this;
    }

    public Builder securityProvider(SecurityProvider securityProvider) {
      this.securityProvider = securityProvider;
      return this;
    }

    public Dlt645ClientConfig build() {
      return new Dlt645ClientConfig(responseTimeout, retry, feCount, interFrameDelay, defaultEdition,
          defaultCredentials, zone, clock, scheduler, executor, maxFollowUps, securityProvider);
    }
  }
}

package io.emms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emms.bus.Line;
import io.emms.bus.LineConfig;
import io.emms.bus.RetryPolicy;
import io.emms.core.testing.LeakCheck;
import io.emms.core.testing.SocatPtyPair;
import io.emms.dlt645.client.Dlt645Client;
import io.emms.dlt645.client.Dlt645ClientConfig;
import io.emms.dlt645.client.Dlt645RetryPolicy;
import io.emms.dlt645.codec.Dlt645Address;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.simulator.SimulatedMeter;
import io.emms.dlt645.simulator.SimulatedMeterConfig;
import io.emms.modbus.client.ModbusClient;
import io.emms.modbus.client.ModbusClientConfig;
import io.emms.modbus.client.ModbusMode;
import io.emms.modbus.client.RegisterRange;
import io.emms.modbus.profile.MeterProfile;
import io.emms.modbus.profile.MeterProfiles;
import io.emms.modbus.profile.ProfiledMeterSimulator;
import io.emms.transport.serial.Parity;
import io.emms.transport.serial.SerialConfig;
import io.emms.transport.serial.SerialLink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 3: two DL/T 645-2007 meters, one DL/T 645-1997 meter and two Modbus RTU meters (SDM630, DDSU666)
 * answer on the far end of one socat pty pair, and one master line polls all five. Each meter has a poll loop that
 * asks again as soon as its last answer came; the line's round-robin shares the wire. Counts are compared over
 * equal windows, never times.
 */
@ExtendWith(LeakCheck.class)
class MixedBusSerialTest {

  private static final Dlt645Address METER_A = Dlt645Address.of("000000000011");
  private static final Dlt645Address METER_B = Dlt645Address.of("000000000012");
  private static final Dlt645Address METER_OLD = Dlt645Address.of("000000000013");
  private static final int SDM630 = 1;
  private static final int DDSU666 = 2;
  private static final int ENERGY_2007 = 0x00010000;
  private static final int ENERGY_1997 = 0x9010;
  private static final Duration WINDOW = Duration.ofSeconds(3);

  @TempDir
  Path dir;

  private SocatPtyPair ptys;
  private SerialLink masterPort;
  private SerialLink meterPort;
  private NoisyLink masterEnd;
  private NoisyLink meterEnd;
  private MultiProtocolResponder responder;
  private Line line;
  private Dlt645Client dlt645;
  private ModbusClient modbus;
  private final ScheduledExecutorService pause = Executors.newSingleThreadScheduledExecutor();
  private final AtomicBoolean polling = new AtomicBoolean(true);
  private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
  private final Map<String, Supplier<CompletableFuture<?>>> polls = new LinkedHashMap<>();

  @BeforeEach
  void wireTheLine() throws Exception {
    assumeTrue(SocatPtyPair.available(), "socat is not installed");
    ptys = SocatPtyPair.start(dir);
    meterPort = new SerialLink(serial(ptys.b()));
    masterPort = new SerialLink(serial(ptys.a()));
    meterEnd = new NoisyLink(meterPort, "00 FF 68 11 00 55 01 03");
    masterEnd = new NoisyLink(masterPort, "FE 68 00 01 83 AA");

    responder = MultiProtocolResponder.builder()
        .dlt645(meter(METER_A, Dlt645Edition.V2007), meter(METER_B, Dlt645Edition.V2007),
            meter(METER_OLD, Dlt645Edition.V1997))
        .modbusRtu(SDM630, new ProfiledMeterSimulator(MeterProfiles.get("sdm630"), 645).service())
        .modbusRtu(DDSU666, new ProfiledMeterSimulator(MeterProfiles.get("ddsu666"), 645).service())
        .build();
    responder.attach(meterEnd).join();

    line = Line.halfDuplex(masterEnd, LineConfig.builder()
        .responseTimeout(Duration.ofMillis(250)).retryPolicy(RetryPolicy.NONE)
        .quietGap(Duration.ofMillis(5)).idleGap(Duration.ofMillis(20))
        .backOffAfter(1).probeInterval(Duration.ofSeconds(30)).build());
    dlt645 = Dlt645Client.create(line, Dlt645ClientConfig.builder().responseTimeout(Duration.ofMillis(250))
        .retry(Dlt645RetryPolicy.NONE).build());
    dlt645.register(METER_OLD, Dlt645Edition.V1997);
    modbus = ModbusClient.create(line, ModbusClientConfig.builder().mode(ModbusMode.RTU)
        .timeout(Duration.ofMillis(250)).retries(0).build());
    dlt645.connect().join();

    polls.put(METER_A.toString(), () -> dlt645.read(METER_A, ENERGY_2007));
    polls.put(METER_B.toString(), () -> dlt645.read(METER_B, ENERGY_2007));
    polls.put(METER_OLD.toString(), () -> dlt645.read(METER_OLD, ENERGY_1997));
    polls.put("modbus:" + SDM630, () -> modbus.readRegisters(SDM630, firstRange("sdm630")));
    polls.put("modbus:" + DDSU666, () -> modbus.readRegisters(DDSU666, firstRange("ddsu666")));
  }

  @AfterEach
  void unwire() throws Exception {
    polling.set(false);
    pause.shutdownNow();
    if (dlt645 != null) {
      dlt645.close();
      modbus.close();
      line.close();
      responder.close();
      masterPort.close();
      meterPort.close();
    }
    if (ptys != null) {
      ptys.close();
    }
  }

  @Test
  void allFiveAreServedFairlyAndASilentMeterCostsTheOthersLittle() throws Exception {
    polls.forEach(this::pollForever);
    Map<String, Long> before = countOver(WINDOW);
    assertThat(before.values()).allSatisfy(n -> assertThat(n).isGreaterThan(5));
    double mean = before.values().stream().mapToLong(Long::longValue).average().orElseThrow();
    assertThat(before.values()).as("round-robin shares: %s", before)
        .allSatisfy(n -> assertThat((double) n).isBetween(mean * 0.8, mean * 1.2));

    responder.unplug("modbus:" + DDSU666);
    countOver(Duration.ofMillis(500)); // the silent meter times out once and is backed off
    Map<String, Long> after = countOver(WINDOW);

    assertThat(after.get("modbus:" + DDSU666)).isZero();
    for (String meter : polls.keySet()) {
      if (!meter.equals("modbus:" + DDSU666)) {
        assertThat(after.get(meter)).as("%s: before %s, after %s", meter, before, after)
            .isGreaterThanOrEqualTo(before.get(meter) * 8 / 10);
      }
    }
    assertThat(line.counters("modbus:" + DDSU666).timeouts()).isEqualTo(1);
    assertThat(failed.get(METER_A.toString()).get()).isZero();
  }

  @Test
  void noiseOnTheLineIsSkippedByEveryDecoderAndFailsNoTransaction() throws Exception {
    masterEnd.noisy(true);
    meterEnd.noisy(true);
    polls.forEach(this::pollForever);
    Map<String, Long> counts = countOver(WINDOW);

    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isGreaterThan(3));
    assertThat(failed.values()).allSatisfy(n -> assertThat(n.get()).isZero());
    assertThat(line.counters().garbageBytes()).isPositive();
    assertThat(line.counters().timeouts()).isZero();
  }

  private void pollForever(String meter, Supplier<CompletableFuture<?>> poll) {
    answered.put(meter, new AtomicLong());
    failed.put(meter, new AtomicLong());
    pollOnce(meter, poll);
  }

  private void pollOnce(String meter, Supplier<CompletableFuture<?>> poll) {
    if (!polling.get()) {
      return;
    }
    poll.get().whenComplete((ok, error) -> {
      (error == null ? answered : failed).get(meter).incrementAndGet();
      // A backed-off meter fails at once: pause, so its loop does not spin.
      pause.schedule(() -> pollOnce(meter, poll), error == null ? 0 : 50, TimeUnit.MILLISECONDS);
    });
  }

  /** How many answers each meter got during {@code window}. */
  private Map<String, Long> countOver(Duration window) throws InterruptedException {
    Map<String, Long> start = snapshot();
    Thread.sleep(window.toMillis());
    Map<String, Long> end = snapshot();
    Map<String, Long> counts = new LinkedHashMap<>();
    end.forEach((meter, n) -> counts.put(meter, n - start.get(meter)));
    return counts;
  }

  private Map<String, Long> snapshot() {
    Map<String, Long> counts = new LinkedHashMap<>();
    polls.keySet().forEach(meter -> counts.put(meter, answered.get(meter).get()));
    return counts;
  }

  private static RegisterRange firstRange(String profile) {
    MeterProfile p = MeterProfiles.get(profile);
    return p.point(p.quantities().get(0)).orElseThrow().range();
  }

  private static SimulatedMeter meter(Dlt645Address address, Dlt645Edition edition) {
    return new SimulatedMeter(SimulatedMeterConfig.builder(address).edition(edition).initialEnergyKwh(1206.42)
        .seed(645).build());
  }

  private static SerialConfig serial(String port) {
    return SerialConfig.builder(port).baudRate(9600).parity(Parity.EVEN).readTimeout(Duration.ofMillis(5)).build();
  }
}

package io.emms.examples;

import io.emms.transport.mqtt.MqttClientConfig;
import io.emms.transport.mqtt.MqttConnection;
import io.emms.transport.mqtt.TelemetryConsumer;
import io.emms.transport.mqtt.TelemetryMessage;
import io.emms.transport.mqtt.TopicScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Several consumers splitting one tenant's telemetry through the shared subscription
 * {@code $share/GROUP/emms/TENANT/+/meters/+/telemetry}: the broker gives each message to one member, each member
 * validates and de-duplicates what it gets. Call {@link Members#close()} to leave the group.
 */
public final class ConsumeTelemetryWithSharedSubscription {

  private ConsumeTelemetryWithSharedSubscription() {}

  /** The members of the group and what each has received so far. */
  public static final class Members implements AutoCloseable {
    private final List<MqttConnection> connections = new ArrayList<>();
    private final List<Queue<TelemetryMessage>> received = new ArrayList<>();

    /** What member {@code i} received, in arrival order. */
    public Queue<TelemetryMessage> received(int i) {
      return received.get(i);
    }

    public int size() {
      return connections.size();
    }

    @Override
    public void close() {
      connections.forEach(MqttConnection::close);
    }
  }

  /**
   * Starts {@code count} members of {@code group}, each with its own client id derived from {@code broker}'s.
   * A small receive maximum lets the broker pass messages on to the other members while one is busy.
   */
  public static Members start(MqttClientConfig broker, String tenant, String group, int count) {
    Members members = new Members();
    for (int i = 0; i < count; i++) {
      MqttConnection connection = MqttConnection.create(broker.withClientId(broker.clientId() + "-" + i));
      Queue<TelemetryMessage> inbox = new ConcurrentLinkedQueue<>();
      members.connections.add(connection);
      members.received.add(inbox);
      connection.connect().join();
      new TelemetryConsumer(connection, TopicScheme.sharedTelemetryFilter(group, "emms", tenant),
          TelemetryConsumer.DEFAULT_WINDOW, inbox::add).start().join();
    }
    return members;
  }

  /** {@code ConsumeTelemetryWithSharedSubscription tcp://HOST:PORT USER PASSWORD}: prints what each member gets. */
  public static void main(String[] args) throws InterruptedException {
    MqttClientConfig broker = MqttClientConfig.builder(args[0], "example-consumer").credentials(args[1], args[2]).build();
    try (Members members = start(broker, "example", "readers", 2)) {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(1000);
        for (int i = 0; i < members.size(); i++) {
          TelemetryMessage m;
          while ((m = members.received(i).poll()) != null) {
            System.out.printf("member %d: meter %s, %d readings%n", i, m.meterId(), m.readings().size());
          }
        }
      }
    }
  }
}

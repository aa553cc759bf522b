package io.emms.transport.mqtt;

import java.util.Objects;

/**
 * Where EMMS telemetry, status and commands live on a broker:
 *
 * <pre>
 * {root}/{tenant}/{gateway}/status                        retained {"online":true|false}, Last-Will false
 * {root}/{tenant}/{gateway}/meters/{meter}/telemetry      QoS 1 telemetry messages (docs/mqtt-telemetry.schema.json)
 * {root}/{tenant}/{gateway}/meters/{meter}/cmd/{command}  MQTT 5 requests (relay, read)
 * {root}/{tenant}/replies/{client}                        responses to one requester
 * </pre>
 *
 * <p>Each part is one topic level: no {@code /}, {@code +}, {@code #}, and not empty.
 *
 * @param root the first level, {@code emms} by default
 * @param tenant the owner of the meters (a utility, a site)
 * @param gateway the publisher: a gateway, a data concentrator, a head-end poller
 */
public record TopicScheme(String root, String tenant, String gateway) {

  public TopicScheme {
    level("root", root);
    level("tenant", tenant);
    level("gateway", gateway);
  }

  /** The scheme under the default root {@code emms}. */
  public static TopicScheme of(String tenant, String gateway) {
    return new TopicScheme("emms", tenant, gateway);
  }

  public String status() {
    return root + "/" + tenant + "/" + gateway + "/status";
  }

  public String telemetry(String meterId) {
    return meterBase(meterId) + "/telemetry";
  }

  public String command(String meterId, String command) {
    return meterBase(meterId) + "/cmd/" + level("command", command);
  }

  /** The filter for the commands to every meter of this gateway. */
  public String commandFilter() {
    return root + "/" + tenant + "/" + gateway + "/meters/+/cmd/+";
  }

  /** The topic where the requester with this client id receives its responses. */
  public String replies(String clientId) {
    return root + "/" + tenant + "/replies/" + level("client id", clientId);
  }

  /** The filter for the telemetry of every gateway and meter of a tenant. */
  public static String telemetryFilter(String root, String tenant) {
    return level("root", root) + "/" + level("tenant", tenant) + "/+/meters/+/telemetry";
  }

  /** The same filter as a shared subscription of {@code group}: the group's members split the messages. */
  public static String sharedTelemetryFilter(String group, String root, String tenant) {
    return "$share/" + level("share group", group) + "/" + telemetryFilter(root, tenant);
  }

  private String meterBase(String meterId) {
    return root + "/" + tenant + "/" + gateway + "/meters/" + level("meter id", meterId);
  }

  private static String level(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.contains("/") || value.contains("+") || value.contains("#")) {
      throw new IllegalArgumentException(what + " must be one topic level (no / + #, not empty): '" + value + "'");
    }
    return value;
  }
}

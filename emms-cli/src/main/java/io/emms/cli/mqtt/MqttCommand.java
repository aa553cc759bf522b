package io.emms.cli.mqtt;

import picocli.CommandLine.Command;

/** {@code emms mqtt}: MQTT telemetry tools. */
@Command(
    name = "mqtt",
    mixinStandardHelpOptions = true,
    description = "MQTT 5 telemetry tools.",
    subcommands = {MqttListenCommand.class})
public final class MqttCommand {}

package io.emms.cli.nbiot;

import picocli.CommandLine.Command;

/** {@code emms nbiot}: the server side of NB-IoT meters. */
@Command(
    name = "nbiot",
    mixinStandardHelpOptions = true,
    description = "NB-IoT meters: receive their UDP and CoAP uplinks, queue commands for them.",
    subcommands = {NbiotListenCommand.class})
public final class NbiotCommand {}

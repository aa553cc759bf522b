package io.emms.server.registry;

import java.time.Instant;

/**
 * A meter in the registry.
 *
 * @param id the registry's identifier (chosen by the operator)
 * @param address the protocol address, checked against the profile
 * @param profile the protocol profile's id
 * @param model the register-map profile of a Modbus meter ({@code sdm630}, …), or {@code null}
 * @param siteId where the meter is installed, or {@code null}
 * @param lineId the line it is reached through, or {@code null}
 * @param pollSeconds how often it is read
 * @param relayState the last verified relay state ({@code OPEN}/{@code CLOSED}), or {@code null} when unknown
 */
public record Meter(String id, String address, String profile, String model, String siteId, String lineId, int pollSeconds,
    String relayState, Instant createdAt, Instant updatedAt) {}

package io.emms.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads and checks query parameters and JSON body fields; every refusal names the field. */
final class Params {

  /** Longest time range one request may read. */
  static final Duration MAX_RANGE = Duration.ofDays(366);
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private Params() {}

  /** {@code limit} (1..1000, default 100) and {@code offset} (0..1 000 000, default 0). */
  record Page(int limit, int offset) {}

  static Page page(Context ctx) {
    return new Page(intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT), intParam(ctx, "offset", 0, 0, 1_000_000));
  }

  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    try {
      int i = Integer.parseInt(v);
      if (i < min || i > max) {
        throw ApiException.badField(name, "must be " + min + ".." + max);
      }
      return i;
    } catch (NumberFormatException e) {
      throw ApiException.badField(name, "not a whole number");
    }
  }

  static Instant instant(Context ctx, String name, Instant fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      if (fallback == null) {
        throw ApiException.badField(name, "required (ISO-8601 instant, e.g. 2026-03-01T00:00:00Z)");
      }
      return fallback;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badField(name, "not an ISO-8601 instant such as 2026-03-01T00:00:00Z");
    }
  }

  /** {@code from} and {@code to}: from before to, at most {@link #MAX_RANGE} apart; to defaults to now. */
  record Range(Instant from, Instant to) {}

  static Range range(Context ctx) {
    Instant to = instant(ctx, "to", Instant.now());
    Instant from = instant(ctx, "from", to.minus(Duration.ofDays(1)));
    if (!from.isBefore(to)) {
      throw ApiException.badField("from", "must be before to");
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw ApiException.badField("to", "range longer than " + MAX_RANGE.toDays() + " days");
    }
    return new Range(from, to);
  }

  static String text(JsonNode body, String field, int maxLength, boolean required) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw ApiException.badField(field, "required");
      }
      return null;
    }
    if (!n.isTextual()) {
      throw ApiException.badField(field, "must be a string");
    }
    String s = n.asText();
    if (required && s.isBlank()) {
      throw ApiException.badField(field, "must not be empty");
    }
    if (s.length() > maxLength) {
      throw ApiException.badField(field, "longer than " + maxLength + " characters");
    }
    return s;
  }

  static int integer(JsonNode body, String field, int fallback, int min, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
      throw ApiException.badField(field, "must be a whole number " + min + ".." + max);
    }
    return n.asInt();
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.badField(field, "unknown value " + (value == null ? "null" : "'" + value + "'"));
    }
  }
}

package io.emms.server.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.analytics.consumption.ConsumptionCalculator;
import io.emms.analytics.consumption.ConsumptionConfig;
import io.emms.analytics.consumption.ConsumptionSeries;
import io.emms.analytics.consumption.IntervalConsumption;
import io.emms.analytics.vee.EstimatedSeries;
import io.emms.analytics.vee.IntervalData;
import io.emms.analytics.vee.VeeConfig;
import io.emms.analytics.vee.VeeEngine;
import io.emms.analytics.vee.VeeResult;
import io.emms.bus.fleet.MeterProtocols;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import io.emms.server.auth.Role;
import io.emms.server.db.DuplicateKeyException;
import io.emms.server.registry.Meter;
import io.emms.server.registry.MeterProfile;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The meter registry, readings by range and resolution, consumption, CSV export and the ingestion status. */
final class MeterApi {

  /** Readings one request may read before resolution is applied. */
  static final int MAX_READINGS = 200_000;
  private static final Pattern METER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern REF_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final String DEFAULT_QUANTITY = "ACTIVE_ENERGY_IMPORT";
  private static final java.time.Duration VEE_INTERVAL = java.time.Duration.ofMinutes(15);
  /** A month of 15-minute intervals. */
  private static final int MAX_VEE_INTERVALS = 31 * 96;

  private final ApiDependencies deps;

  MeterApi(ApiDependencies deps) {
    this.deps = deps;
  }

  List<Route> routes() {
    List<String> range = List.of("quantity", "from", "to");
    return List.of(
        new Route(GET, "/api/meters", Role.VIEWER, "List meters (search by id or address prefix)",
            List.of("search", "limit", "offset"), this::list),
        new Route(POST, "/api/meters", Role.OPERATOR, "Add a meter {id, address, profile, model, siteId, lineId, pollSeconds}",
            List.of(), this::create),
        new Route(GET, "/api/meters/{id}", Role.VIEWER, "One meter", List.of(), this::get),
        new Route(PUT, "/api/meters/{id}", Role.OPERATOR, "Change a meter {address, profile, model, siteId, lineId, pollSeconds}",
            List.of(), this::update),
        new Route(DELETE, "/api/meters/{id}", Role.OPERATOR, "Remove a meter (its readings stay)", List.of(),
            this::delete),
        new Route(GET, "/api/meters/{id}/readings", Role.VIEWER,
            "Readings of one quantity in [from, to) at a resolution (raw, 15m, 1h, 1d)",
            List.of("quantity", "from", "to", "resolution", "limit", "offset"), this::readings),
        new Route(GET, "/api/meters/{id}/readings.csv", Role.VIEWER, "Raw readings in [from, to) as CSV", range,
            this::csv),
        new Route(GET, "/api/meters/{id}/consumption", Role.VIEWER,
            "Interval consumption of an energy register across rollovers and resets", range, this::consumption),
        new Route(GET, "/api/meters/{id}/vee", Role.VIEWER,
            "Validation and estimation of 15-minute consumption (gaps estimated and marked ESTIMATED)", range,
            this::vee),
        new Route(GET, "/api/status", Role.VIEWER, "Ingestion counters", List.of(), this::status));
  }

  private void list(Context ctx) {
    Params.Page page = Params.page(ctx);
    String search = ctx.queryParam("search");
    if (search != null && search.length() > 64) {
      throw ApiException.badField("search", "longer than 64 characters");
    }
    ctx.json(Pages.of(deps.meters().list(search == null || search.isEmpty() ? null : search, page.limit(),
        page.offset()), page));
  }

  private void create(Context ctx) {
    JsonNode body = Json.object(ctx);
    String id = Params.text(body, "id", 64, true);
    if (!METER_ID.matcher(id).matches()) {
      throw ApiException.badField("id", "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    Meter m = fromBody(id, body);
    try {
      Meter created = deps.meters().create(m);
      deps.audit().append(ApiServer.principal(ctx).username(), "meter.create", id, m.profile() + " " + m.address());
      ctx.status(201).json(created);
    } catch (DuplicateKeyException e) {
      throw new ApiException(409, "id", "id: a meter '" + id + "' exists already");
    }
  }

  private void get(Context ctx) {
    ctx.json(meter(ctx));
  }

  private void update(Context ctx) {
    Meter old = meter(ctx);
    Meter m = fromBody(old.id(), Json.object(ctx));
    deps.meters().update(m);
    deps.audit().append(ApiServer.principal(ctx).username(), "meter.update", old.id(), m.profile() + " " + m.address());
    ctx.json(deps.meters().byId(old.id()).orElseThrow());
  }

  private void delete(Context ctx) {
    String id = ctx.pathParam("id");
    if (!deps.meters().delete(id)) {
      throw ApiException.notFound("meter " + id);
    }
    deps.audit().append(ApiServer.principal(ctx).username(), "meter.delete", id, null);
    ctx.status(204);
  }

  private void readings(Context ctx) {
    Meter m = meter(ctx);
    Quantity q = quantity(ctx);
    Params.Range r = Params.range(ctx);
    Resolution res = Resolution.parse(ctx.queryParam("resolution"));
    Params.Page page = Params.page(ctx);
    List<Reading> raw = res == Resolution.RAW
        ? deps.readings().range(m.id(), q, r.from(), r.to(), page.offset() + page.limit() + 1)
        : deps.readings().range(m.id(), q, r.from(), r.to(), MAX_READINGS);
    List<Reading> rows = res.apply(raw, q);
    List<Map<String, Object>> items = rows.stream().skip(page.offset()).limit(page.limit())
        .map(MeterApi::view).toList();
    ctx.json(Map.of("meter", m.id(), "quantity", q.toString(), "unit", q.unit().name(),
        "resolution", res.label(), "items", items, "limit", page.limit(), "offset", page.offset(),
        "more", rows.size() > page.offset() + page.limit()));
  }

  private void csv(Context ctx) {
    Meter m = meter(ctx);
    Quantity q = quantity(ctx);
    Params.Range r = Params.range(ctx);
    StringBuilder out = new StringBuilder("meter,quantity,time,value,quality\n");
    for (Reading x : deps.readings().range(m.id(), q, r.from(), r.to(), MAX_READINGS)) {
      out.append(m.id()).append(',').append(q.toString()).append(',').append(x.timestamp()).append(',')
          .append(x.value() == null ? "" : x.value().toPlainString()).append(',').append(x.quality()).append('\n');
    }
    ctx.contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + m.id() + "-" + q.toString() + ".csv\"")
        .result(out.toString());
  }

  private void consumption(Context ctx) {
    Meter m = meter(ctx);
    Quantity q = quantity(ctx);
    if (!q.measurand().cumulative()) {
      throw ApiException.badField("quantity", "not an energy register");
    }
    Params.Range r = Params.range(ctx);
    List<Reading> raw = deps.readings().range(m.id(), q, r.from(), r.to(), MAX_READINGS);
    ConsumptionSeries series = new ConsumptionCalculator(ConsumptionConfig.defaults()).compute(raw, List.of());
    BigDecimal total = BigDecimal.ZERO;
    List<Map<String, Object>> items = new java.util.ArrayList<>();
    for (IntervalConsumption c : series.intervals()) {
      if (c.known()) {
        total = total.add(c.energy());
      }
      Map<String, Object> v = new java.util.LinkedHashMap<>();
      v.put("start", c.start());
      v.put("end", c.end());
      v.put("energy", c.energy());
      v.put("flags", c.flags());
      items.add(v);
    }
    ctx.json(Map.of("meter", m.id(), "quantity", q.toString(), "unit", q.unit().name(), "total", total,
        "intervals", items));
  }

  private void vee(Context ctx) {
    Meter m = meter(ctx);
    Quantity q = quantity(ctx);
    if (!q.measurand().cumulative()) {
      throw ApiException.badField("quantity", "not an energy register");
    }
    Params.Range r = Params.range(ctx);
    long slot = VEE_INTERVAL.toMillis();
    long first = Math.floorDiv(r.from().toEpochMilli() + slot - 1, slot) * slot;
    int n = (int) Math.max(0, (r.to().toEpochMilli() - first) / slot);
    if (n > MAX_VEE_INTERVALS) {
      throw ApiException.badField("to", "at most " + MAX_VEE_INTERVALS + " intervals of 15 minutes");
    }
    long[] starts = new long[n];
    double[] energy = new double[n];
    for (int i = 0; i < n; i++) {
      starts[i] = first + i * slot;
      energy[i] = Double.NaN;
    }
    List<Reading> raw = deps.readings().range(m.id(), q, r.from(), r.to(), MAX_READINGS);
    for (IntervalConsumption c : new ConsumptionCalculator(ConsumptionConfig.defaults()).compute(raw, List.of())
        .intervals()) {
      long start = c.start().toEpochMilli();
      if (c.known() && c.duration().equals(VEE_INTERVAL) && start >= first && (start - first) % slot == 0
          && (start - first) / slot < n) {
        energy[(int) ((start - first) / slot)] = c.energy().doubleValue();
      }
    }
    VeeEngine engine = new VeeEngine(VeeConfig.defaults());
    IntervalData data = IntervalData.of(m.id(), VEE_INTERVAL, starts, energy);
    VeeResult result = engine.validate(data);
    EstimatedSeries estimated = engine.estimate(data, result);
    List<Map<String, Object>> items = new java.util.ArrayList<>();
    for (int i = 0; i < estimated.size(); i++) {
      Map<String, Object> v = new java.util.LinkedHashMap<>();
      v.put("start", java.time.Instant.ofEpochMilli(estimated.startMillis()[i]));
      double e = estimated.values()[i];
      v.put("energy", Double.isNaN(e) ? null : e);
      v.put("quality", estimated.quality()[i]);
      items.add(v);
    }
    List<Map<String, Object>> findings = result.findings().stream().map(f -> Map.<String, Object>of(
        "rule", f.rule(), "time", f.timestamp(), "message", f.message())).toList();
    ctx.json(Map.of("meter", m.id(), "quantity", q.toString(), "estimated", estimated.estimatedCount(),
        "findings", findings, "items", items));
  }

  private void status(Context ctx) {
    ctx.json(Map.of("ingest", deps.ingestStats().get()));
  }

  private Meter meter(Context ctx) {
    String id = ctx.pathParam("id");
    return deps.meters().byId(id).orElseThrow(() -> ApiException.notFound("meter " + id));
  }

  private static Quantity quantity(Context ctx) {
    String key = ctx.queryParam("quantity");
    try {
      return Quantity.parse(key == null || key.isEmpty() ? DEFAULT_QUANTITY : key);
    } catch (IllegalArgumentException e) {
      throw ApiException.badField("quantity", "unknown quantity (e.g. ACTIVE_ENERGY_IMPORT, VOLTAGE.A, "
          + "ACTIVE_ENERGY_IMPORT.T1)");
    }
  }

  private static Meter fromBody(String id, JsonNode body) {
    String profileId = Params.text(body, "profile", 32, true);
    MeterProfile profile = MeterProfile.byId(profileId).orElseThrow(() -> ApiException.badField("profile",
        "unknown profile '" + profileId + "'; known: "
            + java.util.Arrays.stream(MeterProfile.values()).map(MeterProfile::id).toList()));
    String address = Params.text(body, "address", 64, true);
    if (!profile.validAddress(address)) {
      throw ApiException.badField("address", "for " + profile.id() + " must be " + profile.addressRule());
    }
    String site = ref(body, "siteId");
    String line = ref(body, "lineId");
    int poll = Params.integer(body, "pollSeconds", 900, 5, 86_400);
    return new Meter(id, address, profile.id(), model(body, profile), site, line, poll, null, null, null);
  }

  /** A Modbus meter needs its register map ({@code model}); other protocols take none. */
  private static String model(JsonNode body, MeterProfile profile) {
    String model = Params.text(body, "model", 32, false);
    boolean modbus = profile == MeterProfile.MODBUS_TCP || profile == MeterProfile.MODBUS_RTU_OVER_TCP;
    if (!modbus) {
      if (model != null) {
        throw ApiException.badField("model", "only Modbus meters take a register-map model");
      }
      return null;
    }
    if (model == null) {
      throw ApiException.badField("model", "required for " + profile.id() + " (a register map such as sdm630)");
    }
    MeterProtocols.find("modbus").flatMap(p -> p.profileProblem(Optional.of(model))).ifPresent(problem -> {
      throw ApiException.badField("model", problem);
    });
    return model;
  }

  private static String ref(JsonNode body, String field) {
    String v = Params.text(body, field, 64, false);
    if (v != null && !REF_ID.matcher(v).matches()) {
      throw ApiException.badField(field, "1-64 letters, digits, '.', '_' or '-'");
    }
    return v;
  }

  private static Map<String, Object> view(Reading r) {
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    v.put("time", r.timestamp());
    v.put("value", r.value());
    v.put("quality", r.quality());
    return v;
  }
}

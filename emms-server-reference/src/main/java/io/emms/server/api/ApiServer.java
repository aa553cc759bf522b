package io.emms.server.api;

import io.emms.server.auth.AuthException;
import io.emms.server.auth.Principal;
import io.emms.server.auth.Role;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST/JSON API under {@code /api} (Javalin 7) and its OpenAPI 3.1 document at {@code /openapi.json}.
 *
 * <p>Every operation but sign-in and the document needs a session cookie; the route's role decides who may call
 * it; every state-changing request must echo the session's CSRF token in {@code X-CSRF-Token}. Every refusal is a
 * JSON {@code {"error": …, "field": …}} with a 4xx status; an unexpected failure is logged and answered with a
 * bare 500 message, never a stack trace.
 */
public final class ApiServer implements AutoCloseable {

  static final String SESSION_COOKIE = "emms_session";
  static final String CSRF_COOKIE = "emms_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String PRINCIPAL = "emms.principal";
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;
  private final List<Route> routes;

  private ApiServer(Javalin app, List<Route> routes) {
    this.app = app;
    this.routes = routes;
  }

  /** Builds and starts the API on {@code host:port} (port 0 picks a free one). */
  public static ApiServer start(ApiDependencies deps, String host, int port) {
    List<Route> routes = new ArrayList<>();
    routes.addAll(new AccountApi(deps).routes());
    routes.addAll(new MeterApi(deps).routes());
    routes.addAll(new LineApi(deps).routes());
    routes.addAll(new CommandApi(deps).routes());
    String openApi = OpenApiDocument.render(routes);
    Javalin app = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      config.startup.showJavalinBanner = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.http.maxRequestSize = 1_000_000;
      // Jetty refuses malformed requests (bad URI escapes, oversized headers) before Javalin sees them; its
      // error page is HTML, ours is JSON like every other refusal.
      config.jetty.modifyServer(server -> server.setErrorHandler(ApiServer::jettyError));
      config.routes.beforeMatched(ctx -> guard(ctx, deps));
      config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
      for (Route r : routes) {
        config.routes.addHttpHandler(r.method(), r.path(), r.handler(), r.role() == null ? new Role[0] : new Role[] {r.role()});
      }
      config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.field()));
      config.routes.exception(AuthException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), null));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
        String m = String.valueOf(e.getMessage());
        int colon = m.indexOf(':');
        error(ctx, 400, m, colon > 0 && m.indexOf(' ') > colon ? m.substring(0, colon) : null);
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal error; the server's log has the details", null);
      });
      config.routes.error(404, "*", ctx -> {
        // Javalin's own "Endpoint … not found" is plain text; an ApiException's 404 is JSON already.
        if (ctx.result() == null || !ctx.result().startsWith("{")) {
          error(ctx, 404, "no such resource: " + ctx.path(), null);
        }
      });
      config.routes.error(405, "*", ctx -> error(ctx, 405, "method not allowed on " + ctx.path(), null));
    });
    app.start();
    return new ApiServer(app, List.copyOf(routes));
  }

  /** The port the API listens on. */
  public int port() {
    return app.port();
  }

  /** The documented operations as {@code "METHOD path"}. */
  public List<String> operations() {
    return routes.stream().map(r -> r.method() + " " + r.path()).toList();
  }

  @Override
  public void close() {
    app.stop();
  }

  /** The caller (the route guard has made sure there is one on every non-public route). */
  static Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  private static void guard(Context ctx, ApiDependencies deps) {
    Role required = ctx.routeRoles().stream().map(Role.class::cast).findFirst().orElse(null);
    if (required == null) {
      return;
    }
    Principal p = deps.auth().authenticate(ctx.cookie(SESSION_COOKIE))
        .orElseThrow(() -> new AuthException(401, "sign in first (POST /api/login)"));
    if (!p.role().includes(required)) {
      throw new AuthException(403, "needs role " + required.name().toLowerCase(java.util.Locale.ROOT)
          + "; you are " + p.role().name().toLowerCase(java.util.Locale.ROOT));
    }
    HandlerType m = ctx.method();
    if (m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS) {
      String sent = ctx.header(CSRF_HEADER);
      if (sent == null || !java.security.MessageDigest.isEqual(sent.getBytes(), p.csrfToken().getBytes())) {
        throw new AuthException(403, "missing or wrong " + CSRF_HEADER + " header");
      }
    }
    ctx.attribute(PRINCIPAL, p);
  }

  private static boolean jettyError(org.eclipse.jetty.server.Request request,
      org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback) {
    int status = response.getStatus() < 400 ? 400 : response.getStatus();
    response.setStatus(status);
    response.getHeaders().put("Content-Type", "application/json");
    String body = "{\"error\":\"" + (status >= 500 ? "internal error" : "malformed request") + "\"}";
    response.write(true, java.nio.ByteBuffer.wrap(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), callback);
    return true;
  }

  private static void error(Context ctx, int status, String message, String field) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    ctx.status(status).json(body);
  }
}

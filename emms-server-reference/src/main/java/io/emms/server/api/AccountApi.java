package io.emms.server.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.JsonNode;
import io.emms.server.auth.LoginResult;
import io.emms.server.auth.Principal;
import io.emms.server.auth.Role;
import io.emms.server.db.DuplicateKeyException;
import io.emms.server.db.UserStore.User;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Map;

/** Sign-in, sign-out, the caller's own account, user administration and the audit log. */
final class AccountApi {

  private final ApiDependencies deps;

  AccountApi(ApiDependencies deps) {
    this.deps = deps;
  }

  List<Route> routes() {
    return List.of(
        new Route(POST, "/api/login", null, "Sign in with {username, password}; sets the session cookie", List.of(),
            this::login),
        new Route(POST, "/api/setup", null,
            "Create the first administrator {token, username, password} with the token printed at first start",
            List.of(), this::setup),
        new Route(POST, "/api/logout", Role.VIEWER, "Sign out (ends the session)", List.of(), this::logout),
        new Route(GET, "/api/me", Role.VIEWER, "The signed-in user and the CSRF token", List.of(), this::me),
        new Route(POST, "/api/me/password", Role.VIEWER, "Change the own password {current, password}", List.of(),
            this::changePassword),
        new Route(GET, "/api/users", Role.ADMIN, "List users", List.of("limit", "offset"), this::listUsers),
        new Route(POST, "/api/users", Role.ADMIN, "Create a user {username, password, role}", List.of(),
            this::createUser),
        new Route(DELETE, "/api/users/{id}", Role.ADMIN, "Delete a user", List.of(), this::deleteUser),
        new Route(POST, "/api/users/{id}/password", Role.ADMIN, "Set a user's password {password}", List.of(),
            this::resetPassword),
        new Route(GET, "/api/audit", Role.ADMIN, "The audit log, newest first", List.of("target", "limit", "offset"),
            this::audit));
  }

  private void login(Context ctx) {
    JsonNode body = Json.object(ctx);
    String username = Params.text(body, "username", 64, true);
    String password = Params.text(body, "password", 1024, true);
    LoginResult r = deps.auth().login(username, password, ctx.ip());
    int maxAge = -1;
    ctx.cookie(new Cookie(ApiServer.SESSION_COOKIE, r.sessionToken(), "/", maxAge, deps.tls(), true, null,
        SameSite.STRICT));
    ctx.cookie(new Cookie(ApiServer.CSRF_COOKIE, r.principal().csrfToken(), "/", maxAge, deps.tls(), false, null,
        SameSite.STRICT));
    ctx.json(me(r.principal()));
  }

  private void setup(Context ctx) {
    JsonNode body = Json.object(ctx);
    String token = Params.text(body, "token", 64, true);
    String username = Params.text(body, "username", 64, true);
    String password = Params.text(body, "password", 1024, true);
    if (deps.users().count() > 0 || !deps.setup().redeem(token)) {
      throw new ApiException(403, "token", "token: not valid (already used, or accounts exist)");
    }
    ctx.status(201).json(view(deps.auth().createUser("setup-token", username, password, Role.ADMIN)));
  }

  private void logout(Context ctx) {
    deps.auth().logout(ApiServer.principal(ctx));
    ctx.removeCookie(ApiServer.SESSION_COOKIE, "/");
    ctx.removeCookie(ApiServer.CSRF_COOKIE, "/");
    ctx.status(204);
  }

  private void me(Context ctx) {
    ctx.json(me(ApiServer.principal(ctx)));
  }

  private static Map<String, Object> me(Principal p) {
    return Map.of("username", p.username(), "role", p.role().name().toLowerCase(java.util.Locale.ROOT),
        "csrfToken", p.csrfToken());
  }

  private void changePassword(Context ctx) {
    JsonNode body = Json.object(ctx);
    deps.auth().changePassword(ApiServer.principal(ctx), Params.text(body, "current", 1024, true),
        Params.text(body, "password", 1024, true));
    ctx.status(204);
  }

  private void listUsers(Context ctx) {
    Params.Page page = Params.page(ctx);
    List<Map<String, Object>> items = deps.users().list(page.limit(), page.offset()).stream().map(AccountApi::view)
        .toList();
    ctx.json(Pages.of(items, page));
  }

  private void createUser(Context ctx) {
    JsonNode body = Json.object(ctx);
    String username = Params.text(body, "username", 64, true);
    String password = Params.text(body, "password", 1024, true);
    Role role = Params.enumValue(Role.class, "role",
        Params.text(body, "role", 16, true).toUpperCase(java.util.Locale.ROOT));
    try {
      User u = deps.auth().createUser(ApiServer.principal(ctx).username(), username, password, role);
      ctx.status(201).json(view(u));
    } catch (DuplicateKeyException e) {
      throw new ApiException(409, "username", "username: already taken");
    }
  }

  private void deleteUser(Context ctx) {
    long id = userId(ctx);
    Principal p = ApiServer.principal(ctx);
    if (id == p.userId()) {
      throw new ApiException(409, "id", "id: you cannot delete yourself");
    }
    if (!deps.users().delete(id)) {
      throw ApiException.notFound("user " + id);
    }
    deps.audit().append(p.username(), "user.delete", String.valueOf(id), null);
    ctx.status(204);
  }

  private void resetPassword(Context ctx) {
    long id = userId(ctx);
    deps.users().byId(id).orElseThrow(() -> ApiException.notFound("user " + id));
    deps.auth().resetPassword(ApiServer.principal(ctx).username(), id,
        Params.text(Json.object(ctx), "password", 1024, true));
    ctx.status(204);
  }

  private void audit(Context ctx) {
    Params.Page page = Params.page(ctx);
    String target = ctx.queryParam("target");
    ctx.json(Pages.of(deps.audit().list(target == null || target.isEmpty() ? null : target, page.limit(),
        page.offset()), page));
  }

  private static long userId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.badField("id", "not a user id");
    }
  }

  private static Map<String, Object> view(User u) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", u.id());
    m.put("username", u.username());
    m.put("role", u.role().name().toLowerCase(java.util.Locale.ROOT));
    m.put("locked", u.lockedUntil() != null && u.lockedUntil().isAfter(java.time.Instant.now()));
    m.put("createdAt", u.createdAt());
    return m;
  }
}

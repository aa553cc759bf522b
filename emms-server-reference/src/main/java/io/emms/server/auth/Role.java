package io.emms.server.auth;

import io.javalin.security.RouteRole;

/** What a user may do; each role may do everything the roles below it may. */
public enum Role implements RouteRole {
  /** Reads meters, readings, reports and commands. */
  VIEWER,
  /** Also edits the fleet and sends commands to meters (relay trip and restore). */
  OPERATOR,
  /** Also manages users and reads the audit log. */
  ADMIN;

  /** Whether a user with this role may do what {@code required} may. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }
}

package io.emms.server.api;

/** A request the API refuses: answered with {@code status} and a JSON body naming the field at fault. */
final class ApiException extends RuntimeException {

  private final int status;
  private final String field;

  ApiException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  static ApiException badField(String field, String message) {
    return new ApiException(400, field, field + ": " + message);
  }

  static ApiException notFound(String what) {
    return new ApiException(404, null, what + " not found");
  }

  int status() {
    return status;
  }

  String field() {
    return field;
  }
}

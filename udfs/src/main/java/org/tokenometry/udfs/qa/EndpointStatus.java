package org.tokenometry.udfs.qa;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What an HTTP status from a chat-completions endpoint means for the generation. A refusal that every later
 * request would meet too (bad key, no access, wrong URL or model, a redirect) is {@link #FATAL}; a server that
 * is busy or briefly down is retried ({@link #RETRY}); any other 4xx concerns one prompt only (e.g. 400 for a
 * prompt over the context length) and fails that attempt ({@link #THIS_REQUEST}).
 */
enum EndpointStatus {
  FATAL,
  RETRY,
  THIS_REQUEST;

  static EndpointStatus of(int code) {
    if (code / 100 == 3 || code == 401 || code == 403 || code == 404 || code == 405 || code == 407
        || code == 410) {
      return FATAL;
    }
    if (code == 408 || code == 409 || code == 425 || code == 429 || code / 100 == 5) {
      return RETRY;
    }
    return THIS_REQUEST;
  }

  /** " (Unauthorized)" for the statuses people meet here, else "". */
  static String reason(int code) {
    return switch (code) {
      case 400 -> " (Bad Request)";
      case 401 -> " (Unauthorized)";
      case 403 -> " (Forbidden)";
      case 404 -> " (Not Found)";
      case 405 -> " (Method Not Allowed)";
      case 429 -> " (Too Many Requests)";
      default -> "";
    };
  }

  /** What to check for a fatal status. */
  static String hint(int code, String model, String location) {
    return switch (code) {
      case 401, 407 -> "check the API key (the variable qa.llm.api_key_env names)";
      case 403 -> "the API key is not allowed to use model '" + model + "' or this endpoint";
      case 404, 405, 410 -> "check qa.llm.base_url (the part before /chat/completions, e.g. http://host:8000/v1)"
          + " and qa.llm.model ('" + model + "')";
      default -> "the endpoint redirects" + (location == null ? "" : " to " + location)
          + "; set qa.llm.base_url to where it points";
    };
  }

  /**
   * "connection refused", "unknown host h" or "connect timeout" when {@code e} says the endpoint could not be
   * reached at all (Java's HTTP client wraps the cause, sometimes without a message), else null.
   */
  static String connectFailure(IOException e, URI uri) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connect timeout";
    }
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    boolean connect = false;
    for (Throwable t = e; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "unknown host " + uri.getHost();
      }
      connect |= t instanceof ConnectException;
    }
    return connect ? "connection refused" : null;
  }

  /** The URI without user info (a password in a URL is as secret as the key). */
  static String display(URI uri) {
    if (uri.getUserInfo() == null) {
      return uri.toString();
    }
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + uri.getRawPath();
  }
}

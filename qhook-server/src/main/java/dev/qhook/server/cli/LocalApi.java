package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import dev.qhook.QHook;
import dev.qhook.StoreException;
import dev.qhook.config.QHookConfig;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.RouteTable;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.server.internal.routes.Readiness;
import dev.qhook.server.internal.routes.ServerRoutes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * The management API answered in-process by the server's own routes, over an engine on the
 * configured database that is never started (nothing is delivered or swept), so that a command
 * prints the same with or without {@code --remote}.
 */
final class LocalApi implements ApiClient {
  private final QHook engine;
  private final RouteTable routes;
  private final @Nullable String token;

  private LocalApi(QHook engine) {
    this.engine = engine;
    this.routes = ServerRoutes.create(engine, new Readiness(engine), null);
    this.token = engine.config().api().authToken();
  }

  /** An engine over the configured database, not started. */
  static QHook engine(QHookConfig config) {
    try {
      return QHook.builder().config(config).build();
    } catch (RuntimeException e) {
      throw new CliFailure(
          "cannot open the database: "
              + e.getMessage()
              + " (with a server running, use --remote URL --token T)");
    }
  }

  static LocalApi open(QHookConfig config) {
    return new LocalApi(engine(config));
  }

  @Override
  public boolean remote() {
    return false;
  }

  @Override
  public JsonNode send(String method, String pathAndQuery, @Nullable String json) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? null : pathAndQuery.substring(q + 1);
    Headers headers = new Headers();
    if (token != null) {
      headers.add("Authorization", "Bearer " + token);
    }
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    try {
      RouteTable.Match match = routes.match(method, path);
      Request request =
          new Request(method, path, match.params(), query, headers, body, () -> "127.0.0.1");
      Response response = match.route().handler().handle(request).join();
      Object value = response.json();
      if (response.status() / 100 != 2 || value == null) {
        throw new CliFailure(
            method
                + " "
                + path
                + ": HTTP "
                + response.status()
                + (value == null ? "" : " " + ServerJson.MAPPER.valueToTree(value)));
      }
      return ServerJson.MAPPER.valueToTree(value);
    } catch (CompletionException e) {
      throw failure(e.getCause() != null ? e.getCause() : e);
    } catch (ApiException | StoreException e) {
      throw failure(e);
    }
  }

  private static RuntimeException failure(Throwable e) {
    if (e instanceof ApiException api) {
      return new CliFailure(api.code() + ": " + api.getMessage());
    }
    if (e instanceof StoreException) {
      return new CliFailure("cannot read the database: " + e.getMessage());
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  @Override
  public void close() {
    engine.close();
  }
}

package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.ServerJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code GET /api/openapi.json} (docs/reference/http-api.md, "GET /api/openapi.json"): the OpenAPI
 * 3.1 description of the server's HTTP API. Its single source is the resource {@value #RESOURCE}
 * (YAML, kept next to the server's classes); it is read and turned into JSON on the first request,
 * not at start-up.
 */
public final class OpenApiRoute {
  /** The description's class-path location. */
  public static final String RESOURCE = "/dev/qhook/server/openapi.yaml";

  private OpenApiRoute() {}

  public static Response describe(Request request) {
    return Response.jsonText(200, Holder.JSON);
  }

  /** The description as JSON text. */
  public static String json() {
    return Holder.JSON;
  }

  /** Loaded once, on first use. */
  private static final class Holder {
    static final String JSON = load();
  }

  private static String load() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI description " + RESOURCE + " is missing");
      }
      Object tree =
          new Load(LoadSettings.builder().setLabel(RESOURCE).setAllowDuplicateKeys(false).build())
              .loadFromInputStream(in);
      return ServerJson.MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the OpenAPI description is not JSON-writable", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.qhook.server.internal.http;

/** Answers one matched request; expected failures are thrown as {@link ApiException}. */
@FunctionalInterface
public interface RouteHandler {
  Response handle(Request request);
}

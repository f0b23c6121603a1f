package dev.qhook.bench;

import dev.qhook.spi.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * A view of a store that never hands out work: an engine over it ingests normally (routing, jobs,
 * group commit) but delivers nothing. Used to pre-load a backlog before the measured engine starts.
 * Every other call goes to the real store, except {@code close}, which leaves it open. A proxy
 * rather than a hand-written delegate, so that the view follows the {@link Store} SPI as it grows.
 */
final class NoClaimStore {
  private NoClaimStore() {}

  static Store over(Store store) {
    return (Store)
        Proxy.newProxyInstance(
            Store.class.getClassLoader(),
            new Class<?>[] {Store.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "claim":
                  return List.of();
                case "close":
                  return null;
                default:
                  try {
                    return method.invoke(store, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
              }
            });
  }
}

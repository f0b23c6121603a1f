package dev.qhook.it.batch;

import dev.qhook.StoreUnavailableException;
import dev.qhook.spi.Event;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.Store;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A real store whose next multi-event append can be made to fail in the database, mid-batch: the
 * last event of the list is given the id of the first, so its insert breaks the primary key after
 * the earlier events of the same transaction were inserted. Or to fail before the database, as an
 * unreachable one does.
 */
final class SabotagedStore {
  enum Sabotage {
    NONE,
    REUSE_FIRST_ID,
    UNAVAILABLE
  }

  volatile Sabotage next = Sabotage.NONE;
  final Store store;

  SabotagedStore(Store real) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("append") && next != Sabotage.NONE) {
            @SuppressWarnings("unchecked")
            List<NewEvent> events = (List<NewEvent>) args[0];
            if (events.size() > 1) {
              Sabotage sabotage = next;
              next = Sabotage.NONE;
              if (sabotage == Sabotage.UNAVAILABLE) {
                throw new StoreUnavailableException(
                    "appending", "connection refused", new java.io.IOException("sabotage"));
              }
              args = new Object[] {reuseFirstId(events)};
            }
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    this.store =
        (Store)
            Proxy.newProxyInstance(
                Store.class.getClassLoader(), new Class<?>[] {Store.class}, handler);
  }

  private static List<NewEvent> reuseFirstId(List<NewEvent> events) {
    List<NewEvent> changed = new ArrayList<>(events);
    NewEvent last = changed.get(changed.size() - 1);
    Event e = last.event();
    Event clash =
        new Event(
            events.get(0).event().id(),
            e.source(),
            e.eventType(),
            e.payload(),
            e.headers(),
            e.uniqueKey(),
            e.createdAt());
    changed.set(changed.size() - 1, new NewEvent(clash, last.jobs()));
    return changed;
  }
}

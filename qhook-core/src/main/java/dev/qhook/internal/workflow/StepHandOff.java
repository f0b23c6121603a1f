package dev.qhook.internal.workflow;

import dev.qhook.internal.ingest.HandOff;
import dev.qhook.internal.ingest.LeasedJobs;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.NewStep;
import dev.qhook.spi.RunStep;
import dev.qhook.spi.StepState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Takes the step jobs a transition creates straight to this instance's workers, as ingest does with
 * an event's jobs (docs/architecture.md, "Workflow runs"): while the workers have room ({@link
 * HandOff#reserve}), the new jobs due now are stored leased in the transition, and once it is
 * committed they go into the dispatcher's ready queue, with no wake-up and no claim transaction.
 * The worker that takes one reads nothing either: its run and step record are what the transition
 * wrote ({@link #known}); the fence of the job's own transition still checks the run and the job
 * when it is stored.
 */
final class StepHandOff {
  /** One job leased for the hand-off: the transition that creates it (its place in the group). */
  record Handed(int index, NewStep step) {}

  /** A group with jobs leased for the hand-off and the places reserved for them. */
  record Leased(List<InlineSteps.Executed> group, int reserved, List<Handed> handed) {}

  private final Supplier<HandOff> handOff;
  private final BooleanSupplier writerBacklogged;

  /** Handed-over jobs not yet taken by a worker: their run and step record. */
  private final Map<String, StepState> known = new ConcurrentHashMap<>();

  /**
   * @param writerBacklogged whether transitions wait for the transition writer
   */
  StepHandOff(Supplier<HandOff> handOff, BooleanSupplier writerBacklogged) {
    this.handOff = handOff;
    this.writerBacklogged = writerBacklogged;
  }

  /**
   * Leases as many of the group's new jobs due at {@code now} as the workers have room for, while
   * the transition writer keeps up: with transitions waiting for it (a backlog of runs), steps
   * started at once would take the CPU the writer waits for, and batched claims cost less (the rule
   * of ingest's hand-off).
   */
  Leased lease(List<InlineSteps.Executed> group, Instant now) {
    int wanted = 0;
    for (InlineSteps.Executed e : group) {
      for (NewStep s : e.advance().next()) {
        wanted += due(s, now) ? 1 : 0;
      }
    }
    HandOff h = handOff.get();
    int granted =
        wanted == 0 || writerBacklogged.getAsBoolean() || Boolean.getBoolean("wf9.nohandoff")
            ? 0
            : h.reserve(wanted);
    if (granted == 0) {
      return new Leased(group, 0, List.of());
    }
    Instant until = now.plus(h.lease());
    List<InlineSteps.Executed> leased = new ArrayList<>(group.size());
    List<Handed> handed = new ArrayList<>(granted);
    for (int i = 0; i < group.size(); i++) {
      InlineSteps.Executed e = group.get(i);
      List<NewStep> next = new ArrayList<>(e.advance().next());
      boolean changed = false;
      for (int j = 0; j < next.size() && handed.size() < granted; j++) {
        NewStep s = next.get(j);
        if (due(s, now)) {
          NewStep l = new NewStep(s.job().leasedUntil(until), s.input(), s.activation());
          next.set(j, l);
          handed.add(new Handed(i, l));
          changed = true;
        }
      }
      leased.add(changed ? new InlineSteps.Executed(e.context(), e.advance().withNext(next)) : e);
    }
    return new Leased(leased, granted, handed);
  }

  private static boolean due(NewStep s, Instant now) {
    return s.job().leaseUntil() == null && !s.job().scheduledAt().isAfter(now);
  }

  /**
   * After the group's write: hands the leased jobs of the transitions stored to the workers and
   * gives the places back ({@code stored} null: the write failed, nothing is handed over).
   */
  void settle(Leased l, @Nullable List<Boolean> stored) {
    if (l.reserved() == 0) {
      return;
    }
    List<ClaimedJob> jobs = new ArrayList<>(l.handed().size());
    if (stored != null) {
      for (Handed h : l.handed()) {
        if (stored.get(h.index())) {
          StepContext c = l.group().get(h.index()).context();
          ClaimedJob claimed = LeasedJobs.claimed(h.step().job(), c.claimed().event());
          RunStep record =
              new RunStep(claimed.job(), h.step().input(), null, null, h.step().activation(), null);
          known.put(claimed.job().id(), new StepState(c.run(), record));
          jobs.add(claimed);
        }
      }
    }
    handOff.get().settle(l.reserved(), jobs);
  }

  /**
   * The run and step record of a handed-over job, on its first attempt; null when it was claimed
   * (read them from the store).
   */
  @Nullable StepState known(ClaimedJob claimed) {
    StepState state = known.remove(claimed.job().id());
    return state != null && claimed.job().attempt() == 1 ? state : null;
  }
}

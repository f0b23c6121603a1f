package dev.qhook.jdbc.internal;

import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.Nacked;
import dev.qhook.spi.Page;
import dev.qhook.spi.QueueCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The pull-queue operations of the JDBC store ({@code Store}'s queue methods, which {@code
 * JdbcStore} hands to it): messages are jobs of kind {@code queue}; a receive is the claim. Every
 * call is one transaction ({@link QueueMessages} writes, {@link QueueReader} reads).
 */
public final class JdbcQueues {
  private final Database db;
  private final QueueMessages queueMessages;
  private final QueueReader queueReader = new QueueReader();
  private final JobReader jobReader = new JobReader();

  public JdbcQueues(Database db) {
    this.db = db;
    this.queueMessages = new QueueMessages(db.dialect());
  }

  public Page<ClaimedJob> jobsWithEvents(JobQuery query) {
    return db.read("listing jobs", h -> queueReader.jobsWithEvents(h, jobReader, query));
  }

  public int ackMessages(String queue, List<String> ids, Instant now) {
    if (ids.isEmpty()) {
      return 0;
    }
    return db.write("acking messages of " + queue, h -> queueMessages.ack(h, queue, ids, now));
  }

  public Nacked nackMessages(
      String queue, List<String> ids, Instant now, IntFunction<Duration> delayAfterDeliveries) {
    if (ids.isEmpty()) {
      return Nacked.NONE;
    }
    return db.write(
        "nacking messages of " + queue,
        h -> queueMessages.nack(h, queue, ids, now, delayAfterDeliveries));
  }

  /** With deferred durability, like the leases of claims. */
  public int extendMessages(String queue, List<String> ids, Instant now, Instant leaseUntil) {
    if (ids.isEmpty()) {
      return 0;
    }
    return db.write(
        "extending leases of " + queue,
        Durability.DEFERRED,
        h -> queueMessages.extend(h, queue, ids, now, leaseUntil));
  }

  public List<Job> expireMessageLeases(Instant now) {
    return db.write("expiring message leases", h -> queueMessages.expireLeases(h, now));
  }

  public Map<String, QueueCounts> queueCounts(Instant now) {
    return db.read("counting queue messages", h -> queueReader.counts(h, now));
  }

  public long completedMessages(String queue) {
    return db.read("counting messages of " + queue, h -> queueReader.completed(h, queue));
  }

  public List<ClaimedJob> visibleMessages(String queue, Instant now, int limit) {
    return db.read("reading messages of " + queue, h -> queueReader.visible(h, queue, now, limit));
  }

  public int redriveMessages(String queue, @Nullable List<String> ids, Instant now) {
    return db.write(
        "redriving dead messages of " + queue, h -> queueMessages.redrive(h, queue, ids, now));
  }

  public int deleteDeadMessages(String queue) {
    return db.write(
        "deleting dead messages of " + queue, h -> queueMessages.delete(h, queue, true));
  }

  public int drainQueue(String queue) {
    return db.write("draining " + queue, h -> queueMessages.delete(h, queue, false));
  }
}

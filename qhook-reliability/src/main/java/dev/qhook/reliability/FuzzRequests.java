package dev.qhook.reliability;

/**
 * Generates the fuzzer's requests against the {@code fuzz} profile of {@link KitConfig}: ingest on
 * every route and source (signed correctly, wrongly or not at all), SNS envelopes, management API
 * calls with random parameters, health and metrics, random paths and methods, and malformed HTTP.
 * Nothing generated names a host other than 127.0.0.1.
 */
final class FuzzRequests {
  private final Gen gen;
  private final FuzzIngest ingest;
  private final FuzzSns sns;
  private final FuzzApi api;
  private final FuzzMalformed malformed;

  FuzzRequests(Gen gen, int receiverPort) {
    this.gen = gen;
    FuzzParts parts = new FuzzParts(gen);
    this.ingest = new FuzzIngest(parts);
    this.sns = new FuzzSns(parts, receiverPort);
    this.api = new FuzzApi(parts);
    this.malformed = new FuzzMalformed(gen);
  }

  FuzzRequest next() {
    int roll = gen.below(100);
    if (roll < 30) {
      return ingest.event();
    } else if (roll < 55) {
      return ingest.webhook();
    } else if (roll < 65) {
      return sns.sns();
    } else if (roll < 80) {
      return api.api();
    } else if (roll < 93) {
      return api.other();
    }
    return malformed.malformed();
  }
}

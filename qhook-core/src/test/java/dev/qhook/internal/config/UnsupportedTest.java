package dev.qhook.internal.config;

import static dev.qhook.internal.config.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.DatabaseDriver;
import dev.qhook.config.QHookConfig;
import org.junit.jupiter.api.Test;

/**
 * Every section of the file format runs in this version, so none is refused as "not supported yet";
 * the problems of a section are still reported by its own checks.
 */
class UnsupportedTest {
  private static final String EVERY_SECTION =
      """
      database: { url: 'mysql://u:p@db/q' }
      sources:
        app: { type: event }
        nightly: { type: cron, schedule: '0 3 * * *' }
        partners: { type: outbound }
      handlers:
        report: { source: nightly, url: 'https://r.example.com/x' }
      queues:
        orders: { source: app }
      workflows:
        deploy: { source: app, steps: [{ name: a, url: 'https://a.example.com/x' }] }
      """;

  @Test
  void everySectionRuns() {
    QHookConfig config = Yaml.load(EVERY_SECTION);

    assertThat(config.database().driver()).isEqualTo(DatabaseDriver.MYSQL);
    assertThat(config.sources()).containsOnlyKeys("app", "nightly", "partners");
    assertThat(config.queues()).containsOnlyKeys("orders");
    assertThat(config.workflows()).containsOnlyKeys("deploy");
  }

  @Test
  void aSectionsOwnProblemsAreStillReported() {
    assertThat(
            errors(
                """
                sources:
                  app: { type: event }
                workflows:
                  deploy:
                    source: app
                    steps:
                      - { name: a, url: 'https://a.example.com/x', goto: b }
                """))
        .containsExactly("workflows.deploy.steps[0].goto: no step 'b' in workflow 'deploy'");
  }
}

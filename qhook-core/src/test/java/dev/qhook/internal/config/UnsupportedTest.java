package dev.qhook.internal.config;

import static dev.qhook.internal.config.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.DatabaseDriver;
import org.junit.jupiter.api.Test;

/**
 * What the engine does not run yet is refused at validate and start, one problem per entry naming
 * its path, instead of being accepted and then silently ignored.
 */
class UnsupportedTest {
  private static final String APP = "sources:\n  app: { type: event }\n";

  @Test
  void queuesAreRun() {
    assertThat(
            Yaml.load(APP + "queues:\n  orders: { source: app }\n  audit: { source: app }")
                .queues())
        .containsOnlyKeys("orders", "audit");
  }

  @Test
  void everyWorkflowIsRefused() {
    assertThat(
            errors(
                APP
                    + "workflows:\n  deploy: { source: app, steps: [{ name: a, url:"
                    + " 'https://a.example.com/x' }] }"))
        .containsExactly(
            "workflows.deploy: workflows are not supported yet (this version delivers to handlers"
                + " and pull queues only)");
  }

  @Test
  void mysqlAndMariadbAreAcceptedWhereverTheyAreNamed() {
    assertThat(
            Yaml.load("database: { driver: mysql, url: 'jdbc:mariadb://h/db' }")
                .database()
                .driver())
        .isEqualTo(DatabaseDriver.MYSQL);
    assertThat(Yaml.load("database: { url: 'mysql://u:p@h/db' }").database().driver())
        .isEqualTo(DatabaseDriver.MYSQL);
    assertThat(Yaml.load("database: { url: 'mariadb://u:p@h/db' }").database().driver())
        .isEqualTo(DatabaseDriver.MYSQL);
  }

  @Test
  void supportedCapabilitiesAreNotRefused() {
    assertThat(
            Yaml.load(
                    """
                    database: { url: 'postgres://u:p@h/db' }
                    sources:
                      app: { type: event }
                      gh: { type: webhook, verify: github, secret: s }
                      topic: { type: sns }
                      nightly: { type: cron, schedule: '0 3 * * *' }
                      partners: { type: outbound }
                    handlers:
                      h: { source: gh, url: 'https://h.example.com/x' }
                      p: { source: partners, url: 'https://p.example.com/x' }
                    """)
                .handlers())
        .containsOnlyKeys("h", "p");
  }

  @Test
  void otherProblemsOfARefusedSectionAreReportedWithTheRefusal() {
    assertThat(
            errors(
                APP
                    + """
                    workflows:
                      deploy:
                        source: app
                        steps:
                          - { name: a, url: 'https://a.example.com/x', goto: b }
                    """))
        .containsExactly(
            "workflows.deploy.steps[0].goto: no step 'b' in workflow 'deploy'",
            "workflows.deploy: workflows are not supported yet (this version delivers to handlers"
                + " and pull queues only)");
  }
}

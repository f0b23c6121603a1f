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
  void workflowsAreRun() {
    assertThat(
            Yaml.load(
                    APP
                        + "workflows:\n  deploy: { source: app, steps: [{ name: a, url:"
                        + " 'https://a.example.com/x' }, { name: b, type: wait, seconds: 5 }] }")
                .workflows())
        .containsOnlyKeys("deploy");
  }

  @Test
  void outboundSourcesAreRefusedAtTheirType() {
    assertThat(errors("sources:\n  partners: { type: outbound }"))
        .containsExactly(
            "sources.partners.type: outbound sources are not supported yet (this version supports"
                + " webhook, event, sns and cron sources)");
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
                    handlers:
                      h: { source: gh, url: 'https://h.example.com/x' }
                    """)
                .handlers())
        .containsOnlyKeys("h");
  }

  @Test
  void aHandlerOfARefusedSourceAddsNoProblemOfItsOwn() {
    assertThat(
            errors(
                """
                sources:
                  partners: { type: outbound }
                handlers:
                  report: { source: partners, url: 'https://r.example.com/x' }
                """))
        .containsExactly(
            "sources.partners.type: outbound sources are not supported yet (this version supports"
                + " webhook, event, sns and cron sources)");
  }

  @Test
  void otherProblemsOfARefusedSectionAreReportedWithTheRefusal() {
    assertThat(
            errors(
                APP.replace("type: event", "type: outbound")
                    + """
                    workflows:
                      deploy:
                        source: app
                        steps:
                          - { name: a, url: 'https://a.example.com/x', goto: b }
                    """))
        .contains(
            "workflows.deploy.steps[0].goto: no step 'b' in workflow 'deploy'",
            "sources.app.type: outbound sources are not supported yet (this version supports"
                + " webhook, event, sns and cron sources)");
  }
}

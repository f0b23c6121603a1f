package dev.qhook.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PerfTestResultTest {
  /** The header and lines as PerfTest 2.22.1 writes them with --output-file. */
  private static final String CSV =
      """
      id,time (s),published (msg/s),returned (msg/s),confirmed (msg/s),nacked (msg/s),received (msg/s),min consumer latency (µs),median consumer latency (µs),75th p. consumer latency (µs),95th p. consumer latency (µs),99th p. consumer latency (µs),min confirm latency (µs),median confirm latency (µs),75th p. confirm latency (µs),95th p. confirm latency (µs),99th p. confirm latency (µs)
      rabbitmq,1.001,5673,,5573,0,5574,625,6715,11027,24611,61291,1015,10900,20673,38490,75899
      rabbitmq,2.001,12032,,12113,0,12112,347,3311,5562,10938,19805,936,5137,7788,17174,34616
      rabbitmq,3.001,17616,,17535,0,17564,265,2890,4326,7005,10614,843,4097,5693,9117,12863
      rabbitmq,4.001,11721,,11721,0,11771,377,3480,4958,8763,14730,1799,5553,8124,19207,67497
      rabbitmq,5.001,16184,,16184,0,14644,296,2703,3874,7280,13507,1320,4154,5541,9959,14882
      """;

  @Test
  void steadyStateIsTheMeanConsumedRateAndTheMedianP99AfterTheWarmUp() throws Exception {
    PerfTestResult.Steady steady = PerfTestResult.steady(CSV, 2);

    assertThat(steady.seconds()).isEqualTo(3);
    assertThat(steady.rate()).isCloseTo((17564 + 11771 + 14644) / 3.0, within(0.001));
    assertThat(steady.p99Ms()).isCloseTo(13.507, within(0.0001));
  }

  @Test
  void aRunNoLongerThanItsWarmUpIsAnError() {
    assertThatThrownBy(() -> PerfTestResult.steady(CSV, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PerfTest reported no second after the 10.0 s warm-up");
    assertThatThrownBy(() -> PerfTestResult.steady("id,time (s)\n", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("PerfTest CSV has no column 'received (msg/s)'");
  }
}

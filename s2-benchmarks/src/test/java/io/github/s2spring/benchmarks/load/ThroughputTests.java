package io.github.s2spring.benchmarks.load;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link Throughput} and the round and loop arithmetic of {@link Workload}.
 */
class ThroughputTests {

	@Test
	void roundsAddUp() {
		Throughput first = new Throughput(1000, 1024L * 1024 * 1024, 2_000_000_000L).withCpu(1_000_000_000L);
		Throughput second = new Throughput(500, 1024L * 1024 * 1024, 1_000_000_000L, 500_000_000L)
			.withCpu(2_500_000_000L);

		Throughput total = first.plus(second);

		assertThat(total).isEqualTo(new Throughput(1500, 2048L * 1024 * 1024, 3_000_000_000L, 4_000_000_000L));
		assertThat(total.mibPerSecond()).isCloseTo(2048 / 3.0, within(1e-9));
		assertThat(total.recordsPerSecond()).isCloseTo(500, within(1e-9));
		assertThat(total.cpuSecondsPerGib()).isCloseTo(2, within(1e-9));
		assertThat(new Throughput(0, 0, 0).cpuSecondsPerGib()).isZero();
	}

	@Test
	void roundsAreAboutFiveSecondsAndAtLeastTwo() {
		assertThat(Workload.full().throughputRounds()).isEqualTo(6);
		assertThat(Workload.full().warmUpRounds()).isEqualTo(2);
		assertThat(Workload.full().maxWarmUpRounds()).isEqualTo(8);
		assertThat(Workload.quick().throughputRounds()).isEqualTo(2);
		assertThat(Workload.quick().warmUpRounds()).isEqualTo(1);
		assertThat(Workload.quick().maxWarmUpRounds()).isEqualTo(4);
		assertThat(Workload.smoke().throughputRounds()).isEqualTo(2);
		assertThat(Workload.full().withDuration(Duration.ofSeconds(60)).throughputRounds()).isEqualTo(12);
		assertThat(Workload.full().withStreams(7).streams()).isEqualTo(7);
	}

	@Test
	void theListenerLoopSendsOneMessagePerSlotAtTheMessageRateAfterAHalfLengthWarmUp() {
		Workload workload = Workload.full().withMessages(500, Duration.ofSeconds(4)).withSendWindow(0);

		assertThat(workload.listenerLoop().ratePerSecond()).isEqualTo(500);
		assertThat(workload.listenerLoop().batchRecords()).isEqualTo(1);
		assertThat(Latency.slots(workload.listenerLoop())).isEqualTo(2000);
		assertThat(Latency.slots(workload.listenerWarmUp())).isEqualTo(1000);
		assertThat(workload.sendWindow()).isEqualTo(1);
		assertThat(Workload.full().messageRate()).isEqualTo(2000);
		assertThat(Workload.full().messageDuration()).isEqualTo(Duration.ofSeconds(10));
	}

}

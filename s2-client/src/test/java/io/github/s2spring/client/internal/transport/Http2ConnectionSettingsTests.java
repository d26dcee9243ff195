package io.github.s2spring.client.internal.transport;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2SettingsFrame;
import io.netty.handler.codec.http2.Http2Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream limit of one connection as SETTINGS frames arrive, on an in-memory channel:
 * each frame that names {@code SETTINGS_MAX_CONCURRENT_STREAMS} moves the limit, streams
 * already open survive a lower one, and the configured cap bounds it.
 */
class Http2ConnectionSettingsTests {

	private final EmbeddedChannel channel = new EmbeddedChannel();

	private final ConnectionPool pool = new ConnectionPool("http://test", this.channel.eventLoop(), (owner) -> {
		throw new IllegalStateException("not used");
	});

	@AfterEach
	void closeChannel() {
		this.channel.finishAndReleaseAll();
	}

	@Test
	void everySettingsFrameMovesTheLimitAndOpenStreamsSurviveALowerOne() {
		Http2Connection connection = connect(Http2Connection.UNLIMITED);
		settings(3L);
		assertThat(connection.ready()).isCompletedWithValue(connection);
		assertThat(connection.streamLimit()).isEqualTo(3);
		assertThat(reserve(connection, 4)).isEqualTo(3);
		settings(1L);
		assertThat(connection.streamLimit()).isEqualTo(1);
		assertThat(connection.activeStreams()).isEqualTo(3);
		assertThat(connection.isOpen()).isTrue();
		connection.release();
		assertThat(connection.tryReserve()).isFalse();
		connection.release();
		assertThat(connection.tryReserve()).isFalse();
		connection.release();
		assertThat(connection.activeStreams()).isZero();
		assertThat(reserve(connection, 2)).isEqualTo(1);
		settings(5L);
		assertThat(reserve(connection, 10)).isEqualTo(4);
		assertThat(connection.activeStreams()).isEqualTo(5);
	}

	@Test
	void aFrameWithoutTheSettingKeepsTheLimit() {
		Http2Connection connection = connect(Http2Connection.UNLIMITED);
		settings(null);
		assertThat(connection.streamLimit()).isEqualTo(Http2Connection.UNLIMITED);
		settings(2L);
		settings(null);
		assertThat(connection.streamLimit()).isEqualTo(2);
	}

	@Test
	void theCapBoundsTheServerLimitAndAppliesAloneWhenTheServerSetsNone() {
		Http2Connection connection = connect(6);
		settings(null);
		assertThat(connection.streamLimit()).isEqualTo(6);
		settings(100L);
		assertThat(connection.streamLimit()).isEqualTo(6);
		settings(4L);
		assertThat(connection.streamLimit()).isEqualTo(4);
		settings(0xFFFFFFFFL);
		assertThat(connection.streamLimit()).isEqualTo(6);
	}

	@Test
	void noStreamIsReservedBeforeTheServerSentItsSettings() {
		Http2Connection connection = connect(Http2Connection.UNLIMITED);
		assertThat(connection.tryReserve()).isFalse();
		settings(1L);
		assertThat(connection.tryReserve()).isTrue();
	}

	private Http2Connection connect(int cap) {
		Http2Connection connection = new Http2Connection(this.pool, cap, 1000);
		connection.attach(this.channel, 60_000);
		this.channel.pipeline().addLast(connection.new ConnectionHandler(0));
		return connection;
	}

	private void settings(Long maxConcurrentStreams) {
		Http2Settings settings = new Http2Settings();
		if (maxConcurrentStreams != null) {
			settings.maxConcurrentStreams(maxConcurrentStreams);
		}
		this.channel.writeInbound(new DefaultHttp2SettingsFrame(settings));
	}

	private static int reserve(Http2Connection connection, int attempts) {
		int reserved = 0;
		for (int i = 0; i < attempts; i++) {
			if (connection.tryReserve()) {
				reserved++;
			}
		}
		return reserved;
	}

}

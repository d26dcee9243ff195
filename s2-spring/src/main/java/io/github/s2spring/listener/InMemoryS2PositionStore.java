package io.github.s2spring.listener;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Positions kept in memory: they survive a container restart, not an application restart,
 * after which {@code from = "stored"} starts from the beginning. The default store.
 */
public final class InMemoryS2PositionStore implements S2PositionStore {

	private final Map<Key, Long> positions = new ConcurrentHashMap<>();

	@Override
	public OptionalLong load(String listenerId, String basin, String stream) {
		Long position = this.positions.get(new Key(listenerId, basin, stream));
		return (position != null) ? OptionalLong.of(position) : OptionalLong.empty();
	}

	@Override
	public void save(String listenerId, String basin, String stream, long nextSeqNum) {
		this.positions.put(new Key(listenerId, basin, stream), nextSeqNum);
	}

	private record Key(String listenerId, String basin, String stream) {

	}

}

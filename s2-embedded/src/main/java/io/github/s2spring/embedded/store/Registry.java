package io.github.s2spring.embedded.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * The basins of a store or the streams of a basin, by name, with the lifecycle both
 * share: create (a retry with the same request token and configuration is a no-op),
 * ensure, reconfigure, and delete, after which a resource stays visible as "deletion
 * pending" (and deleting it again succeeds) until it is removed a moment later. Changes
 * are serialized on the registry; lookups take no lock.
 *
 * @param <R> the resource type
 * @param <S> its configuration type
 */
final class Registry<R extends Resource<S>, S> {

	private final ConcurrentSkipListMap<String, R> resources = new ConcurrentSkipListMap<>();

	private final Map<String, Creation<S>> creations = new ConcurrentSkipListMap<>();

	private final Store store;

	private final Kind kind;

	/**
	 * Creates an empty registry.
	 * @param store the store whose journal, clock and scheduler it uses
	 * @param kind what errors call the resources
	 */
	Registry(Store store, Kind kind) {
		this.store = store;
		this.kind = kind;
	}

	@Nullable R get(String name) {
		return this.resources.get(name);
	}

	Collection<R> all() {
		return this.resources.values();
	}

	ListPage<R> list(String prefix, String startAfter, int limit) {
		List<R> items = new ArrayList<>();
		String from = (startAfter.compareTo(prefix) > 0) ? startAfter : prefix;
		boolean hasMore = false;
		for (Map.Entry<String, R> entry : this.resources.tailMap(from, true).entrySet()) {
			String name = entry.getKey();
			if (!name.startsWith(prefix)) {
				break;
			}
			if (name.equals(startAfter)) {
				continue;
			}
			if (items.size() == limit) {
				hasMore = true;
				break;
			}
			items.add(entry.getValue());
		}
		return new ListPage<>(items, hasMore);
	}

	/**
	 * An active resource.
	 * @param name the name
	 * @return the resource
	 * @throws ApiException 404 if missing, 409 if being deleted
	 */
	R active(String name) {
		R resource = existing(name);
		requireActive(resource);
		return resource;
	}

	private R existing(String name) {
		R resource = this.resources.get(name);
		if (resource == null) {
			throw ApiException.of(this.kind.notFound(), this.kind.label() + " not found: " + name);
		}
		return resource;
	}

	void requireActive(R resource) {
		if (resource.deletedAt() != null) {
			throw ApiException.of(this.kind.deletionPending(),
					this.kind.label() + " is being deleted: " + resource.name());
		}
	}

	synchronized Provisioned<R> create(String name, S requested, @Nullable String token, Supplier<R> factory) {
		R existing = this.resources.get(name);
		if (existing != null) {
			Creation<S> creation = this.creations.get(name);
			if (existing.deletedAt() == null && creation != null && creation.matches(token, requested)) {
				return new Provisioned<>(existing, Provisioned.Result.NOOP);
			}
			requireActive(existing);
			throw ApiException.of(ErrorCode.RESOURCE_ALREADY_EXISTS, this.kind.label() + " already exists: " + name);
		}
		R resource = add(factory.get());
		if (token != null) {
			this.creations.put(name, new Creation<>(token, requested));
		}
		return new Provisioned<>(resource, Provisioned.Result.CREATED);
	}

	synchronized Provisioned<R> ensure(String name, S requested, Supplier<R> factory) {
		R existing = this.resources.get(name);
		if (existing == null) {
			return new Provisioned<>(add(factory.get()), Provisioned.Result.CREATED);
		}
		requireActive(existing);
		if (existing.configuredAs(requested)) {
			return new Provisioned<>(existing, Provisioned.Result.NOOP);
		}
		existing.spec(requested);
		journalPut(existing);
		return new Provisioned<>(existing, Provisioned.Result.UPDATED);
	}

	synchronized R activeOrCreate(String name, Supplier<R> factory) {
		R existing = this.resources.get(name);
		if (existing == null) {
			return add(factory.get());
		}
		requireActive(existing);
		return existing;
	}

	synchronized R reconfigure(String name, UnaryOperator<S> change) {
		R resource = active(name);
		resource.spec(change.apply(resource.spec()));
		journalPut(resource);
		return resource;
	}

	/**
	 * Requests deletion. Deletion is idempotent, as in the S2 cloud: deleting a resource
	 * whose deletion is pending succeeds again and changes nothing.
	 * @param name the name
	 * @throws ApiException 404 once the resource is gone
	 */
	void delete(String name) {
		R resource;
		synchronized (this) {
			resource = existing(name);
			if (resource.deletedAt() != null) {
				return;
			}
			resource.markDeleted(Instant.ofEpochMilli(this.store.clock().millis()));
			this.store.journal().append(resource.deletedEntry()).join();
		}
		this.store.later(() -> remove(resource));
	}

	void remove(R resource) {
		this.resources.remove(resource.name(), resource);
		this.creations.remove(resource.name());
	}

	/**
	 * Applies a journaled configuration while the state is rebuilt.
	 * @param name the name
	 * @param spec the configuration
	 * @param factory makes the resource if it does not exist yet
	 */
	void replay(String name, S spec, Supplier<R> factory) {
		R existing = this.resources.get(name);
		if (existing != null) {
			existing.spec(spec);
		}
		else {
			this.resources.put(name, factory.get());
		}
	}

	private R add(R resource) {
		this.resources.put(resource.name(), resource);
		journalPut(resource);
		return resource;
	}

	private void journalPut(R resource) {
		this.store.journal().append(resource.putEntry()).join();
	}

	/**
	 * What errors call a kind of resource: the name in messages and the codes of a
	 * missing resource and of one being deleted.
	 *
	 * @param label the name in messages
	 * @param notFound the code of a missing resource
	 * @param deletionPending the code of a resource being deleted
	 */
	record Kind(String label, ErrorCode notFound, ErrorCode deletionPending) {

		static final Kind BASIN = new Kind("Basin", ErrorCode.BASIN_NOT_FOUND, ErrorCode.BASIN_DELETION_PENDING);

		static final Kind STREAM = new Kind("Stream", ErrorCode.STREAM_NOT_FOUND, ErrorCode.STREAM_DELETION_PENDING);

	}

	private record Creation<S>(String token, S spec) {

		Creation {
			Objects.requireNonNull(token);
		}

		boolean matches(@Nullable String token, S spec) {
			return this.token.equals(token) && this.spec.equals(spec);
		}

	}

}

package io.github.s2spring.embedded.auth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.storage.Journal;
import io.github.s2spring.embedded.storage.JournalEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenStoreTests {

	@Test
	void rebuildsTokensFromTheJournalWithoutKeepingSecrets() {
		ListJournal journal = new ListJournal();
		TokenStore tokens = new TokenStore(journal, () -> 1_000L, "root");
		AccessToken root = tokens.authenticate("root");
		String kept = tokens.issue(root, token("kept", "{\"ops\":[\"read\"]}"));
		String revoked = tokens.issue(root, token("revoked", "{\"ops\":[\"append\"]}"));
		tokens.revoke(root, "revoked");
		assertThat(journal.entries).hasSize(3);
		JournalEntry.AccessTokenIssued issued = (JournalEntry.AccessTokenIssued) journal.entries.get(0);
		assertThat(issued.id()).isEqualTo("kept");
		assertThat(issued.secretHash()).isEqualTo(Secrets.hash(kept));
		assertThat(new String(issued.infoJson(), StandardCharsets.UTF_8)).doesNotContain(kept);
		assertThat(journal.entries.get(2)).isEqualTo(new JournalEntry.AccessTokenRevoked("revoked"));

		TokenStore rebuilt = new TokenStore(Journal.none(), () -> 2_000L, "other-root");
		List<JournalEntry> seen = new CopyOnWriteArrayList<>();
		new JournalTap(journal, rebuilt::replay).replay(seen::add);
		assertThat(seen).hasSize(3);
		AccessToken restored = rebuilt.authenticate(kept);
		assertThat(restored.id()).isEqualTo("kept");
		assertThat(restored.scope().effective()).containsExactly(io.github.s2spring.embedded.http.Operation.READ);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> rebuilt.authenticate(revoked))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> rebuilt.authenticate("root"));
		assertThat(rebuilt.authenticate("other-root").scope()).isEqualTo(TokenScope.ALL);
		assertThat(rebuilt.list(AccessToken.root(), "", "", 10).items()).extracting(AccessToken::id)
			.containsExactly("kept");
	}

	@Test
	void expiresTokensByTheClock() {
		long[] now = { 1_000L };
		TokenStore tokens = new TokenStore(Journal.none(), () -> now[0], null);
		AccessToken issuer = new AccessToken("", java.time.Instant.ofEpochSecond(100), false, TokenScope.ALL);
		String secret = tokens.issue(issuer, token("soon", "{\"ops\":[\"read\"]}"));
		assertThat(tokens.authenticate(secret).expiresAt()).isEqualTo(java.time.Instant.ofEpochSecond(100));
		now[0] = 100_000L;
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> tokens.authenticate(secret))
			.withMessageContaining("expired");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> tokens.authenticate(null));
	}

	@Test
	void comparesResourceSets() {
		ResourceSet all = ResourceSet.ALL;
		ResourceSet logs = new ResourceSet(true, "logs/");
		ResourceSet one = new ResourceSet(false, "logs/a");
		assertThat(all.covers(logs)).isTrue();
		assertThat(logs.covers(one)).isTrue();
		assertThat(logs.covers(all)).isFalse();
		assertThat(one.covers(logs)).isFalse();
		assertThat(one.covers(one)).isTrue();
		assertThat(one.covers(new ResourceSet(false, "logs/b"))).isFalse();
		assertThat(one.covers(ResourceSet.NONE)).isTrue();
		assertThat(ResourceSet.NONE.matches("")).isFalse();
		assertThat(all.matches("")).isTrue();
		assertThat(OperationGroups.basinScoped(io.github.s2spring.embedded.http.Operation.BASIN_METRICS)).isFalse();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> OperationGroups.of("nope", true));
	}

	private static AccessToken token(String id, String scope) {
		return TokenJson.read(JsonMapper.builder().build().readTree("{\"id\":\"" + id + "\",\"scope\":" + scope + "}"));
	}

	private static final class ListJournal implements Journal {

		final List<JournalEntry> entries = new CopyOnWriteArrayList<>();

		@Override
		public CompletableFuture<Void> append(JournalEntry entry) {
			this.entries.add(entry);
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void replay(Consumer<JournalEntry> consumer) {
			this.entries.forEach(consumer);
		}

		@Override
		public void close() {
		}

	}

}

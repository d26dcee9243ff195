package io.github.s2spring.client.control;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.control.TestHttpServer.Recorded;
import io.github.s2spring.client.control.model.AccessTokenInfo;
import io.github.s2spring.client.control.model.AccessTokenScope;
import io.github.s2spring.client.control.model.IssuedAccessToken;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Operation;
import io.github.s2spring.client.control.model.OperationGroups;
import io.github.s2spring.client.control.model.ReadWritePermissions;
import io.github.s2spring.client.control.model.ResourceSet;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessTokensClientTests extends ScriptedServerTests {

	private static final AccessTokenInfo FULL = new AccessTokenInfo("ci/token 1",
			Instant.parse("2027-01-02T03:04:05.678Z"), true,
			AccessTokenScope.builder()
				.basins(ResourceSet.exact("my-basin-1"))
				.streams(ResourceSet.prefix("chat/"))
				.accessTokens(ResourceSet.prefix(""))
				.opGroups(new OperationGroups(ReadWritePermissions.readOnly(), null, ReadWritePermissions.readWrite()))
				.ops(Operation.APPEND, Operation.READ)
				.ops(Operation.CHECK_TAIL)
				.build());

	private static final String FULL_JSON = "{\"id\":\"ci/token 1\",\"expires_at\":\"2027-01-02T03:04:05.678Z\","
			+ "\"auto_prefix_streams\":true,\"scope\":{\"basins\":{\"exact\":\"my-basin-1\"},"
			+ "\"streams\":{\"prefix\":\"chat/\"},\"access_tokens\":{\"prefix\":\"\"},"
			+ "\"op_groups\":{\"account\":{\"read\":true,\"write\":false},\"stream\":{\"read\":true,\"write\":true}},"
			+ "\"ops\":[\"append\",\"read\",\"check-tail\"]}}";

	@Test
	void issueSendsTheFullScopeExactlyAndReturnsAMaskedSecret() {
		this.server.reply(201, "{\"access_token\":\"s3cr3t-issued\"}");
		IssuedAccessToken issued = this.client.accessTokens().issue(FULL);
		assertThat(issued.accessToken()).isEqualTo("s3cr3t-issued");
		assertThat(issued.toString()).doesNotContain("s3cr3t-issued");
		Recorded request = this.server.onlyRequest();
		assertThat(request.method() + " " + request.rawPath()).isEqualTo("POST /v1/access-tokens");
		assertThat(request.body()).isEqualTo(FULL_JSON);
	}

	@Test
	void aMinimalTokenOmitsWhatItDoesNotSet() {
		this.server.reply(201, "{\"access_token\":\"x\"}");
		this.client.accessTokens().issue(AccessTokenInfo.of("t", AccessTokenScope.builder().build()));
		assertThat(this.server.onlyRequest().body())
			.isEqualTo("{\"id\":\"t\",\"auto_prefix_streams\":false,\"scope\":{}}");
	}

	@Test
	void listReadsTokensBackAndFollowsPages() {
		this.server.reply(200, "{\"access_tokens\":[" + FULL_JSON + "],\"has_more\":true}")
			.reply(200, "{\"access_tokens\":[{\"id\":\"z\",\"expires_at\":\"2027-01-02T05:04:05.678+02:00\","
					+ "\"scope\":{\"ops\":[\"append\",\"future-op\"],\"op_groups\":{\"basin\":{\"write\":true}}}}],"
					+ "\"has_more\":false}");
		List<AccessTokenInfo> tokens = new java.util.ArrayList<>();
		this.client.accessTokens().list(ListRequest.all()).forEach(tokens::add);
		assertThat(tokens).containsExactly(FULL,
				new AccessTokenInfo("z", Instant.parse("2027-01-02T03:04:05.678Z"), false,
						new AccessTokenScope(null, null, null,
								new OperationGroups(null, new ReadWritePermissions(false, true), null),
								List.of(Operation.APPEND))));
		assertThat(this.server.requests()).extracting(Recorded::rawQuery)
			.containsExactly("prefix=&start_after=", "prefix=&start_after=ci%2Ftoken%201");
	}

	@Test
	void revokeEncodesTheIdAndAsyncFormsWork() throws Exception {
		this.server.reply(204, "")
			.reply(204, "")
			.reply(201, "{\"access_token\":\"y\"}")
			.reply(200, "{\"access_tokens\":[],\"has_more\":false}")
			.reply(200, "{\"access_tokens\":[],\"has_more\":false}")
			.reply(404, "{\"code\":\"access_token_not_found\",\"message\":\"no such token\"}");
		AccessTokensClient tokens = this.client.accessTokens();
		tokens.revoke("ci/token 1");
		assertThat(tokens.revokeAsync("t").get(10, TimeUnit.SECONDS)).isNull();
		assertThat(tokens.issueAsync(FULL).get(10, TimeUnit.SECONDS).accessToken()).isEqualTo("y");
		assertThat(tokens.listPageAsync(ListRequest.all().limit(5)).get(10, TimeUnit.SECONDS).hasMore()).isFalse();
		assertThat(tokens.listAllAsync(ListRequest.all()).get(10, TimeUnit.SECONDS)).isEmpty();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> tokens.revoke("gone"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("access_token_not_found"));
		assertThat(this.server.requests().get(0).rawPath()).isEqualTo("/v1/access-tokens/ci%2Ftoken%201");
		assertThat(this.server.requests().get(3).rawQuery()).isEqualTo("prefix=&start_after=&limit=5");
	}

	@Test
	void invalidIdsFailBeforeTheWire() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.client.accessTokens().revoke("."))
			.withMessageContaining("access token id");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> AccessTokenInfo.of("x".repeat(97), AccessTokenScope.builder().build()));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void aMalformedScopeIsAProtocolError() {
		this.server.reply(200, "{\"access_tokens\":[{\"id\":\"a\",\"scope\":{\"basins\":{\"any\":1}}}]}");
		assertThatExceptionOfType(S2Exception.class)
			.isThrownBy(() -> this.client.accessTokens().listPage(ListRequest.all()))
			.withMessageContaining("neither exact nor prefix");
	}

}

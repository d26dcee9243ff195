package io.github.s2spring.protocol.s2s;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Negotiation of the compression a server applies to the frames it sends.
 */
class CompressionTests {

	@Test
	void zstdWinsWhereverItIsListed() {
		assertThat(Compression.negotiate("gzip, zstd")).isEqualTo(Compression.ZSTD);
		assertThat(Compression.negotiate("ZSTD;q=0.5")).isEqualTo(Compression.ZSTD);
	}

	@Test
	void gzipIsChosenWithoutZstd() {
		assertThat(Compression.negotiate("deflate, GZip ; q=1")).isEqualTo(Compression.GZIP);
	}

	@Test
	void nothingKnownMeansNoCompression() {
		assertThat(Compression.negotiate(null)).isEqualTo(Compression.NONE);
		assertThat(Compression.negotiate("")).isEqualTo(Compression.NONE);
		assertThat(Compression.negotiate("br, identity")).isEqualTo(Compression.NONE);
	}

	@Test
	void tokensAreTheContentCodingNames() {
		assertThat(Compression.NONE.token()).isNull();
		assertThat(Compression.GZIP.token()).isEqualTo("gzip");
		assertThat(Compression.ZSTD.token()).isEqualTo("zstd");
	}

}

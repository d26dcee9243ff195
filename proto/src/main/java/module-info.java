/**
 * The S2 v1 wire protocol shared by client and server: the generated protobuf messages
 * ({@code s2.v1}), S2S frames and their codec, error codes, limits and validation.
 * <p>
 * protobuf-java ships no module descriptor, so it is an automatic module here; its types
 * are this module's wire model (the generated messages extend them), hence
 * {@code requires transitive}. The two lints about automatic modules are suppressed for
 * that reason alone.
 */
@SuppressWarnings({ "requires-automatic", "requires-transitive-automatic" })
module io.github.s2spring.protocol {

	requires transitive com.google.protobuf;
	requires transitive io.netty.buffer;
	requires transitive org.jspecify;
	requires com.github.luben.zstd_jni;
	requires tools.jackson.databind;

	exports io.github.s2spring.protocol;
	exports io.github.s2spring.protocol.error;
	exports io.github.s2spring.protocol.limits;
	exports io.github.s2spring.protocol.s2s;
	exports s2.v1;

}

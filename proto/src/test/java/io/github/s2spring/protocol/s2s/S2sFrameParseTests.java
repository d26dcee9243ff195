package io.github.s2spring.protocol.s2s;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.junit.jupiter.api.Test;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link S2sFrame.Regular#parse}.
 */
class S2sFrameParseTests {

	@Test
	void parsesTheSameMessageAsACopyingParse() throws InvalidProtocolBufferException {
		AppendInput input = AppendInput.newBuilder()
			.addRecords(AppendRecord.newBuilder()
				.setBody(ByteString.copyFromUtf8("first"))
				.addHeaders(Header.newBuilder()
					.setName(ByteString.copyFromUtf8("k"))
					.setValue(ByteString.copyFromUtf8("v"))))
			.addRecords(AppendRecord.newBuilder().setTimestamp(7).setBody(ByteString.copyFromUtf8("second")))
			.setMatchSeqNum(3)
			.setFencingToken("fence")
			.build();
		S2sFrame.Regular frame = S2sFrame.of(input);

		assertThat(frame.parse(AppendInput.parser())).isEqualTo(input)
			.isEqualTo(AppendInput.parseFrom(frame.payload()));
	}

	@Test
	void bodiesShareThePayloadArray() throws InvalidProtocolBufferException {
		byte[] body = new byte[4096];
		body[0] = 1;
		S2sFrame.Regular frame = S2sFrame.of(AppendInput.newBuilder()
			.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFrom(body)))
			.build());

		AppendInput parsed = frame.parse(AppendInput.parser());
		int offset = frame.payload().length - body.length;
		frame.payload()[offset] = 42;

		assertThat(parsed.getRecords(0).getBody().byteAt(0)).isEqualTo((byte) 42);
	}

	@Test
	void invalidPayloadIsATypedError() {
		S2sFrame.Regular frame = new S2sFrame.Regular(new byte[] { 0x0a, 0x05, 0x01 }, false);

		assertThatExceptionOfType(InvalidProtocolBufferException.class)
			.isThrownBy(() -> frame.parse(AppendInput.parser()));
	}

	@Test
	void endGroupTagIsRejected() {
		S2sFrame.Regular frame = new S2sFrame.Regular(new byte[] { 0x0c }, false);

		assertThatExceptionOfType(InvalidProtocolBufferException.class)
			.isThrownBy(() -> frame.parse(AppendInput.parser()));
	}

}

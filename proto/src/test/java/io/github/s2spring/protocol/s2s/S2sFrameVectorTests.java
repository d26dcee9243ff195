package io.github.s2spring.protocol.s2s;

import java.util.List;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import s2.v1.AppendAck;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;
import s2.v1.ReadBatch;
import s2.v1.StreamPosition;

import io.github.s2spring.protocol.limits.CommandRecords;

import static io.github.s2spring.protocol.s2s.FrameTestSupport.decode;
import static io.github.s2spring.protocol.s2s.FrameTestSupport.encode;
import static io.github.s2spring.protocol.s2s.FrameTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked byte examples of the S2 protocol reference (§3.3) and frames captured from
 * the official TypeScript SDK, encoded and decoded byte for byte.
 */
class S2sFrameVectorTests {

	private static final long T = 1700000000000L;

	@Test
	void appendInputWithOneRecordEncodesToTheReferenceBytes() {
		AppendInput input = AppendInput.newBuilder()
			.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8("hello")))
			.build();
		assertThat(hex(input.toByteArray())).isEqualTo("0a071a0568656c6c6f");
		assertRoundTrip(S2sFrame.of(input), "00000a000a071a0568656c6c6f");
	}

	@Test
	void optionalFieldsArePresentEvenWhenZeroOrEmpty() {
		AppendInput input = AppendInput.newBuilder()
			.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8("hello")))
			.setMatchSeqNum(0)
			.setFencingToken("w1")
			.build();
		assertThat(hex(input.toByteArray())).isEqualTo("0a071a0568656c6c6f10001a027731");
		AppendInput parsed = parse(hex("0a071a0568656c6c6f10001a027731"));
		assertThat(parsed.hasMatchSeqNum()).isTrue();
		assertThat(parsed.getMatchSeqNum()).isZero();
		assertThat(parsed.getFencingToken()).isEqualTo("w1");
	}

	@Test
	void appendRecordWithTimestampAndHeaderEncodesToTheReferenceBytes() {
		AppendRecord record = AppendRecord.newBuilder()
			.setTimestamp(T)
			.addHeaders(header("k", "v"))
			.setBody(ByteString.copyFromUtf8("x"))
			.build();
		assertThat(hex(record.toByteArray())).isEqualTo("0880d095ffbc311206" + "0a016b120176" + "1a0178");
	}

	@Test
	void commandRecordsEncodeToTheReferenceBytes() {
		AppendInput fence = AppendInput.newBuilder().addRecords(CommandRecords.fence("tok")).build();
		assertThat(hex(fence.toByteArray())).isEqualTo("0a0e" + "1207120566656e63651a03746f6b");
		assertThat(hex(CommandRecords.fence("tok").toByteArray())).isEqualTo("1207120566656e63651a03746f6b");
		assertThat(hex(CommandRecords.trim(42).toByteArray())).isEqualTo("120612047472696d1a08000000000000002a");
	}

	@Test
	void appendAckFrameMatchesTheReference() {
		AppendAck ack = AppendAck.newBuilder()
			.setStart(position(0, T))
			.setEnd(position(1, T))
			.setTail(position(1, T))
			.build();
		assertRoundTrip(S2sFrame.of(ack),
				"00002000" + "0a071080d095ffbc31" + "12090801" + "1080d095ffbc31" + "1a090801" + "1080d095ffbc31");
	}

	@Test
	void heartbeatFramesMatchTheReference() {
		ReadBatch heartbeat = ReadBatch.newBuilder().setTail(position(3, T)).build();
		assertRoundTrip(S2sFrame.of(heartbeat), "00000c00" + "120908031080d095ffbc31");
		ReadBatch emptyStream = ReadBatch.newBuilder().setTail(position(0, 0)).build();
		assertRoundTrip(S2sFrame.of(emptyStream), "000003001200");
	}

	@Test
	void terminalPreconditionFailedFrameMatchesTheReference() {
		S2sFrame terminal = new S2sFrame.Terminal(412, "{\"seq_num_mismatch\":5}");
		assertRoundTrip(terminal, "0000198001" + "9c" + "7b227365715f6e756d5f6d69736d61746368223a357d");
	}

	@Test
	void framesCapturedFromTheTypeScriptSdkDecode() {
		List<S2sFrame> frames = decode(hex("00000700" + "0a041a027331"));
		AppendInput input = parse(((S2sFrame.Regular) frames.get(0)).payload());
		assertThat(input.getRecords(0).getBody().toStringUtf8()).isEqualTo("s1");
		AppendInput bytes = parse(hex("0a0f12080a016812030001021a0362696e"));
		assertThat(bytes.getRecords(0).getHeaders(0).getName().toStringUtf8()).isEqualTo("h");
		assertThat(bytes.getRecords(0).getHeaders(0).getValue().toByteArray()).containsExactly(0, 1, 2);
		assertThat(bytes.getRecords(0).getBody().toStringUtf8()).isEqualTo("bin");
	}

	private static void assertRoundTrip(S2sFrame frame, String expectedHex) {
		for (Compression compression : Compression.values()) {
			assertThat(hex(encode(frame, compression))).as("encoded with %s", compression).isEqualTo(expectedHex);
		}
		assertThat(decode(hex(expectedHex))).containsExactly(frame);
	}

	private static AppendInput parse(byte[] bytes) {
		try {
			return AppendInput.parseFrom(bytes);
		}
		catch (com.google.protobuf.InvalidProtocolBufferException ex) {
			throw new AssertionError(ex);
		}
	}

	private static Header header(String name, String value) {
		return Header.newBuilder()
			.setName(ByteString.copyFromUtf8(name))
			.setValue(ByteString.copyFromUtf8(value))
			.build();
	}

	private static StreamPosition position(long seqNum, long timestamp) {
		return StreamPosition.newBuilder().setSeqNum(seqNum).setTimestamp(timestamp).build();
	}

}

package io.github.s2spring.protocol.limits;

import java.util.List;

import com.google.protobuf.ByteString;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import s2.v1.AppendRecord;
import s2.v1.Header;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metered sizes match the documented formula for any record.
 */
class MeteredSizeProperties {

	@Property(tries = 500)
	void meteredSizeMatchesTheFormula(@ForAll @Size(max = 20) List<byte[]> names,
			@ForAll @Size(max = 20) List<byte[]> values, @ForAll byte[] body) {
		AppendRecord.Builder builder = AppendRecord.newBuilder().setBody(ByteString.copyFrom(body));
		long expected = 8 + body.length;
		int headers = Math.min(names.size(), values.size());
		for (int i = 0; i < headers; i++) {
			builder.addHeaders(Header.newBuilder()
				.setName(ByteString.copyFrom(names.get(i)))
				.setValue(ByteString.copyFrom(values.get(i))));
			expected += 2 + names.get(i).length + values.get(i).length;
		}
		assertThat(MeteredSize.of(builder.build())).isEqualTo(expected);
	}

}

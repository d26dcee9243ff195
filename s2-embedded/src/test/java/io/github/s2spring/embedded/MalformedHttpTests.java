package io.github.s2spring.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.s2spring.embedded.support.Http1;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedHttpTests {

	static S2EmbeddedServer server;

	@BeforeAll
	static void start() {
		server = S2EmbeddedServer.builder().build().start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	static String exchange(byte[] request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] response = in.readAllBytes();
			return new String(response, StandardCharsets.UTF_8);
		}
		catch (java.net.SocketException ex) {
			return "reset";
		}
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	@Test
	void answersGarbageWithAnErrorJsonAndSurvives() throws IOException {
		String response = exchange(ascii("THIS IS NOT HTTP\r\n\r\n"));
		assertThat(response).startsWith("HTTP/1.1 400").contains("\"code\":\"bad_header\"");
		String hugeHeader = "GET /v1/basins HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000)
				+ "\r\nConnection: close\r\n\r\n";
		assertThat(exchange(ascii(hugeHeader))).satisfiesAnyOf((text) -> assertThat(text).contains("bad_header"),
				(text) -> assertThat(text).isEqualTo("reset"));
		String brokenEscape = "GET /v1/streams/a%zz HTTP/1.1\r\nHost: x\r\ns2-basin: some-basin\r\n"
				+ "Connection: close\r\n\r\n";
		assertThat(exchange(ascii(brokenEscape))).startsWith("HTTP/1.1 400").contains("bad_path");
		byte[] badH2 = new byte[64];
		byte[] preface = ascii("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
		System.arraycopy(preface, 0, badH2, 0, preface.length);
		for (int i = preface.length; i < badH2.length; i++) {
			badH2[i] = (byte) 0xAB;
		}
		exchange(badH2);
		assertThat(new Http1(server.baseUrl(), null).get("/health").status()).isEqualTo(200);
	}

	@Test
	void keepsTheConnectionAliveAcrossRequests() throws IOException {
		String twoRequests = "GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/basins HTTP/1.1\r\nHost: x\r\n"
				+ "Connection: close\r\n\r\n";
		String response = exchange(ascii(twoRequests));
		assertThat(response).contains("OK").contains("{\"basins\":[],\"has_more\":false}");
	}

}

package io.github.s2spring.sample.chat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.FaultProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in a real browser (Debian's Chromium, driven by Selenium through Debian's
 * ChromeDriver): two windows on one room see each other's messages within 2 s, a window
 * opened later sees the history, an invalid post shows its field error, and after the
 * application's connections to S2 are reset the next message still reaches every window
 * exactly once. Screenshots of each window go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisabledIfSystemProperty(named = "chat.browser.skip", matches = "true")
class ChatBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Duration LIVE = Duration.ofSeconds(2);

	private static final String BASIN = "browser-basin";

	private static S2EmbeddedServer s2;

	private static FaultProxy proxy;

	private final List<WebDriver> windows = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	ChatService chat;

	@BeforeAll
	static void startS2() throws IOException {
		assertThat(CHROMIUM)
			.as("Chromium is needed for the browser test: apt-get install -y chromium chromium-driver "
					+ "(or skip it with -Dchat.browser.skip=true)")
			.isExecutable();
		assertThat(CHROMEDRIVER).as("ChromeDriver is needed: apt-get install -y chromium-driver").isExecutable();
		s2 = S2EmbeddedServer.builder().port(0).build().start();
		try (S2Client client = S2Client
			.create(S2ClientConfig.builder("").endpoints(s2.baseUrl(), s2.baseUrl()).build())) {
			client.basins().create(CreateBasinRequest.of(BASIN));
		}
		proxy = new FaultProxy(s2.port());
	}

	@AfterAll
	static void stopS2() throws IOException {
		proxy.close();
		s2.close();
	}

	@DynamicPropertySource
	static void s2Properties(DynamicPropertyRegistry registry) {
		registry.add("s2.base-url", () -> proxy.baseUrl());
		registry.add("s2.basin", () -> BASIN);
	}

	@Test
	void twoWindowsChatLiveHistoryShowsLaterValidationShowsAndAResetLosesNothing() throws Exception {
		s2Admin();
		WebDriver alice = open("");
		createRoom(alice, "general");
		WebDriver bob = open("#general");
		waitFor(bob, By.id("post"));

		post(alice, "alice", "hello from alice");
		assertShownOnce(bob, "hello from alice", LIVE);
		assertShownOnce(alice, "hello from alice", LIVE);

		WebDriver carol = open("#general");
		assertShownOnce(carol, "hello from alice", Duration.ofSeconds(5));

		post(alice, "alice", "");
		new WebDriverWait(alice, LIVE)
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("text-error"), "must not be blank"));

		proxy.reset();
		post(bob, "bob", "after the reset");
		for (WebDriver window : List.of(alice, bob, carol)) {
			assertShownOnce(window, "after the reset", Duration.ofSeconds(10));
		}
		Thread.sleep(500);
		for (WebDriver window : List.of(alice, bob, carol)) {
			assertShownOnce(window, "after the reset", LIVE);
			assertShownOnce(window, "hello from alice", LIVE);
		}
		screenshot(alice, "alice");
		screenshot(bob, "bob");
		screenshot(carol, "carol");
	}

	private void s2Admin() {
		assertThat(this.chat.rooms()).isEmpty();
	}

	private WebDriver open(String fragment) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1100,700", "--user-data-dir=" + tempDir());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		this.windows.add(driver);
		driver.get("http://localhost:" + this.port + "/" + fragment);
		return driver;
	}

	private static String tempDir() {
		try {
			return Files.createTempDirectory("chat-chromium").toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void createRoom(WebDriver window, String room) {
		WebElement name = waitFor(window, By.id("room-name"));
		name.sendKeys(room);
		window.findElement(By.cssSelector("#create-room button")).click();
		new WebDriverWait(window, LIVE).until(ExpectedConditions.textToBe(By.id("room-title"), room));
	}

	private static void post(WebDriver window, String user, String text) {
		WebElement userField = waitFor(window, By.id("user"));
		userField.clear();
		userField.sendKeys(user);
		WebElement textField = window.findElement(By.id("text"));
		textField.clear();
		textField.sendKeys(text);
		window.findElement(By.cssSelector("#post button")).click();
	}

	private static void assertShownOnce(WebDriver window, String text, Duration within) {
		new WebDriverWait(window, within).until((driver) -> count(driver, text) > 0);
		assertThat(count(window, text)).as("'%s' shown in %s", text, window.getCurrentUrl()).isEqualTo(1);
	}

	private static long count(WebDriver window, String text) {
		return window.findElements(By.cssSelector("#messages li .text"))
			.stream()
			.filter((element) -> element.getText().equals(text))
			.count();
	}

	private static WebElement waitFor(WebDriver window, By locator) {
		return new WebDriverWait(window, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private static void screenshot(WebDriver window, String name) throws IOException {
		Path directory = Path.of(System.getProperty("chat.screenshots", "target/screenshots"));
		Files.createDirectories(directory);
		File file = ((TakesScreenshot) window).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), directory.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	@org.junit.jupiter.api.AfterEach
	void closeWindows() {
		this.windows.forEach(WebDriver::quit);
	}

}

package io.evento.examples.todo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.payara.database.ThrowawayDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin console in a real browser (Debian's headless Chromium through ChromeDriver) against a
 * two-instance cluster with the TodoList bundles connected: log in, open every page, see the
 * catalogs filled and the graph and a flow drawn, retry a dead event from the GUI, and see that a
 * viewer cannot. Screenshots of every page land in {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleBrowserIT {

    private static final String TOKEN = "console-it-token";
    private static final String ADMIN_PASSWORD = "console-admin-pw";
    private static final String VIEWER_PASSWORD = "console-viewer-pw";
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private TodoTestSystem system;
    private WebDriver browser;
    private WebDriverWait waiting;
    private String api;
    private String console;
    private String brokenList;

    @BeforeAll
    void start() throws Exception {
        system = TodoTestSystem.start("console", TOKEN, Map.of(
                "EVENTO_ADMIN_USERS", "ada:admin:" + io.evento.payara.password.PasswordHash.of(ADMIN_PASSWORD.toCharArray())
                        + ",vic:viewer:" + io.evento.payara.password.PasswordHash.of(VIEWER_PASSWORD.toCharArray())));
        try {
            String second = system.cluster.instance(1).baseUrl();
            api = system.api();
            console = second + "/";
            traffic();
            // telemetry reaches the database every 5 s, consumer reports every 5 s
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(adminApi("flows/CheckTodoItem").path("throughput").isNumber()).isTrue();
                assertThat(adminApi("catalog/payloads/CreateTodoList").get("sentBy").toString()).contains("TodoInvoker");
                assertThat(adminApi("consumers").get("total").asInt()).isEqualTo(3);
            });
            browser = chromium();
            waiting = new WebDriverWait(browser, WAIT);
            Files.createDirectories(SCREENSHOTS);
        } catch (Exception e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        TodoTestSystem.quietly(system);
    }

    /** Debian's Chromium, headless, with nothing reaching beyond loopback. */
    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("evento.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1500,1000", "--user-data-dir=" + tempDir());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("evento.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("evento-chromium").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lists, items and checks, so that catalogs, telemetry and flows have something to show. */
    private void traffic() {
        for (int i = 0; i < 3; i++) {
            String list = call("POST", api + "/lists", "{\"name\":\"console " + i + "\",\"owner\":\"ann\"}", null).get("listId").asText();
            String item = call("POST", api + "/lists/" + list + "/items", "{\"text\":\"milk\"}", null).get("itemId").asText();
            call("POST", api + "/lists/" + list + "/items/" + item + "/check", null, null);
            // the read model follows the events: the list is there a moment after the commands' answers
            await().atMost(WAIT).until(() -> status(api + "/lists/" + list) == 200);
        }
    }

    @Test
    @Order(1)
    void anAdministratorLogsInAndSeesBothServerInstances() {
        // when
        login("ada", ADMIN_PASSWORD);

        // then
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=page-status] table[data-testid=members]")));
        assertThat(rows("members")).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("[data-testid=who]")).getText()).contains("ada (admin)");
        screenshot("01-cluster");
    }

    @Test
    @Order(2)
    void theCatalogsListWhatTheTwoBundlesRegistered() {
        open("bundles");
        waitForTable("bundles");
        assertThat(tableText("bundles")).contains("todo").contains("users");
        screenshot("02-bundles");

        open("components");
        waitForTable("components");
        assertThat(tableText("components")).contains("TodoListAggregate").contains("ListQuotaSaga").contains("TodoInvoker");
        screenshot("03-components");

        open("payloads");
        waitForTable("payloads");
        WebElement create = browser.findElements(By.cssSelector("table[data-testid=payloads] tbody tr")).stream()
                .filter(row -> row.getText().startsWith("CreateTodoList")).findFirst().orElseThrow();
        create.click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=payloads-detail]"), "JSON schema"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=payloads-detail]")).getText())
                .contains("TodoListAggregate").contains("TodoInvoker").contains("\"name\"");

        // an administrator describes the payload; markup stays text
        String description = "Opens a list. <b>not bold</b> & \"quoted\"";
        WebElement input = browser.findElement(By.cssSelector("[data-testid=payloads-detail] [data-testid=description-input]"));
        input.clear();
        input.sendKeys(description);
        browser.findElement(By.cssSelector("[data-testid=payloads-detail] [data-testid=description-save]")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=payloads-detail]"), "saved"));
        for (boolean reload : new boolean[]{false, true}) {
            // reopened from the same list, then after reloading the page
            if (reload) {
                browser.navigate().refresh();
            }
            waitForTable("payloads");
            browser.findElements(By.cssSelector("table[data-testid=payloads] tbody tr")).stream()
                    .filter(row -> row.getText().startsWith("CreateTodoList")).findFirst().orElseThrow().click();
            waiting.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-testid=payloads-detail] [data-testid=description]"), description));
        }
        assertThat(browser.findElements(By.cssSelector("[data-testid=payloads-detail] [data-testid=description] b"))).isEmpty();
        assertThat(adminApi("catalog/payloads/CreateTodoList").get("description").asText()).isEqualTo(description);
        screenshot("04-payloads");
    }

    @Test
    @Order(3)
    void theApplicationGraphAndAFlowAreDrawn() {
        open("graph");
        waiting.until(d -> d.findElements(By.cssSelector("svg[data-testid=graph] [data-testid=graph-node]")).size() >= 8);
        assertThat(browser.findElements(By.cssSelector("svg[data-testid=graph] [data-testid=graph-edge]"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(browser.findElement(By.cssSelector("[data-node='users/ListQuotaSaga']")).isDisplayed()).isTrue();
        screenshot("05-graph");

        open("flows");
        waitForTable("flows");
        browser.findElements(By.cssSelector("table[data-testid=flows] tbody tr")).stream()
                .filter(row -> row.getText().startsWith("CheckTodoItem")).findFirst().orElseThrow().click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg[data-testid=flow-drawing]")));
        assertThat(browser.findElements(By.cssSelector("svg[data-testid=flow-drawing] [data-testid=flow-step], "
                + "svg[data-testid=flow-drawing] [data-testid=flow-bottleneck]"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("[data-testid=flow-bottleneck]"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-testid=flow-summary]")).getText()).contains("per second; bottleneck");
        screenshot("06-flow");
    }

    @Test
    @Order(4)
    void telemetryAndTheStateStoreShowTheTraffic() {
        open("telemetry");
        waitForTable("telemetry");
        assertThat(tableText("telemetry")).contains("TodoListAggregate").contains("TodoListProjector");
        browser.findElements(By.cssSelector("table[data-testid=telemetry] tbody tr")).get(0).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg[data-testid=series]")));
        screenshot("07-telemetry");

        open("store");
        waitForTable("events");
        assertThat(tableText("events")).contains("TodoListCreated").contains("TodoItemAdded");
        screenshot("08-store");
        // a search by payload content: only the list created with that name
        WebElement contains = browser.findElement(By.cssSelector("input[data-testid=filter-contains]"));
        contains.sendKeys("{\"name\":\"console 1\"}");
        contains.submit();
        waiting.until(d -> {
            try {
                String text = tableText("events");
                return text.contains("TodoListCreated") && !text.contains("TodoItemAdded");
            } catch (RuntimeException stale) {
                return false;
            }
        });
        assertThat(browser.findElements(By.cssSelector("table[data-testid=events] tbody tr"))).hasSize(1);
    }

    @Test
    @Order(5)
    void aDeadEventIsRetriedFromTheConsoleAndThenProcessed() throws Exception {
        // given the projector's item table gone for a moment: the next item cannot be projected
        brokenList = call("POST", api + "/lists", "{\"name\":\"broken\",\"owner\":\"ann\"}", null).get("listId").asText();
        await().atMost(WAIT).until(() -> status(api + "/lists/" + brokenList) == 200);
        sql("ALTER TABLE todo_item RENAME TO todo_item_away");
        call("POST", api + "/lists/" + brokenList + "/items", "{\"text\":\"lost for now\"}", null);
        await().atMost(WAIT).until(() -> adminApi("consumers?dead=true").get("total").asInt() == 1);
        sql("ALTER TABLE todo_item_away RENAME TO todo_item");

        // when an administrator retries it in the console
        open("consumers");
        waitForTable("consumers");
        assertThat(browser.findElements(By.cssSelector("table[data-testid=consumers] [data-testid=context]")))
                .extracting(WebElement::getText).as("each consumer shows the context pattern it reads").isNotEmpty().containsOnly("*");
        browser.findElements(By.cssSelector("table[data-testid=consumers] tbody tr")).stream()
                .filter(row -> row.getText().contains("TodoListProjector")).findFirst().orElseThrow().click();
        WebElement retry = waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid^=retry-]")));
        screenshot("09-dead-event");
        retry.click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=action-done]")));

        // then the bundle processes it: the item reaches the read model and the dead event is gone
        await().atMost(WAIT).untilAsserted(() -> assertThat(call("GET", api + "/lists/" + brokenList, null, null).get("items")).hasSize(1));
        await().atMost(WAIT).until(() -> adminApi("consumers?dead=true").get("total").asInt() == 0);
        screenshot("10-retried");
    }

    @Test
    @Order(6)
    void aPublishedBundleIsListedAndAnAdministratorMakesItAutorun() throws Exception {
        // given the users WAR published with the CLI (its jar in a process of its own)
        Path jar;
        try (var jars = Files.list(io.evento.payara.MicroRecipe.projectDir().resolve("cli/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().endsWith("-all.jar")).findFirst().orElseThrow();
        }
        ProcessBuilder publish = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "publish", System.getProperty("users.war"), "--server", console, "--user", "ada").redirectErrorStream(true);
        publish.environment().put("EVENTO_PASSWORD", ADMIN_PASSWORD);
        Process process = publish.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        // when an administrator opens it in the console and makes it autorun with up to two instances
        open("published");
        waitForTable("published");
        assertThat(tableText("published")).contains("users").contains("users.war").contains("not deployable");
        rows("published").get(0).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[data-testid=published-components]")));
        assertThat(tableText("published-components")).contains("ListQuotaSaga").contains("ReserveListSlot");
        browser.findElement(By.cssSelector("[data-testid=setting-deployable]")).click();
        browser.findElement(By.cssSelector("[data-testid=setting-autorun]")).click();
        WebElement max = browser.findElement(By.cssSelector("[data-testid=setting-max]"));
        max.clear();
        max.sendKeys("2");
        WebElement min = browser.findElement(By.cssSelector("[data-testid=setting-min]"));
        min.clear();
        min.sendKeys("1");
        browser.findElement(By.cssSelector("[data-testid=settings-save]")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=settings-saved]")));
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table[data-testid=published]"), "autorun"));
        assertThat(tableText("published")).contains("1–2");
        screenshot("12-published");

        // then the server keeps the settings
        JsonNode settings = adminApi("published-bundles/users/1").get("bundle").get("settings");
        assertThat(settings.get("autorun").asBoolean()).isTrue();
        assertThat(settings.get("deployable").asBoolean()).isTrue();
        assertThat(settings.get("minInstances").asInt()).isEqualTo(1);
        assertThat(settings.get("maxInstances").asInt()).isEqualTo(2);

        // and a setting the server refuses is shown with its reason
        min.clear();
        min.sendKeys("5");
        browser.findElement(By.cssSelector("[data-testid=settings-save]")).click();
        assertThat(waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=error]"))).getText())
                .contains("minInstances");
        assertThat(adminApi("published-bundles/users/1").get("bundle").get("settings").get("minInstances").asInt()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void aViewerSeesEverythingButCannotAct() throws Exception {
        // given a dead event again
        sql("ALTER TABLE todo_item RENAME TO todo_item_away");
        call("POST", api + "/lists/" + brokenList + "/items", "{\"text\":\"again\"}", null);
        await().atMost(WAIT).until(() -> adminApi("consumers?dead=true").get("total").asInt() == 1);
        sql("ALTER TABLE todo_item_away RENAME TO todo_item");

        // when a viewer looks at it
        browser.findElement(By.cssSelector("[data-testid=logout]")).click();
        login("vic", VIEWER_PASSWORD);
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[data-testid=members]")));
        open("consumers");
        waitForTable("consumers");
        browser.findElements(By.cssSelector("table[data-testid=consumers] tbody tr")).stream()
                .filter(row -> row.getText().contains("TodoListProjector")).findFirst().orElseThrow().click();
        WebElement retry = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid^=retry-]")));

        // then the action is not offered, and the API refuses it too
        assertThat(retry.isEnabled()).isFalse();
        String consumer = adminApi("consumers?dead=true").get("items").get(0).get("consumerId").asText();
        String eventId = adminApi("consumers?dead=true").get("items").get(0).get("deadEvents").get(0).get("eventId").asText();
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(console + "api/consumers/" + consumer + "/dead-events/"
                + eventId + "/retry")).header("Authorization", basic("vic", VIEWER_PASSWORD)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        screenshot("11-viewer");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private void login(String user, String password) {
        browser.get(console + "#/login");
        WebElement name = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=login-user]")));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.cssSelector("[data-testid=login-password]")).sendKeys(password);
        browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();
    }

    private void open(String page) {
        browser.findElement(By.cssSelector("[data-testid=nav-" + page + "]")).click();
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=page-" + page + "]")));
    }

    private void waitForTable(String testid) {
        waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[data-testid=" + testid + "] tbody tr")));
    }

    private List<WebElement> rows(String testid) {
        return browser.findElements(By.cssSelector("table[data-testid=" + testid + "] tbody tr"));
    }

    private String tableText(String testid) {
        return browser.findElement(By.cssSelector("table[data-testid=" + testid + "]")).getText();
    }

    private void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(system.todoDatabase.jdbcUrl(), ThrowawayDatabase.user(), ThrowawayDatabase.password());
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private JsonNode adminApi(String path) {
        return call("GET", console + "api/" + path, null, basic("ada", ADMIN_PASSWORD));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static JsonNode call(String method, String url, String body, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

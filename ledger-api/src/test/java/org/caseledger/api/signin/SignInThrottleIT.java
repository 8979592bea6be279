package org.caseledger.api.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.caseledger.api.support.BrowserCookies;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.RawHttp;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Password guessing against the running ledger, over HTTP, at the throttle's production numbers: a burst of guesses
 * from one address is refused before any password is checked, both through HTTP Basic and through the sign-in form,
 * and the administrator lifts the locks. Every password check the ledger computes is counted where it happens, in
 * the password encoder.
 * <p>
 * The shared context of the other integration tests cannot run the throttle at these numbers: they all speak from
 * 127.0.0.1 and some send hundreds of bad credentials on purpose, so there nothing locks. This test has a context
 * and a database of its own, and its users' passwords are hashed at bcrypt's production cost (10), not at the
 * cheapest cost the other tests use, so that a guess costs here what it costs in production. The attackers connect
 * from other loopback addresses (127.0.0.2 …) than the member of staff at work (127.0.0.1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.sign-in.account.allowance=5", "ledger.sign-in.account.first-lock=30s", "ledger.sign-in.account.max-lock=15m",
        "ledger.sign-in.account.forget-one-every=15m", "ledger.sign-in.address.allowance=20", "ledger.sign-in.address.first-lock=30s",
        "ledger.sign-in.address.max-lock=15m", "ledger.sign-in.address.forget-one-every=5m",
        "ledger.security.users[0].username=anna", "ledger.security.users[0].password=" + SignInThrottleIT.COST_10_HASH,
        "ledger.security.users[0].staff-id=anna.lind", "ledger.security.users[0].role=SOCIAL_SECRETARY", "ledger.security.users[0].unit=vivalla",
        "ledger.security.users[1].username=tove", "ledger.security.users[1].password=" + SignInThrottleIT.COST_10_HASH,
        "ledger.security.users[1].staff-id=tove.lund", "ledger.security.users[1].role=SOCIAL_SECRETARY", "ledger.security.users[1].unit=vivalla",
        "ledger.security.users[2].username=karin", "ledger.security.users[2].password=" + SignInThrottleIT.COST_10_HASH,
        "ledger.security.users[2].staff-id=karin.berg", "ledger.security.users[2].role=GROUP_LEADER", "ledger.security.users[2].unit=vivalla",
        "ledger.security.users[3].username=sara", "ledger.security.users[3].password=" + SignInThrottleIT.COST_10_HASH,
        "ledger.security.users[3].staff-id=sara.ek", "ledger.security.users[3].role=SOCIAL_SECRETARY", "ledger.security.users[3].unit=vivalla",
        "ledger.security.users[4].username=eva", "ledger.security.users[4].password=" + SignInThrottleIT.COST_10_HASH,
        "ledger.security.users[4].staff-id=eva.holm", "ledger.security.users[4].role=ADMINISTRATOR", "ledger.security.users[4].unit=vivalla",
        "ledger.security.users[5].username=ivo", "ledger.security.users[5].password=" + SignInThrottleIT.COST_10_HASH,
        "ledger.security.users[5].staff-id=ivo.granskare", "ledger.security.users[5].role=AUDITOR", "ledger.security.users[5].unit=supervision"})
@DirtiesContext
class SignInThrottleIT {

    /** "ledger-demo" hashed with bcrypt at cost 10, as in the application's own configuration. */
    static final String COST_10_HASH = "{bcrypt}$2a$10$/wUr//HZ5meg0GP1TVRDvOo5WQXUkz1IjZrX/cmBvrgQjDHAD3s9K";

    private static final TestDatabase.Database DATABASE = TestDatabase.another();
    private static final String STAFF_ADDRESS = "127.0.0.1";
    private static final int THREADS = 8;
    private static final int GUESSES_AT_ONE_ACCOUNT = 200;
    private static final int OTHER_NAMES = 40;
    private static final int GUESSES_PER_OTHER_NAME = 5;
    private static final int LEGITIMATE_REQUESTS = 30;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private SignInProperties limits;

    private LedgerHttp http;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.registerIn(registry);
    }

    @BeforeEach
    void http() {
        http = new LedgerHttp("http://" + STAFF_ADDRESS + ":" + port);
    }

    @Test
    void aGuessingBurstIsRefusedBeforeThePasswordIsCheckedAndTheStaffAtWorkBarelyNoticeIt() throws Exception {
        String attacker = "127.0.0.2";
        RawHttp guesser = new RawHttp(port).from(attacker);
        List<String> guesses = guesses();
        List<Long> before = timedRequests(LEGITIMATE_REQUESTS);
        long checksBefore = PasswordChecks.WRONG.get();

        Burst burst = burst(guesser, guesses);

        long checksDuringBurst = PasswordChecks.WRONG.get() - checksBefore;
        int refused = burst.statuses().getOrDefault(429, 0);
        System.out.printf("%nSign-in burst from %s: %d guesses by %d threads (%d at tove, %d spread over %d names) in %.1f s; "
                        + "answers %s; wrong passwords checked: %d (allowance of the address: %d)%n", attacker, burst.sent(), THREADS,
                GUESSES_AT_ONE_ACCOUNT, OTHER_NAMES * GUESSES_PER_OTHER_NAME, OTHER_NAMES, burst.seconds(), burst.statuses(),
                checksDuringBurst, limits.address().allowance());
        System.out.printf("Legitimate requests from %s (each a bcrypt check at cost 10): before the burst median %d ms, p95 %d ms; "
                        + "during it median %d ms, p95 %d ms (%d requests)%n", STAFF_ADDRESS, percentile(before, 50), percentile(before, 95),
                percentile(burst.legitimate(), 50), percentile(burst.legitimate(), 95), burst.legitimate().size());

        assertThat(burst.sent()).isGreaterThanOrEqualTo(guesses.size());
        assertThat(burst.statuses().keySet()).as("every guess is refused as a wrong password or as locked").containsOnly(401, 429);
        assertThat(burst.malformedRefusals()).as("429 answers without Retry-After or a problem").isEmpty();
        assertThat(checksDuringBurst).as("passwords checked: the address's allowance, and the guesses already past the guard when it locked")
                .isBetween((long) limits.address().allowance(), (long) limits.address().allowance() + THREADS);
        assertThat(burst.statuses().get(401)).isEqualTo((int) checksDuringBurst);
        assertThat(burst.legitimateStatuses()).as("the member of staff at work is never refused").containsOnly(200);
        assertThat(percentile(burst.legitimate(), 50)).as("median of a legitimate request during the burst, ms: generous, for a shared machine")
                .isLessThanOrEqualTo(3 * percentile(before, 50) + 250);

        Map<String, Long> logged = jdbc.sql("SELECT outcome, count(*) FROM access_log WHERE address = ? AND what = 'sign-in' GROUP BY outcome")
                .param(attacker).query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(logged).as("every failure and every refusal is in the access log, with the address")
                .containsExactlyInAnyOrderEntriesOf(Map.of("SIGN_IN_FAILED", checksDuringBurst, "SIGN_IN_LOCKED", (long) refused));
        JsonNode toveAttempts = http.as("ivo").get("/api/v1/audit/access-log?user=tove&limit=1000").json();
        assertThat(toveAttempts.valueStream().filter(entry -> entry.path("outcome").asString().equals("SIGN_IN_LOCKED")))
                .as("refusals of the name tried, as the auditor reads them").isNotEmpty()
                .allSatisfy(entry -> {
                    assertThat(entry.path("address").asString()).isEqualTo(attacker);
                    assertThat(entry.path("what").asString()).isEqualTo("sign-in");
                    assertThat(entry.path("detail").asString()).contains("locked until");
                });

        long checksBeforeRightPassword = PasswordChecks.ALL.get();
        RawHttp.Answer rightPassword = guesser.send(get(basic("tove", LedgerHttp.PASSWORD)));
        Response rightPasswordElsewhere = http.anonymous().header("Authorization", basic("tove", LedgerHttp.PASSWORD)).get("/api/v1/caseload");
        RawHttp.Answer anyoneFromThere = guesser.send(get(basic("never-tried", "whatever")));
        assertThat(PasswordChecks.ALL.get()).as("no password checked for a locked account or address").isEqualTo(checksBeforeRightPassword);
        assertLocked(rightPassword.status(), rightPassword.header("Retry-After"), rightPassword.header("Content-Type"), rightPassword.text());
        assertLocked(rightPasswordElsewhere.status(), rightPasswordElsewhere.header("Retry-After"), rightPasswordElsewhere.contentType(),
                rightPasswordElsewhere.text());
        assertLocked(anyoneFromThere.status(), anyoneFromThere.header("Retry-After"), anyoneFromThere.header("Content-Type"), anyoneFromThere.text());
        assertThat(http.anonymous().header("Authorization", basic("never-tried", "whatever")).get("/api/v1/caseload").status())
                .as("that name from another address").isEqualTo(401);

        JsonNode locks = http.as("eva").get("/api/v1/admin/sign-in-locks").json();
        assertThat(locks.valueStream().map(lock -> lock.has("account") ? lock.get("account").asString() : lock.get("address").asString()))
                .contains("tove", attacker);
        assertThat(http.as("eva").delete("/api/v1/admin/sign-in-locks/addresses/" + attacker).status()).isEqualTo(204);
        assertThat(http.as("eva").delete("/api/v1/admin/sign-in-locks/accounts/tove").status()).isEqualTo(204);
        assertThat(guesser.send(get(basic("tove", LedgerHttp.PASSWORD))).status()).as("tove after both locks are lifted").isEqualTo(200);
    }

    @Test
    void theSignInFormIsLockedTheSameWayAndSaysSoInSwedishOrEnglish() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(BrowserCookies.manager()).followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher token = CSRF.matcher(page(browser, "/login").body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String csrf = token.group(1);
        try {
            for (int i = 1; i <= limits.account().allowance(); i++) {
                HttpResponse<String> wrong = signIn(browser, "karin", "guess-" + i, csrf);
                assertThat(wrong.statusCode()).isEqualTo(302);
                assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
            }
            long checksBefore = PasswordChecks.ALL.get();

            HttpResponse<String> right = signIn(browser, "karin", LedgerHttp.PASSWORD, csrf);

            assertThat(PasswordChecks.ALL.get()).as("no password checked while locked").isEqualTo(checksBefore);
            assertThat(right.statusCode()).isEqualTo(302);
            String location = right.headers().firstValue("Location").orElseThrow();
            assertThat(location).as("30 seconds, rounded up to a minute").endsWith("/login?locked=1");
            HttpResponse<String> swedish = page(browser, "/login?locked=1");
            assertThat(swedish.body()).contains("För många misslyckade inloggningar").contains("Försök igen om en minut");
            assertThat(page(browser, "/login?locked=3&lang=en").body()).contains("Too many failed sign-ins").contains("Try again in 3 minutes");
            assertThat(page(browser, "/login?locked=soon").body()).as("a locked parameter that is no number of minutes")
                    .contains("Wait a while and try again").doesNotContain("soon");
            assertThat(jdbc.sql("SELECT outcome FROM access_log WHERE staff_id = 'karin' AND address = ? ORDER BY position")
                    .param(STAFF_ADDRESS).query(String.class).list())
                    .containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_LOCKED");
        } finally {
            http.as("eva").delete("/api/v1/admin/sign-in-locks/accounts/karin");
        }
        HttpResponse<String> afterUnlock = signIn(browser, "karin", LedgerHttp.PASSWORD, csrf);
        assertThat(afterUnlock.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/ui"));
    }

    @Test
    void theAdministratorLiftsALockAndNobodyElseMay() throws IOException {
        RawHttp office = new RawHttp(port).from("127.0.0.4");
        for (int i = 1; i <= limits.account().allowance(); i++) {
            assertThat(office.send(get(basic("sara", "guess-" + i))).status()).isEqualTo(401);
        }
        assertThat(office.send(get(basic("sara", LedgerHttp.PASSWORD))).status()).as("sara, locked, with her password").isEqualTo(429);

        JsonNode locks = http.as("eva").get("/api/v1/admin/sign-in-locks").json();
        assertThat(locks.valueStream().filter(lock -> lock.path("account").asString().equals("sara"))).singleElement().satisfies(lock -> {
            assertThat(lock.path("failures").asInt()).isEqualTo(limits.account().allowance());
            assertThat(lock.path("lockedUntil").asString()).isNotEmpty();
        });
        for (Response refused : List.of(http.as("anna").get("/api/v1/admin/sign-in-locks"), http.as("anna").delete("/api/v1/admin/sign-in-locks/accounts/sara"),
                http.as("ivo").delete("/api/v1/admin/sign-in-locks/addresses/127.0.0.4"))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(office.send(get(basic("sara", LedgerHttp.PASSWORD))).status()).as("still locked").isEqualTo(429);

        assertThat(http.as("eva").delete("/api/v1/admin/sign-in-locks/accounts/sara").status()).isEqualTo(204);

        assertThat(office.send(get(basic("sara", LedgerHttp.PASSWORD))).status()).as("sara after the administrator's release").isEqualTo(200);
        Response again = http.as("eva").delete("/api/v1/admin/sign-in-locks/accounts/sara");
        assertThat(again.status()).as("nothing left to release").isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(http.as("eva").delete("/api/v1/admin/sign-in-locks/addresses/127.0.0.4").status()).as("the office's five failures").isEqualTo(204);
    }

    /** Wrong passwords: many at one real account, and a few at each of many other names, shuffled as eight guessers would send them. */
    private static List<String> guesses() {
        List<String> guesses = new ArrayList<>();
        for (int i = 0; i < GUESSES_AT_ONE_ACCOUNT; i++) {
            guesses.add(basic("tove", "Sommar2026!" + i));
        }
        for (int name = 0; name < OTHER_NAMES; name++) {
            for (int i = 0; i < GUESSES_PER_OTHER_NAME; i++) {
                guesses.add(basic("staff-" + name, "Vinter2026!" + i));
            }
        }
        Collections.shuffle(guesses, new Random(2026));
        return guesses;
    }

    private record Burst(int sent, double seconds, Map<Integer, Integer> statuses, List<String> malformedRefusals, List<Long> legitimate,
                         List<Integer> legitimateStatuses) {
    }

    /**
     * Sends every guess at least once from {@code THREADS} threads and keeps guessing, from the top of the list, until
     * the member of staff at work has made their requests, which are timed meanwhile.
     */
    private Burst burst(RawHttp guesser, List<String> guesses) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean staffDone = new AtomicBoolean();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> malformed = new CopyOnWriteArrayList<>();
        List<Integer> legitimateStatuses = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        try {
            List<Future<?>> guessers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                guessers.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < guesses.size() || !staffDone.get(); i = next.getAndIncrement()) {
                        RawHttp.Answer answer = guesser.send(get(guesses.get(i % guesses.size())));
                        statuses.merge(answer.status(), 1, Integer::sum);
                        if (answer.status() == 429 && (answer.header("Retry-After") == null
                                || !String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"))) {
                            malformed.add(answer.status() + " " + answer.headers());
                        }
                    }
                    return null;
                }));
            }
            Future<List<Long>> staff = threads.submit(() -> {
                try {
                    return timedRequests(LEGITIMATE_REQUESTS, legitimateStatuses);
                } finally {
                    staffDone.set(true);
                }
            });
            List<Long> legitimate = staff.get(5, TimeUnit.MINUTES);
            for (Future<?> each : guessers) {
                each.get(5, TimeUnit.MINUTES);
            }
            int sent = statuses.values().stream().mapToInt(Integer::intValue).sum();
            return new Burst(sent, (System.nanoTime() - started) / 1e9, new TreeMap<>(statuses), malformed, legitimate, legitimateStatuses);
        } finally {
            threads.shutdownNow();
        }
    }

    private List<Long> timedRequests(int count) {
        List<Integer> statuses = new ArrayList<>();
        List<Long> millis = timedRequests(count, statuses);
        assertThat(statuses).containsOnly(200);
        return millis;
    }

    /** The member of staff at work: one request after another, each signed in with HTTP Basic as the API is. */
    private List<Long> timedRequests(int count, List<Integer> statuses) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            Response answer = http.as("anna").get("/api/v1/caseload");
            millis.add((System.nanoTime() - start) / 1_000_000);
            statuses.add(answer.status());
        }
        return millis;
    }

    private static void assertLocked(int status, String retryAfter, String contentType, String body) {
        assertThat(status).as(body).isEqualTo(429);
        assertThat(retryAfter).as("Retry-After").isNotNull();
        assertThat(Long.parseLong(retryAfter)).isPositive();
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(body).contains("\"type\":\"/problems/sign-in-locked\"").contains("\"status\":429")
                .contains("För många misslyckade inloggningar");
    }

    private static RawHttp.Request get(String authorization) {
        return new RawHttp.Request("GET", "/api/v1/caseload", List.of(RawHttp.header("Authorization", authorization)), new byte[0], false);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> page(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://" + STAFF_ADDRESS + ":" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signIn(HttpClient browser, String user, String password, String csrf) throws IOException, InterruptedException {
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://" + STAFF_ADDRESS + ":" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long percentile(List<Long> millis, int percent) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /** Counts the password checks the ledger computes: every one is a bcrypt computation, right or wrong. */
    @TestConfiguration(proxyBeanMethods = false)
    static class PasswordChecks {

        static final AtomicLong ALL = new AtomicLong();
        static final AtomicLong WRONG = new AtomicLong();

        @Bean
        static BeanPostProcessor countPasswordChecks() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof PasswordEncoder encoder ? new Counting(encoder) : bean;
                }
            };
        }

        private record Counting(PasswordEncoder encoder) implements PasswordEncoder {

            @Override
            public String encode(CharSequence rawPassword) {
                return encoder.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                boolean matches = encoder.matches(rawPassword, encodedPassword);
                ALL.incrementAndGet();
                if (!matches) {
                    WRONG.incrementAndGet();
                }
                return matches;
            }

            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                return encoder.upgradeEncoding(encodedPassword);
            }
        }
    }
}
